// The notices that mention a programme, by year and key, each with the tasks that mention it (by position).
// Parameters: $name (a Programme key), $skip, $limit (int).
MATCH (:Programme {key: $name})<-[:MENTIONS]-(t:Task)<-[:HAS_TASK]-(d:Document)
WITH DISTINCT d, t
ORDER BY t.ordinal
WITH d, collect({key: t.key, number: t.number, title: t.title}) AS tasks
RETURN d.key AS key, d.title AS title, d.level AS level, d.region AS region, d.year AS year,
       size(tasks) AS task_count, tasks
ORDER BY year, key
SKIP $skip
LIMIT $limit;
