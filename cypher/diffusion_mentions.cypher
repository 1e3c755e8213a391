// Diffusion of programmes: each notice whose tasks mention a programme, with what dates and places the mention
// (tier 0 national … 3 county, region, year, signed date). A programme no task mentions gives one row with nulls.
// Parameters: $name (a Programme key, or null for every programme).
MATCH (p:Programme)
WHERE $name IS NULL OR p.key = $name
OPTIONAL MATCH (p)<-[:MENTIONS]-(t:Task)<-[:HAS_TASK]-(d:Document)
WITH p, d, count(DISTINCT t) AS tasks
RETURN p.key AS programme, d.key AS key, d.doc_no AS doc_no, d.title AS title, d.level AS level, d.tier AS tier,
       d.region AS region, d.year AS year, d.date AS date, d.stub AS stub, tasks
ORDER BY programme, year, key;
