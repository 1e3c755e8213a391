// The agency functions that lead tasks, most tasks first: the choices of the lead-task map.
// Parameters: $limit (int).
MATCH (a:Agency)-[:LEADS]->(t:Task)
WHERE a.function IS NOT NULL
RETURN a.function AS function, count(DISTINCT t) AS tasks
ORDER BY tasks DESC, function
LIMIT $limit;
