// Baseline: lead edges with their provenance (bench/baselines.py).
UNWIND $rows AS r
MATCH (a:Agency {key: r.agency})
MATCH (t:Task {key: r.task})
CREATE (a)-[e:LEADS]->(t)
SET e += r.props
