// The raw material of the agency collaboration networks: one row per (task, agency, role) — who is named on which
// task as lead (牵头, LEADS) or cooperating (配合, COOPERATES_ON) — with the task's notice, year, level and region.
// analysis/network.py builds the one-mode, directed and two-mode networks from these rows.
// Parameters: $document (a Document key, or null: every notice), $level (notice level or null), $region (full path
// prefix, e.g. 甘肃省: everything below it; null: everywhere), $year_from, $year_to (int or null), $collectives
// (bool: keep agencies of kind 'collective' such as 各县市人民政府).
MATCH (d:Document)-[:HAS_TASK]->(t:Task)<-[r:LEADS|COOPERATES_ON]-(a:Agency)
WHERE ($document IS NULL OR d.key = $document)
  AND ($collectives OR coalesce(a.kind, '') <> 'collective')
  AND ($level IS NULL OR d.level = $level)
  AND ($region IS NULL OR d.region STARTS WITH $region)
  AND ($year_from IS NULL OR d.year >= $year_from)
  AND ($year_to IS NULL OR d.year <= $year_to)
WITH DISTINCT t, d, a, CASE type(r) WHEN 'LEADS' THEN 'lead' ELSE 'cooperate' END AS role
RETURN t.key AS task, t.number AS number, t.title AS title, d.key AS document, d.year AS year, d.level AS level,
       d.region AS region, a.key AS agency, a.name AS name, a.jurisdiction AS jurisdiction, a.kind AS kind, role
ORDER BY task, agency, role;
