// The programmes mentioned by the tasks an agency leads or cooperates on, with how many of its tasks mention each.
// Parameters: $key (an Agency key).
MATCH (a:Agency {key: $key})-[r:LEADS|COOPERATES_ON]->(t:Task)-[:MENTIONS]->(p:Programme)
RETURN p.key AS name, count(DISTINCT t) AS tasks,
       count(DISTINCT CASE WHEN type(r) = 'LEADS' THEN t END) AS led,
       count(DISTINCT CASE WHEN type(r) = 'COOPERATES_ON' THEN t END) AS cooperated
ORDER BY tasks DESC, name;
