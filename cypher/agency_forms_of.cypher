// Every way each of these agencies was written in the notices (agency_forms for a few): `roles` = 0 when no task
// names it any more (its aliases are then removed). Parameters: $keys (Agency keys).
UNWIND $keys AS key
MATCH (a:Agency {key: key})
OPTIONAL MATCH (a)-[r:LEADS|COOPERATES_ON]->(:Task)
RETURN a.key AS key, collect(DISTINCT r.as_written) AS forms, count(r) AS roles;
