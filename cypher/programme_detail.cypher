// One programme: how many notices, regions and tasks mention it, and the years it first and last appears in.
// No row when no programme has that name.
// Parameters: $name (a Programme key: its canonical name, e.g. 三明医改经验).
MATCH (p:Programme {key: $name})
OPTIONAL MATCH (p)<-[:MENTIONS]-(t:Task)<-[:HAS_TASK]-(d:Document)
RETURN p.key AS name, count(DISTINCT d) AS notices, count(DISTINCT d.region) AS regions, count(DISTINCT t) AS tasks,
       min(d.year) AS first_year, max(d.year) AS last_year;
