// Which tasks mention a word? Tasks whose title or text contains $word (三明, DRG, 医共体 …), by year, notice and
// position, with the agencies that lead them. The filters apply to the notice.
// Parameters: $word (string), $level (notice level or null), $region (full path prefix such as 甘肃省, or null),
// $year_from, $year_to (int or null), $skip, $limit (int).
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE (t.title CONTAINS $word OR t.text CONTAINS $word)
  AND ($level IS NULL OR d.level = $level)
  AND ($region IS NULL OR d.region STARTS WITH $region)
  AND ($year_from IS NULL OR d.year >= $year_from)
  AND ($year_to IS NULL OR d.year <= $year_to)
WITH d, t
ORDER BY d.year, d.key, t.ordinal
SKIP $skip
LIMIT $limit
OPTIONAL MATCH (a:Agency)-[:LEADS]->(t)
WITH d, t, a
ORDER BY a.name
WITH d, t, collect(a.name) AS leads
RETURN t.key AS key, d.key AS document, d.region AS region, d.year AS year, t.ordinal AS position,
       t.number AS number, t.title AS title, leads
ORDER BY year, document, position;
