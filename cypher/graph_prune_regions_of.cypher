// Among these regions, remove those with no notice and no region below them; returns the codes of the regions they
// were part of, which may be left empty in turn (graph/derived.py goes up until nothing is removed).
// Parameters: $codes (Region codes).
UNWIND $codes AS code
MATCH (r:Region {code: code})
WHERE NOT (r)<-[:IN_REGION]-() AND NOT (r)<-[:PART_OF]-()
OPTIONAL MATCH (r)-[:PART_OF]->(up:Region)
WITH r, collect(up.code) AS above
DETACH DELETE r
RETURN above;
