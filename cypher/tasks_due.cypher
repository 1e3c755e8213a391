// Which tasks are due by a date, by lead agency? One row per task and lead (a task without a lead: one row, lead
// null), for tasks whose deadline is a date on or before $before, soonest first, then by agency, notice and position.
// Deadlines are stored as YYYY-MM-DD strings (graph/rows.py deadline_row), so string order is date order.
// Parameters: $before (YYYY-MM-DD), $agency (a lead's key, or words its name contains, or null: every lead),
// $level (notice level or null), $region (full path prefix, e.g. 甘肃省, or null), $skip, $limit (int).
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE t.deadline_kind = 'by_date' AND t.deadline_date <= $before
  AND ($level IS NULL OR d.level = $level)
  AND ($region IS NULL OR d.region STARTS WITH $region)
OPTIONAL MATCH (a:Agency)-[:LEADS]->(t)
WITH d, t, a
WHERE $agency IS NULL OR a.key = $agency OR a.name CONTAINS $agency
WITH d, t, a, coalesce(a.name, '') AS agency_order
ORDER BY t.deadline_date, agency_order, d.key, t.ordinal
SKIP $skip
LIMIT $limit
RETURN a.key AS agency_key, a.name AS agency, d.key AS document, d.title AS notice, d.region AS region,
       t.key AS task, t.ordinal AS position, t.number AS number, t.title AS title, t.deadline_date AS deadline,
       t.deadline_as_written AS deadline_as_written;
