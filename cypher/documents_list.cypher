// Which notices are in the graph? One page of them, newest first, with optional filters.
// Parameters: $stub (bool: stubs — notices known only as cited or from the national registry — or full notices),
// $level (national | provincial | prefectural | county | department, or null), $region (a full region path such as
// 甘肃省 or 安徽省宿州市: the notices of that region and every region inside it; '' for any region; null for no
// filter), $year_from, $year_to (int or null, inclusive), $skip, $limit (int).
MATCH (d:Document)
WHERE d.stub = $stub
  AND ($level IS NULL OR d.level = $level)
  AND ($region IS NULL OR d.region STARTS WITH $region)
  AND ($year_from IS NULL OR d.year >= $year_from)
  AND ($year_to IS NULL OR d.year <= $year_to)
RETURN d.key AS key, d.doc_no AS doc_no, d.title AS title, d.issuer AS issuer, d.level AS level, d.region AS region,
       d.date AS date, d.year AS year, d.stub AS stub, d.task_count AS task_count
ORDER BY coalesce(year, 0) DESC, key
SKIP $skip
LIMIT $limit;
