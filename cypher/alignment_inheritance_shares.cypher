// How much of its parent's work does a notice take over? For the notices whose parent (IMPLEMENTS) has tasks, by
// tier, region and year of the notice: how many there are, and on average the share of a notice's tasks inherited
// from its parent (aligned with one of the parent's tasks: ALIGNS_WITH kind parent, graph/alignment.py) and the
// share of the parent's tasks it took up (aligned with at least one of its tasks). Shares are 0..1, to 4 places.
// Parameters: $level (national | provincial | prefectural | county | department, or null), $region (a full region
// path such as 甘肃省: that region and everything below it; or null), $year_from, $year_to (int or null, inclusive).
MATCH (d:Document)-[:IMPLEMENTS]->(p:Document)
WHERE d.task_count > 0 AND p.task_count > 0
  AND ($level IS NULL OR d.level = $level)
  AND ($region IS NULL OR d.region STARTS WITH $region)
  AND ($year_from IS NULL OR d.year >= $year_from)
  AND ($year_to IS NULL OR d.year <= $year_to)
OPTIONAL MATCH (d)-[:HAS_TASK]->(t:Task)-[:ALIGNS_WITH {kind: 'parent'}]->(pt:Task)<-[:HAS_TASK]-(p)
WITH d, p, count(DISTINCT t) AS inherited, count(DISTINCT pt) AS taken_up
WITH d, toFloat(inherited) / d.task_count AS inherited_share, toFloat(taken_up) / p.task_count AS taken_up_share
RETURN d.tier AS tier, d.level AS level, d.region AS region, d.year AS year, count(d) AS notices,
       round(10000 * avg(inherited_share)) / 10000.0 AS inherited_share,
       round(10000 * avg(taken_up_share)) / 10000.0 AS taken_up_share
ORDER BY tier, region, year;
