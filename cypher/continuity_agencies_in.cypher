// continuity_agencies within these jurisdictions only ('' for national organs). Parameters: $places (strings).
MATCH (a:Agency)
WHERE coalesce(a.jurisdiction, '') IN $places AND ((a)-[:LEADS|COOPERATES_ON]->() OR ()-[:ISSUED_BY]->(a))
RETURN a.key AS key, a.name AS name, a.jurisdiction AS jurisdiction, a.function AS function
ORDER BY key;
