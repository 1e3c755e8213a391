// Remove the ALIGNS_WITH edges of these kinds on the tasks of these notices, whichever way they point.
// An edge between two of the notices is matched from both ends: collected once, deleted once.
// Parameters: $keys (Document keys), $kinds (parent | previous_year).
UNWIND $keys AS key
MATCH (:Document {key: key})-[:HAS_TASK]->(:Task)-[r:ALIGNS_WITH]-(:Task)
WHERE r.kind IN $kinds
WITH collect(DISTINCT r) AS found
FOREACH (r IN found | DELETE r)
RETURN size(found) AS removed;
