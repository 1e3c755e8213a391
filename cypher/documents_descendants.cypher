// Which notices implement this one, directly or through lower tiers? Every notice whose IMPLEMENTS chain reaches
// $key, with its distance (1: implements it directly) and the kind of each hop (explicit | inferred), by distance
// and key.
// Parameters: $key (a Document key, e.g. 国办发〔2021〕20号), $skip, $limit (int).
MATCH path = (d:Document)-[:IMPLEMENTS*1..4]->(:Document {key: $key})
RETURN d.key AS key, d.doc_no AS doc_no, d.title AS title, d.level AS level, d.region AS region, d.year AS year,
       d.stub AS stub, length(path) AS distance, [r IN relationships(path) | r.kind] AS hops
ORDER BY distance, key
SKIP $skip
LIMIT $limit;
