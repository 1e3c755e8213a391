// Diffusion of programmes: the national notices (tier 0) whose tasks mention each programme, with the columns of
// diffusion_mentions. Parameters: none.
MATCH (p:Programme)<-[:MENTIONS]-(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE d.tier = 0
WITH p, d, count(DISTINCT t) AS tasks
RETURN p.key AS programme, d.key AS key, d.doc_no AS doc_no, d.title AS title, d.level AS level, d.tier AS tier,
       d.region AS region, d.year AS year, d.date AS date, d.stub AS stub, tasks
ORDER BY programme, year, key;
