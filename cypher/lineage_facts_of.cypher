// lineage_facts for these notices only (series notices among them). Parameters: $keys (Document keys).
UNWIND $keys AS key
MATCH (d:Document {key: key})
WHERE d.series = true
OPTIONAL MATCH (d)-[:CITES {relation: 'basis'}]->(p:Document)
WHERE p.series = true
RETURN d.key AS key, d.tier AS tier, d.region AS region, d.year AS year, d.stub AS stub,
       collect(p.key) AS basis_parents;
