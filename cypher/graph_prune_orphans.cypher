// Remove what no notice refers to any more (after a notice was replaced): agencies, programmes, cited-only stubs
// that nobody cites (registry notices stay), and regions with no notice below them.
OPTIONAL MATCH (a:Agency) WHERE NOT (a)--()
WITH collect(a) AS agencies
OPTIONAL MATCH (p:Programme) WHERE NOT (p)--()
WITH agencies, collect(p) AS programmes
OPTIONAL MATCH (s:Document) WHERE s.stub = true AND s.registry IS NULL AND NOT ()-[:CITES]->(s)
WITH agencies, programmes, collect(s) AS stubs
OPTIONAL MATCH (r:Region) WHERE NOT (r)<-[:IN_REGION]-() AND NOT (r)<-[:PART_OF]-()
WITH agencies, programmes, stubs, collect(r) AS regions
FOREACH (n IN agencies + programmes + stubs + regions | DETACH DELETE n)
RETURN size(agencies) + size(programmes) + size(stubs) + size(regions) AS removed;
