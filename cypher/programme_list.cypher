// Every programme (三明医改经验, 紧密型县域医共体 …) with how many notices, regions and tasks mention it and the years
// it first and last appears in; most notices first. Optionally only programmes whose name contains $q.
// Parameters: $q (string or null), $skip, $limit (int).
MATCH (p:Programme)
WHERE $q IS NULL OR p.key CONTAINS $q
OPTIONAL MATCH (p)<-[:MENTIONS]-(t:Task)<-[:HAS_TASK]-(d:Document)
WITH p, count(DISTINCT d) AS notices, count(DISTINCT d.region) AS regions, count(DISTINCT t) AS tasks,
     min(d.year) AS first_year, max(d.year) AS last_year
RETURN p.key AS name, notices, regions, tasks, first_year, last_year
ORDER BY notices DESC, tasks DESC, name
SKIP $skip
LIMIT $limit;
