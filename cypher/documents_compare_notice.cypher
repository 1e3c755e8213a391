// One notice as the comparison shows it: its heading fields and whether it is a stub. No row for an unknown key.
// Parameters: $key (a Document key).
MATCH (d:Document {key: $key})
OPTIONAL MATCH (d)-[:HAS_TASK]->(t:Task)
RETURN d.key AS key, d.doc_no AS doc_no, d.title AS title, d.issuer AS issuer, d.level AS level,
       d.region AS region, d.year AS year, coalesce(d.stub, false) AS stub, count(t) AS task_count;
