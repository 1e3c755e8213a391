// Which notices implement this one (IMPLEMENTS pointing at it)? One page of them by key, each with the relation
// (explicit: cited as its basis; inferred: nearest higher-tier notice of its year) and its reason.
// Parameters: $key (the parent's Document key), $skip, $limit (int).
MATCH (child:Document)-[r:IMPLEMENTS]->(:Document {key: $key})
RETURN child.key AS key, child.doc_no AS doc_no, child.title AS title, child.level AS level,
       child.region AS region, child.year AS year, child.stub AS stub, r.kind AS relation, r.reason AS reason
ORDER BY key
SKIP $skip
LIMIT $limit;
