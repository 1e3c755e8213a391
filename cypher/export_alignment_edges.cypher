// The ALIGNS_WITH relationships between tasks of the given notices (both ends among them, each relationship once,
// from the notice its tasks leave), with both ends: a filtered export does not pull in the tasks of notices it
// leaves out. Parameters: $documents (list of Document keys).
UNWIND $documents AS key
MATCH (:Document {key: key})-[:HAS_TASK]->(a:Task)-[r:ALIGNS_WITH]->(b:Task)<-[:HAS_TASK]-(other:Document)
WHERE other.key IN $documents
RETURN type(r) AS type, properties(r) AS properties, 'Task' AS source_label, properties(a) AS source,
       'Task' AS target_label, properties(b) AS target;
