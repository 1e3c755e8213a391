// How much of its parent's work does a notice take over? For the notices with tasks that implement a parent
// (IMPLEMENTS), by tier, region and year of the notice: how many there are (`notices`), how many of them have a
// parent with tasks to compare with (`compared`; a stub parent has none), and over those, on average, the share of a
// notice's tasks inherited from its parent (aligned with one of the parent's tasks: ALIGNS_WITH kind parent,
// graph/alignment.py) and the share of the parent's tasks it took up (aligned with at least one of its tasks).
// Shares are 0..1, to 4 places; null when no notice of the row has a parent with tasks.
// Parameters: $level (national | provincial | prefectural | county | department, or null), $region (a full region
// path such as 甘肃省: that region and everything below it; or null), $year_from, $year_to (int or null, inclusive).
MATCH (d:Document)-[:IMPLEMENTS]->(p:Document)
WHERE d.task_count > 0
  AND ($level IS NULL OR d.level = $level)
  AND ($region IS NULL OR d.region STARTS WITH $region)
  AND ($year_from IS NULL OR d.year >= $year_from)
  AND ($year_to IS NULL OR d.year <= $year_to)
OPTIONAL MATCH (d)-[:HAS_TASK]->(t:Task)-[:ALIGNS_WITH {kind: 'parent'}]->(pt:Task)<-[:HAS_TASK]-(p)
WITH d, p, count(DISTINCT t) AS inherited, count(DISTINCT pt) AS taken_up
WITH d, CASE WHEN p.task_count > 0 THEN toFloat(inherited) / d.task_count END AS inherited_share,
     CASE WHEN p.task_count > 0 THEN toFloat(taken_up) / p.task_count END AS taken_up_share
WITH d.tier AS tier, d.level AS level, d.region AS region, d.year AS year, count(d) AS notices,
     count(inherited_share) AS compared, avg(inherited_share) AS inherited, avg(taken_up_share) AS taken_up
RETURN tier, level, region, year, notices, compared,
       CASE WHEN compared > 0 THEN round(10000 * inherited) / 10000.0 END AS inherited_share,
       CASE WHEN compared > 0 THEN round(10000 * taken_up) / 10000.0 END AS taken_up_share
ORDER BY tier, region, year;
