// Which functions lead the most tasks across regions? agency_top_lead_functions read from a ranking kept ready
// (graph/ranks.py) instead of adding up the FunctionLeadCount rows of every function: the cell's row lists the
// functions in ranking order with their counts, so only the page's functions are read, for their agencies and first
// tasks. The cell is the filter's own (kind|scope|level|year|+ or -, as graph/ranks.py names it): the filters below
// are the same filter, for the rows.
// Parameters: $cell (Ranking key), and as agency_top_lead_functions ($level, $region, $year_from, $year_to,
// $collectives, $task_cap, $agency_cap, $skip, $limit; $skip + $limit no more than the cell lists, or it lists all).
MATCH (r:Ranking {key: $cell})
UNWIND range($skip, CASE WHEN $skip + $limit < size(r.keys) THEN $skip + $limit ELSE size(r.keys) END - 1) AS rank
WITH r.keys[rank] AS function, r.counts[rank] AS task_count
// The page's functions: their agencies with the tasks each leads …
MATCH (c:LeadCount {function: function})
WHERE c.leads > 0
  AND ($collectives OR NOT c.collective)
  AND ($level IS NULL OR c.level = $level)
  AND ($region IS NULL OR c.region STARTS WITH $region)
  AND ($year_from IS NULL OR c.year >= $year_from)
  AND ($year_to IS NULL OR c.year <= $year_to)
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
