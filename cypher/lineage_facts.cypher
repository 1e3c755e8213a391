// What lineage is computed from: every notice of the series with its tier, region, year, and the series notices it
// cites as its basis.
MATCH (d:Document)
WHERE d.series = true
OPTIONAL MATCH (d)-[:CITES {relation: 'basis'}]->(p:Document)
WHERE p.series = true
RETURN d.key AS key, d.tier AS tier, d.region AS region, d.year AS year, d.stub AS stub,
       collect(p.key) AS basis_parents;
