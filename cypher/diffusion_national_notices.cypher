// Diffusion of national notices: the national notices (level national, registry stubs included), oldest first.
// Parameters: $key (a Document key, or null for all of them).
MATCH (n:Document)
WHERE n.level = 'national' AND ($key IS NULL OR n.key = $key)
RETURN n.key AS key, n.doc_no AS doc_no, n.title AS title, n.year AS year, n.date AS date, n.stub AS stub,
       n.registry AS registry
ORDER BY year, key;
