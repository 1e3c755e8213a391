// agency_top_lead_functions without the functions' agencies, for analysis/agencies.py, which reads those apart
// (agency_function_agencies): grouped with the ranking's task lists along, a function's many count rows (every
// region's 卫生健康委员会) took seconds at 50,000 notices. One row per function: the distinct tasks its agencies lead
// and the first $task_cap of them (by year, notice, position), read from the FunctionLeadCount rows
// (graph/counts.py); tasks are read whole for the page only.
// Parameters: as agency_top_leads ($level, $region, $year_from, $year_to, $basis ([] = all), $collectives,
// $task_cap, $skip, $limit).
MATCH (c:FunctionLeadCount)
WHERE ($collectives OR c.own)
  AND ($level IS NULL OR c.level = $level)
  AND ($region IS NULL OR c.region STARTS WITH $region)
  AND ($year_from IS NULL OR c.year >= $year_from)
  AND ($year_to IS NULL OR c.year <= $year_to)
  AND (size($basis) = 0 OR any(b IN CASE WHEN $collectives THEN c.bases ELSE c.own_bases END WHERE b IN $basis))
WITH c.function AS function, toInteger(sum(c.tasks)) AS task_count
ORDER BY task_count DESC, function
SKIP $skip
LIMIT $limit
// The page's functions: the keys of their first tasks, among those of each function's first $task_cap rows by year
// and first task (the rows hold distinct tasks, each row's own first ones) …
MATCH (c:FunctionLeadCount {function: function})
WHERE ($collectives OR c.own)
  AND ($level IS NULL OR c.level = $level)
  AND ($region IS NULL OR c.region STARTS WITH $region)
  AND ($year_from IS NULL OR c.year >= $year_from)
  AND ($year_to IS NULL OR c.year <= $year_to)
  AND (size($basis) = 0 OR any(b IN CASE WHEN $collectives THEN c.bases ELSE c.own_bases END WHERE b IN $basis))
WITH function, task_count, c.key AS row, c.year AS year, c.first_documents[0] AS document,
     c.first_ordinals[0] AS ordinal
ORDER BY year, document, ordinal
WITH function, task_count, collect(row)[0..$task_cap] AS rows
UNWIND rows AS row
MATCH (c:FunctionLeadCount {key: row})
UNWIND range(0, size(c.first) - 1) AS i
WITH function, task_count, c.year AS year, c.first_documents[i] AS document, c.first_ordinals[i] AS ordinal,
     c.first[i] AS task
ORDER BY year, document, ordinal
WITH function, task_count, collect(task)[0..$task_cap] AS first
// … and those tasks read whole.
UNWIND range(0, size(first) - 1) AS i
MATCH (t:Task {key: first[i]})
MATCH (d:Document)-[:HAS_TASK]->(t)
WITH function, task_count, i, t, d
ORDER BY i
WITH function, task_count,
     collect({key: t.key, document: d.key, number: t.number, title: t.title, year: d.year, ordinal: t.ordinal}) AS tasks
RETURN function, task_count, tasks
ORDER BY task_count DESC, function;
