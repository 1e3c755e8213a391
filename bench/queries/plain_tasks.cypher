// Baseline: tasks, each linked to its notice (bench/baselines.py).
UNWIND $rows AS t
MATCH (doc:Document {key: t.doc})
CREATE (doc)-[:HAS_TASK]->(task:Task {key: t.key})
SET task += t.props
