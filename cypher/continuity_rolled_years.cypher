// An agency's tasks per year with those of the agencies it continues: predecessors that were renamed or merged into
// it, transitively (卫生局 → 卫生和计划生育委员会 → 卫生健康委员会), so its series does not break at a reform.
// `agencies` names who was writing in that year. Parameters: $key (an Agency key).
MATCH path = (a:Agency)-[:SUCCEEDED_BY*0..6]->(:Agency {key: $key})
WHERE all(r IN relationships(path) WHERE r.kind IN ['renamed', 'merged'])
WITH DISTINCT a
MATCH (a)-[r:LEADS|COOPERATES_ON]->(t:Task)<-[:HAS_TASK]-(d:Document)
RETURN d.year AS year,
       count(DISTINCT CASE WHEN type(r) = 'LEADS' THEN t END) AS led,
       count(DISTINCT CASE WHEN type(r) = 'COOPERATES_ON' THEN t END) AS cooperated,
       collect(DISTINCT a.key) AS agencies
ORDER BY year;
