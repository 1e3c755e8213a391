// Bulk path, Neo4j (graph/bulk_neo4j.py): MENTIONS edges between nodes the same load created, each end found by its
// label's unique key (static labels: in Neo4j 5.26 a MATCH on a dynamic label scans every node).
// Parameters: $rows (list of {s: the Task's key, t: the Programme's key, p: the edge's properties}).
UNWIND $rows AS r
MATCH (a:Task {key: r.s})
MATCH (b:Programme {key: r.t})
CREATE (a)-[e:MENTIONS]->(b)
SET e = r.p;
