// Baseline: targets, each linked to its task (bench/baselines.py).
UNWIND $rows AS g
MATCH (t:Task {key: g.task})
CREATE (t)-[:SETS]->(target:Target {key: g.key})
SET target += g.props
