// Which functions lead the most tasks across regions? Agencies are grouped by Agency.function (卫生健康委员会 groups
// every region's 卫健委; an agency without a function is a group of its own, by name). One row per function: the
// distinct tasks its agencies lead, the first $task_cap of them (by year, notice, position), and its agencies with
// the tasks each leads (most first; the first $agency_cap of them).
// Read from the pre-aggregated rows (graph/counts.py): FunctionLeadCount for the functions' distinct tasks and their
// first tasks (as in agency_top_leads), LeadCount for each agency's; tasks are read whole for the page only. The
// agencies are grouped before the first tasks are: grouping each agency's rows with the tasks' list along took
// Neo4j past its transaction memory (716 MiB) at 1,000 notices.
// Parameters: as agency_top_leads ($level, $region, $year_from, $year_to, $basis ([] = all), $collectives,
// $task_cap, $skip, $limit), and $agency_cap (int).
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
// The page's functions: their agencies with the tasks each leads …
MATCH (c:LeadCount {function: function})
WHERE c.leads > 0
  AND ($collectives OR NOT c.collective)
  AND ($level IS NULL OR c.level = $level)
  AND ($region IS NULL OR c.region STARTS WITH $region)
  AND ($year_from IS NULL OR c.year >= $year_from)
  AND ($year_to IS NULL OR c.year <= $year_to)
  AND (size($basis) = 0 OR c.basis IN $basis)
WITH function, task_count, c.agency AS key, c.name AS name, c.jurisdiction AS jurisdiction, c.kind AS kind,
     toInteger(sum(c.leads)) AS led
ORDER BY led DESC, key
WITH function, task_count,
     collect({key: key, name: name, jurisdiction: jurisdiction, kind: kind, tasks: led}) AS agencies
WITH function, task_count, size(agencies) AS agency_count, agencies[0..$agency_cap] AS agencies
// … the keys of their first tasks (among those of the first $task_cap rows by year and first task: the rows hold
// distinct tasks, each row's own first ones) …
MATCH (c:FunctionLeadCount {function: function})
WHERE ($collectives OR c.own)
  AND ($level IS NULL OR c.level = $level)
  AND ($region IS NULL OR c.region STARTS WITH $region)
  AND ($year_from IS NULL OR c.year >= $year_from)
  AND ($year_to IS NULL OR c.year <= $year_to)
  AND (size($basis) = 0 OR any(b IN CASE WHEN $collectives THEN c.bases ELSE c.own_bases END WHERE b IN $basis))
WITH function, task_count, agency_count, agencies, c
ORDER BY c.year, c.first_documents[0], c.first_ordinals[0]
WITH function, task_count, agency_count, agencies, collect(c)[0..$task_cap] AS rows
UNWIND rows AS c
UNWIND range(0, size(c.first) - 1) AS i
WITH function, task_count, agency_count, agencies, c.year AS year, c.first_documents[i] AS document,
     c.first_ordinals[i] AS ordinal, c.first[i] AS task
ORDER BY year, document, ordinal
WITH function, task_count, agency_count, agencies, collect(task)[0..$task_cap] AS first
// … and the first tasks read whole (the lists ride along only once they are short: grouping by them is not free).
UNWIND range(0, size(first) - 1) AS i
MATCH (t:Task {key: first[i]})
MATCH (d:Document)-[:HAS_TASK]->(t)
WITH function, task_count, agency_count, agencies, i, t, d
ORDER BY i
WITH function, task_count, agency_count, agencies,
     collect({key: t.key, document: d.key, number: t.number, title: t.title, year: d.year, ordinal: t.ordinal}) AS tasks
RETURN function, task_count, tasks, agency_count, agencies
ORDER BY task_count DESC, function;
