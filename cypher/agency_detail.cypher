// One agency: its properties, the forms it is written in, how many tasks it leads and cooperates on, and the notices
// it issued. No row when no agency has that key.
// Parameters: $key (an Agency key: jurisdiction|canonical name).
MATCH (a:Agency {key: $key})
OPTIONAL MATCH (a)-[r:LEADS|COOPERATES_ON]->(t:Task)
WITH a, count(DISTINCT CASE WHEN type(r) = 'LEADS' THEN t END) AS led,
     count(DISTINCT CASE WHEN type(r) = 'COOPERATES_ON' THEN t END) AS cooperated
OPTIONAL MATCH (d:Document)-[:ISSUED_BY]->(a)
WITH a, led, cooperated, d
ORDER BY d.key
RETURN a.key AS key, a.name AS name, a.jurisdiction AS jurisdiction, a.level AS level, a.kind AS kind,
       a.function AS function, coalesce(a.aliases, []) AS aliases, led AS tasks_led,
       cooperated AS tasks_cooperated, collect(d.key) AS issued;
