// The notices loaded in full (stubs left out), by key.
MATCH (d:Document)
WHERE d.stub = false
RETURN d.key AS key, d.title AS title, d.level AS level, d.region AS region, d.year AS year
ORDER BY key;
