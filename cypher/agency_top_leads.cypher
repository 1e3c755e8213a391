// Which agencies lead the most tasks? One row per agency: the number of distinct tasks it leads and the first
// $task_cap of them (by year, notice, position), with the filters applied to the notice and the LEADS edge.
// Read from the pre-aggregated LeadCount rows (graph/counts.py: one per agency, notice level, region, year and basis;
// a few rows per agency instead of every LEADS edge of the graph): their `leads` add up to the agency's count, and
// the first tasks of the rows the filters keep hold the agency's first tasks, read whole for the page only.
// $task_cap must not exceed the tasks each row keeps (graph/counts.py FIRST_TASKS).
// Parameters: $level (notice level or null), $region (full path prefix, e.g. 甘肃省, or null: everywhere),
// $year_from, $year_to (int or null), $basis (list of LEADS bases; [] = all), $collectives (bool: count kind
// 'collective' agencies such as 各市人民政府), $task_cap (int), $skip, $limit (int).
MATCH (c:LeadCount)
WHERE c.leads > 0
  AND ($collectives OR NOT c.collective)
  AND ($level IS NULL OR c.level = $level)
  AND ($region IS NULL OR c.region STARTS WITH $region)
  AND ($year_from IS NULL OR c.year >= $year_from)
  AND ($year_to IS NULL OR c.year <= $year_to)
  AND (size($basis) = 0 OR c.basis IN $basis)
WITH c.agency AS key, c.name AS name, toInteger(sum(c.leads)) AS task_count
ORDER BY task_count DESC, name, key
SKIP $skip
LIMIT $limit
MATCH (c:LeadCount {agency: key})
WHERE c.leads > 0
  AND ($level IS NULL OR c.level = $level)
  AND ($region IS NULL OR c.region STARTS WITH $region)
  AND ($year_from IS NULL OR c.year >= $year_from)
  AND ($year_to IS NULL OR c.year <= $year_to)
  AND (size($basis) = 0 OR c.basis IN $basis)
// The agency's first tasks are among those of its first $task_cap rows (by year and first task): the rows hold
// distinct tasks, each row's own first ones, so a row after the first $task_cap comes after $task_cap tasks.
WITH key, task_count, c
ORDER BY c.year, c.first_documents[0], c.first_ordinals[0]
WITH key, task_count, collect(c)[0..$task_cap] AS rows
UNWIND rows AS c
UNWIND range(0, size(c.first) - 1) AS i
WITH key, task_count, c.year AS year, c.first_documents[i] AS document, c.first_ordinals[i] AS ordinal,
     c.first[i] AS task
ORDER BY year, document, ordinal
WITH key, task_count, collect(task)[0..$task_cap] AS first
UNWIND range(0, size(first) - 1) AS i
MATCH (t:Task {key: first[i]})
MATCH (d:Document)-[:HAS_TASK]->(t)
WITH key, task_count, i, t, d
ORDER BY i
WITH key, task_count, collect({key: t.key, document: d.key, number: t.number, title: t.title, year: d.year}) AS tasks
MATCH (a:Agency {key: key})
RETURN a.key AS key, a.name AS name, a.jurisdiction AS jurisdiction, a.kind AS kind, a.function AS function,
       task_count, tasks
ORDER BY task_count DESC, name, key;
