// Among these notices, remove the cited-only stubs nobody cites any more (registry notices stay): graph/derived.py
// runs it over the notices a replaced notice used to cite (graph_prune_orphans does the whole graph). Returns the
// keys removed. Parameters: $keys (Document keys).
UNWIND $keys AS key
MATCH (s:Document {key: key})
WHERE s.stub = true AND s.registry IS NULL AND NOT ()-[:CITES]->(s)
DETACH DELETE s
RETURN key;
