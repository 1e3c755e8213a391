// Missing tiers, for analysts: parent notices known only as stubs (cited, or in the national registry, but never
// loaded), each with the notices that implement it and are waiting on it; oldest first.
// Parameters: $region (a full region path such as 安徽省: only children in that region or inside it; null for all),
// $year (int or null: the parent's year), $skip, $limit (int).
MATCH (child:Document)-[r:IMPLEMENTS]->(parent:Document)
WHERE parent.stub = true
  AND ($region IS NULL OR child.region STARTS WITH $region)
  AND ($year IS NULL OR parent.year = $year)
WITH parent, child, r
ORDER BY child.key
WITH parent, collect({key: child.key, doc_no: child.doc_no, title: child.title, level: child.level,
                      region: child.region, year: child.year, stub: child.stub, relation: r.kind,
                      reason: r.reason}) AS children
RETURN parent.key AS key, parent.doc_no AS doc_no, parent.title AS title, parent.issuer AS issuer,
       parent.level AS level, parent.region AS region, parent.year AS year, parent.stub AS stub,
       coalesce(parent.registry, false) AS registry, children
ORDER BY coalesce(year, 0), key
SKIP $skip
LIMIT $limit;
