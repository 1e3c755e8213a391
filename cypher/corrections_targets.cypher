// What corrections are checked against: each loaded (non-stub) notice among $keys with the fields a correction may
// set, and its tasks (ordinal, number and title as printed). Parameters: $keys (list of Document keys).
UNWIND $keys AS key
MATCH (d:Document {key: key})
WHERE d.stub = false
OPTIONAL MATCH (d)-[:HAS_TASK]->(t:Task)
WITH d, t ORDER BY t.ordinal
RETURN d.key AS key, d.doc_no AS doc_no, d.issuer AS issuer, d.level AS level, d.region AS region, d.date AS date,
       collect(CASE WHEN t IS NULL THEN NULL ELSE [t.ordinal, t.number, t.title, t.key] END) AS tasks;
