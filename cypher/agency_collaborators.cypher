// The agencies named on the same tasks as this one, most shared tasks first, with the split by roles: this agency
// leads and they cooperate, they lead and it cooperates, both lead (co-leads), both cooperate.
// Parameters: $key (an Agency key), $skip, $limit (int).
MATCH (a:Agency {key: $key})-[mine:LEADS|COOPERATES_ON]->(t:Task)<-[theirs:LEADS|COOPERATES_ON]-(b:Agency)
WHERE b.key <> a.key
WITH b, t, type(mine) AS mine, type(theirs) AS theirs
RETURN b.key AS key, b.name AS name, b.jurisdiction AS jurisdiction, b.kind AS kind,
       count(DISTINCT t) AS shared,
       count(DISTINCT CASE WHEN mine = 'LEADS' AND theirs = 'COOPERATES_ON' THEN t END) AS i_lead_they_cooperate,
       count(DISTINCT CASE WHEN mine = 'COOPERATES_ON' AND theirs = 'LEADS' THEN t END) AS they_lead_i_cooperate,
       count(DISTINCT CASE WHEN mine = 'LEADS' AND theirs = 'LEADS' THEN t END) AS both_lead,
       count(DISTINCT CASE WHEN mine = 'COOPERATES_ON' AND theirs = 'COOPERATES_ON' THEN t END) AS both_cooperate
ORDER BY shared DESC, key
SKIP $skip
LIMIT $limit;
