// Bulk path, Neo4j (graph/bulk_neo4j.py): IN_REGION edges between nodes the same load created, each end found by its
// label's unique key (static labels: in Neo4j 5.26 a MATCH on a dynamic label scans every node).
// Parameters: $rows (list of {s: the Document's key, t: the Region's code, p: the edge's properties}).
UNWIND $rows AS r
MATCH (a:Document {key: r.s})
MATCH (b:Region {code: r.t})
CREATE (a)-[e:IN_REGION]->(b)
SET e = r.p;
