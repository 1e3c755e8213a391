// Which agencies lead the most tasks? agency_top_leads read from a ranking kept ready (graph/ranks.py) instead of
// adding up the LeadCount rows of every agency: the cell's row lists the agencies in ranking order with their
// counts, so only the page's agencies are read, for their first tasks. The cell is the filter's own
// (kind|scope|level|year|+ or -, as graph/ranks.py names it): the filters below are the same filter, for the rows.
// Parameters: $cell (Ranking key), $level, $region, $year_from, $year_to (as agency_top_leads; the cell's filter),
// $task_cap, $skip, $limit (int; $skip + $limit no more than the cell lists, or it lists all).
MATCH (r:Ranking {key: $cell})
UNWIND range($skip, CASE WHEN $skip + $limit < size(r.keys) THEN $skip + $limit ELSE size(r.keys) END - 1) AS rank
WITH r.keys[rank] AS key, r.counts[rank] AS task_count
// The agency's first tasks are among those of its first $task_cap rows (by year and first task): the rows hold
// distinct tasks, each row's own first ones, so a row after the first $task_cap comes after $task_cap tasks.
MATCH (c:LeadCount {agency: key})
WHERE c.leads > 0
  AND ($level IS NULL OR c.level = $level)
  AND ($region IS NULL OR c.region STARTS WITH $region)
  AND ($year_from IS NULL OR c.year >= $year_from)
  AND ($year_to IS NULL OR c.year <= $year_to)
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
