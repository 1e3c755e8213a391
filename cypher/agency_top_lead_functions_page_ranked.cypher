// Which functions lead the most tasks across regions? agency_top_lead_functions_page read from a ranking kept ready
// (graph/ranks.py) instead of adding up the FunctionLeadCount rows of every function: the cell's row lists the
// functions in ranking order with their counts, so only the page's functions are read, for their first tasks (their
// agencies come from agency_function_agencies). The cell is the filter's own (kind|scope|level|year|+ or -, as
// graph/ranks.py names it): the filters below are the same filter, for the rows.
// Parameters: $cell (Ranking key), and as agency_top_lead_functions_page ($level, $region, $year_from, $year_to,
// $collectives, $task_cap, $skip, $limit; $skip + $limit no more than the cell lists, or it lists all).
MATCH (r:Ranking {key: $cell})
UNWIND range($skip, CASE WHEN $skip + $limit < size(r.keys) THEN $skip + $limit ELSE size(r.keys) END - 1) AS rank
WITH r.keys[rank] AS function, r.counts[rank] AS task_count
// The page's functions: the keys of their first tasks, among those of each function's first $task_cap rows by year
// and first task (the rows hold distinct tasks, each row's own first ones) …
MATCH (c:FunctionLeadCount {function: function})
WHERE ($collectives OR c.own)
  AND ($level IS NULL OR c.level = $level)
  AND ($region IS NULL OR c.region STARTS WITH $region)
  AND ($year_from IS NULL OR c.year >= $year_from)
  AND ($year_to IS NULL OR c.year <= $year_to)
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
