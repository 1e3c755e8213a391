// The first county notice of the graph (by key), for bench/bench_scale.py's questions on one notice.
MATCH (d:Document {stub: false})
WHERE d.tier = 3
RETURN d.key AS key, d.region AS region
ORDER BY d.key
LIMIT 1
