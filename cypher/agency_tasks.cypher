// The tasks an agency leads or cooperates on, by year, notice and position: one row per task and role, with the
// basis of the attribution (explicit, sole, first_listed, respective, standing_clause).
// Parameters: $key (an Agency key), $role ('lead', 'cooperate' or null for both), $skip, $limit (int).
MATCH (a:Agency {key: $key})-[r:LEADS|COOPERATES_ON]->(t:Task)<-[:HAS_TASK]-(d:Document)
WITH t, d, r, CASE type(r) WHEN 'LEADS' THEN 'lead' ELSE 'cooperate' END AS role
WHERE $role IS NULL OR role = $role
RETURN t.key AS key, d.key AS document, d.year AS year, t.number AS number, t.title AS title, role,
       r.basis AS basis
ORDER BY year, document, t.ordinal, role
SKIP $skip
LIMIT $limit;
