// Missing tiers: parent notices known only as stubs (cited or in the national registry, never ingested) and the
// notices that implement them.
MATCH (child:Document)-[r:IMPLEMENTS]->(parent:Document)
WHERE parent.stub = true
RETURN parent.key AS parent, parent.level AS level, parent.year AS year,
       collect(child.key) AS children
ORDER BY year, parent;
