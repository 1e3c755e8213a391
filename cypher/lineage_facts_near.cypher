// lineage_facts for the series notices near these places: of the place's year, and national, or with a region
// inside the place's region or containing it (a place of tier 0 takes its whole year). graph/lineage.py recomputes
// the parents of the notices inside each place from them. Parameters: $places [{year, region, tier}].
UNWIND $places AS at
MATCH (d:Document)
WHERE d.year = at.year AND d.series = true
  AND (at.tier = 0 OR d.tier = 0 OR (d.region IS NOT NULL AND at.region IS NOT NULL AND
       (d.region STARTS WITH at.region OR at.region STARTS WITH d.region)))
WITH DISTINCT d
OPTIONAL MATCH (d)-[:CITES {relation: 'basis'}]->(p:Document)
WHERE p.series = true
RETURN d.key AS key, d.tier AS tier, d.region AS region, d.year AS year, d.stub AS stub,
       collect(p.key) AS basis_parents;
