// How many tasks an agency leads and cooperates on, per year of the notice.
// Parameters: $key (an Agency key).
MATCH (a:Agency {key: $key})-[r:LEADS|COOPERATES_ON]->(t:Task)<-[:HAS_TASK]-(d:Document)
RETURN d.year AS year,
       count(DISTINCT CASE WHEN type(r) = 'LEADS' THEN t END) AS led,
       count(DISTINCT CASE WHEN type(r) = 'COOPERATES_ON' THEN t END) AS cooperated
ORDER BY year;
