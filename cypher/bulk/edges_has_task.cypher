// Bulk path, Neo4j (graph/bulk_neo4j.py): HAS_TASK edges between nodes the same load created, each end found by its
// label's unique key (static labels: in Neo4j 5.26 a MATCH on a dynamic label scans every node).
// Parameters: $rows (list of {s: the Document's key, t: the Task's key, p: the edge's properties}).
UNWIND $rows AS r
MATCH (a:Document {key: r.s})
MATCH (b:Task {key: r.t})
CREATE (a)-[e:HAS_TASK]->(b)
SET e = r.p;
