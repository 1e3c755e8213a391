// Benchmark workload: the ten agencies that lead the most tasks.
MATCH (a:Agency)-[:LEADS]->(t:Task)
RETURN a.name AS agency, count(t) AS tasks
ORDER BY tasks DESC, agency
LIMIT 10
