// Agencies by key, optionally filtered: a name substring (also matched against the key and the forms written in the
// notices), a jurisdiction (a full-path prefix, so 甘肃省 includes 甘肃省临夏回族自治州) and a kind; with the number
// of tasks each leads and cooperates on.
// Parameters: $q (string or null), $jurisdiction (full path or null), $kind (string or null), $skip, $limit (int).
MATCH (a:Agency)
WHERE ($q IS NULL OR a.key CONTAINS $q OR any(form IN coalesce(a.aliases, []) WHERE form CONTAINS $q))
  AND ($jurisdiction IS NULL OR a.jurisdiction STARTS WITH $jurisdiction)
  AND ($kind IS NULL OR a.kind = $kind)
WITH a
ORDER BY a.key
SKIP $skip
LIMIT $limit
OPTIONAL MATCH (a)-[r:LEADS|COOPERATES_ON]->(t:Task)
WITH a, count(DISTINCT CASE WHEN type(r) = 'LEADS' THEN t END) AS led,
     count(DISTINCT CASE WHEN type(r) = 'COOPERATES_ON' THEN t END) AS cooperated
RETURN a.key AS key, a.name AS name, a.jurisdiction AS jurisdiction, a.level AS level, a.kind AS kind,
       a.function AS function, coalesce(a.aliases, []) AS aliases, led AS tasks_led,
       cooperated AS tasks_cooperated
ORDER BY key;
