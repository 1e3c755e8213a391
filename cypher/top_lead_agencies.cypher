// Which agencies lead the most tasks? Collectives (各市人民政府 …) are left out unless $collectives is true.
// Parameters: $limit (int), $collectives (bool).
MATCH (a:Agency)-[:LEADS]->(t:Task)
WHERE $collectives OR a.kind <> 'collective'
RETURN a.name AS agency, a.jurisdiction AS jurisdiction, count(DISTINCT t) AS tasks
ORDER BY tasks DESC, agency
LIMIT $limit;
