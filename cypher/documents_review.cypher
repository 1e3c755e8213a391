// Which notices need review? The notices whose coverage report (ingest/coverage.py) says a person should look:
// no tasks, attribution-like text no rule read, or a missing issuer, date, level or region; newest first.
// Parameters: $level (notice level or null), $region (full path prefix, e.g. 甘肃省, or null), $year_from,
// $year_to (int or null, inclusive), $skip, $limit (int).
MATCH (d:Document)
WHERE d.needs_review = true
  AND ($level IS NULL OR d.level = $level)
  AND ($region IS NULL OR d.region STARTS WITH $region)
  AND ($year_from IS NULL OR d.year >= $year_from)
  AND ($year_to IS NULL OR d.year <= $year_to)
RETURN d.key AS key, d.doc_no AS doc_no, d.title AS title, d.level AS level, d.region AS region, d.year AS year,
       d.source AS source, d.task_count AS task_count, d.tasks_with_lead AS tasks_with_lead,
       d.unconsumed_count AS unread_passages, d.review_reasons AS reasons
ORDER BY coalesce(year, 0) DESC, key
SKIP $skip
LIMIT $limit;
