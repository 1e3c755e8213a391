// Baseline: agencies, merged on their key (bench/baselines.py).
UNWIND $rows AS a
MERGE (agency:Agency {key: a.key})
ON CREATE SET agency += a.props
