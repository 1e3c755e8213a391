// Bulk path, Neo4j (graph/bulk_neo4j.py): SETS edges between nodes the same load created, each end found by its
// label's unique key (static labels: in Neo4j 5.26 a MATCH on a dynamic label scans every node).
// Parameters: $rows (list of {s: the Task's key, t: the Target's key, p: the edge's properties}).
UNWIND $rows AS r
MATCH (a:Task {key: r.s})
MATCH (b:Target {key: r.t})
CREATE (a)-[e:SETS]->(b)
SET e = r.p;
