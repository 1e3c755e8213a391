// What task alignment reads of these notices' tasks: key, title, text and position (graph/alignment.py).
// Parameters: $keys (Document keys).
UNWIND $keys AS key
MATCH (:Document {key: key})-[:HAS_TASK]->(t:Task)
RETURN key AS document, t.key AS key, t.ordinal AS ordinal, t.title AS title, t.text AS text;
