// When a programme spread: each year of the notices that mention it, with the notices, regions and tasks.
// Parameters: $name (a Programme key).
MATCH (:Programme {key: $name})<-[:MENTIONS]-(t:Task)<-[:HAS_TASK]-(d:Document)
RETURN d.year AS year, count(DISTINCT d) AS notices, count(DISTINCT d.region) AS regions, count(DISTINCT t) AS tasks
ORDER BY year;
