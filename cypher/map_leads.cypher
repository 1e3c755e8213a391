// Lead tasks per region for one agency function (卫生健康委员会 groups every region's 卫健委: Agency.function), for
// the maps: the distinct tasks that agencies of that function lead, by the Region code of the task's notice (null
// for a notice whose region resolved to none). The map rolls the counts up to its level (analysis/maps.py).
// Parameters: $function (string), $year (int, or null for every year).
MATCH (a:Agency {function: $function})-[:LEADS]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE $year IS NULL OR d.year = $year
OPTIONAL MATCH (d)-[:IN_REGION]->(r:Region)
RETURN r.code AS code, count(DISTINCT t) AS tasks
ORDER BY code;
