// Diffusion of national notices: the notices descending from each one through IMPLEMENTS, transitively (a county
// notice implements a prefecture's, which implements a province's …), with the kind of every hop on the way
// (explicit: cited as its basis; inferred) and the notice each one implements directly.
// Parameters: $keys (list of Document keys: the national notices).
UNWIND $keys AS national
MATCH path = (d:Document)-[:IMPLEMENTS*1..3]->(:Document {key: national})
RETURN national, d.key AS key, d.doc_no AS doc_no, d.title AS title, d.level AS level, d.tier AS tier,
       d.region AS region, d.year AS year, d.date AS date, d.stub AS stub,
       nodes(path)[1].key AS parent, [r IN relationships(path) | r.kind] AS kinds
ORDER BY national, tier, key;
