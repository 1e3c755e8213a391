// Which functions lead the most tasks across regions? Agencies are grouped by Agency.function (卫生健康委员会 groups
// every region's 卫健委; an agency without a function is a group of its own, by name). One row per function: the
// distinct tasks its agencies lead, the first $task_cap of them (by year, notice, position), and its agencies with
// the tasks each leads (most first; the first $agency_cap of them).
// Parameters: as agency_top_leads ($level, $region, $year_from, $year_to, $basis ([] = all), $collectives,
// $task_cap, $skip, $limit), and $agency_cap (int).
MATCH (a:Agency)-[l:LEADS]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE ($collectives OR coalesce(a.kind, '') <> 'collective')
  AND ($level IS NULL OR d.level = $level)
  AND ($region IS NULL OR d.region STARTS WITH $region)
  AND ($year_from IS NULL OR d.year >= $year_from)
  AND ($year_to IS NULL OR d.year <= $year_to)
  AND (size($basis) = 0 OR l.basis IN $basis)
WITH DISTINCT coalesce(a.function, a.name) AS function, a, t, d
WITH function, a, collect({key: t.key, document: d.key, number: t.number, title: t.title, year: d.year,
                           ordinal: t.ordinal}) AS led
ORDER BY size(led) DESC, a.key
WITH function, collect({key: a.key, name: a.name, jurisdiction: a.jurisdiction, kind: a.kind, tasks: size(led)})
                 AS agencies, collect(led) AS lists
UNWIND lists AS led
UNWIND led AS task
WITH function, agencies, task
ORDER BY task.year, task.document, task.ordinal
WITH function, agencies, collect(DISTINCT task) AS tasks
RETURN function, size(tasks) AS task_count, tasks[0..$task_cap] AS tasks, size(agencies) AS agency_count,
       agencies[0..$agency_cap] AS agencies
ORDER BY task_count DESC, function
SKIP $skip
LIMIT $limit;
