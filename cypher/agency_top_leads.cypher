// Which agencies lead the most tasks? One row per agency: the number of distinct tasks it leads and the first
// $task_cap of them (by year, notice, position), with the filters applied to the notice and the LEADS edge.
// Counts first, then the task lists only for the page asked for: collecting every agency's tasks before paging
// took seconds at 10k notices.
// Parameters: $level (notice level or null), $region (full path prefix, e.g. 甘肃省, or null: everywhere),
// $year_from, $year_to (int or null), $basis (list of LEADS bases; [] = all), $collectives (bool: count kind
// 'collective' agencies such as 各市人民政府), $task_cap (int), $skip, $limit (int).
MATCH (a:Agency)-[l:LEADS]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE ($collectives OR coalesce(a.kind, '') <> 'collective')
  AND ($level IS NULL OR d.level = $level)
  AND ($region IS NULL OR d.region STARTS WITH $region)
  AND ($year_from IS NULL OR d.year >= $year_from)
  AND ($year_to IS NULL OR d.year <= $year_to)
  AND (size($basis) = 0 OR l.basis IN $basis)
WITH a, count(DISTINCT t) AS task_count
ORDER BY task_count DESC, a.name, a.key
SKIP $skip
LIMIT $limit
MATCH (a)-[l:LEADS]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE ($level IS NULL OR d.level = $level)
  AND ($region IS NULL OR d.region STARTS WITH $region)
  AND ($year_from IS NULL OR d.year >= $year_from)
  AND ($year_to IS NULL OR d.year <= $year_to)
  AND (size($basis) = 0 OR l.basis IN $basis)
WITH DISTINCT a, task_count, t, d
ORDER BY d.year, d.key, t.ordinal
WITH a, task_count, collect({key: t.key, document: d.key, number: t.number, title: t.title, year: d.year}) AS tasks
RETURN a.key AS key, a.name AS name, a.jurisdiction AS jurisdiction, a.kind AS kind, a.function AS function,
       task_count, tasks[0..$task_cap] AS tasks
ORDER BY task_count DESC, name, key;
