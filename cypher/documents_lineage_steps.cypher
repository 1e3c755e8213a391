// Where does this notice come from? One row per step up its IMPLEMENTS chain: step 0 is the notice itself, the last
// row the top of the chain (the national notice when the chain reaches it). Each row says how that notice implements
// the next one up (explicit: cited as its basis; inferred: nearest higher tier of its year) and why.
// No rows for an unknown key.
// Parameters: $key (a Document key: its 文号, or region|year|title).
MATCH path = (:Document {key: $key})-[:IMPLEMENTS*0..4]->(top:Document)
WHERE NOT (top)-[:IMPLEMENTS]->()
WITH nodes(path) AS notices, relationships(path) AS links
UNWIND range(0, size(notices) - 1) AS step
WITH step, notices[step] AS n, CASE WHEN step < size(links) THEN links[step] END AS up
RETURN step, n.key AS key, n.doc_no AS doc_no, n.title AS title, n.level AS level, n.region AS region,
       n.year AS year, n.stub AS stub, up.kind AS implements_parent, up.reason AS reason
ORDER BY step;
