// The registry's national notices not in the graph as registry notices yet (absent, or a stub known by its 文号):
// documents_ensure_national is about to add them, with the title they have now. Parameters: $keys (Document keys).
UNWIND $keys AS key
OPTIONAL MATCH (d:Document {key: key})
WITH key, d
WHERE d IS NULL OR d.registry IS NULL
RETURN key, d.title AS title;
