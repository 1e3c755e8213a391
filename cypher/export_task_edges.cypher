// Every relationship of the tasks of the given notices except HAS_TASK and ALIGNS_WITH (LEADS, COOPERATES_ON,
// MENTIONS, SETS), with both ends: the tasks' part of a filtered export. (ALIGNS_WITH: export_alignment_edges.)
// Parameters: $documents (list of Document keys).
UNWIND $documents AS key
MATCH (:Document {key: key})-[:HAS_TASK]->(t:Task)-[r]-()
WHERE type(r) <> 'HAS_TASK' AND type(r) <> 'ALIGNS_WITH'
WITH r, startNode(r) AS a, endNode(r) AS b
RETURN type(r) AS type, properties(r) AS properties, labels(a)[0] AS source_label, properties(a) AS source,
       labels(b)[0] AS target_label, properties(b) AS target;
