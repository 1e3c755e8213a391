// Where a programme spread: each region (full path) whose notices mention it, with the notices and tasks there.
// Parameters: $name (a Programme key).
MATCH (:Programme {key: $name})<-[:MENTIONS]-(t:Task)<-[:HAS_TASK]-(d:Document)
RETURN d.region AS region, count(DISTINCT d) AS notices, count(DISTINCT t) AS tasks, min(d.year) AS first_year
ORDER BY first_year, region;
