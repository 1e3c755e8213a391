// The agencies continuity is computed from: those still named in a notice (as lead, cooperating or issuer), with
// their jurisdiction and function (null for issuers: graph/continuity.py derives it from the name).
MATCH (a:Agency)
WHERE (a)-[:LEADS|COOPERATES_ON]->() OR ()-[:ISSUED_BY]->(a)
RETURN a.key AS key, a.name AS name, a.jurisdiction AS jurisdiction, a.function AS function
ORDER BY key;
