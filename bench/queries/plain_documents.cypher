// Baseline: notices written by the plainest statement there is, one label at a time (bench/baselines.py).
UNWIND $rows AS d
CREATE (doc:Document {key: d.key})
SET doc += d.props
