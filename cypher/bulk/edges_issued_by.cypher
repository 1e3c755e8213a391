// Bulk path, Neo4j (graph/bulk_neo4j.py): ISSUED_BY edges between nodes the same load created, each end found by its
// label's unique key (static labels: in Neo4j 5.26 a MATCH on a dynamic label scans every node).
// Parameters: $rows (list of {s: the Document's key, t: the Agency's key, p: the edge's properties}).
UNWIND $rows AS r
MATCH (a:Document {key: r.s})
MATCH (b:Agency {key: r.t})
CREATE (a)-[e:ISSUED_BY]->(b)
SET e = r.p;
