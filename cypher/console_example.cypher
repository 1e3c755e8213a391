// The example shown for the read-only Cypher console in the API docs: the three agencies that lead the most tasks,
// leaving out agencies of kind $skip (e.g. 'collective').
MATCH (a:Agency)-[:LEADS]->(t:Task)
WHERE a.kind <> $skip
RETURN a.name AS agency, count(DISTINCT t) AS tasks
ORDER BY tasks DESC, agency
LIMIT 3;
