// Remove the ALIGNS_WITH edges of these kinds that leave the tasks of these notices (a child's `parent` edges, which
// change when its parent does; the edges into its own tasks, from its children, stay).
// Parameters: $keys (Document keys), $kinds (parent | previous_year).
UNWIND $keys AS key
MATCH (:Document {key: key})-[:HAS_TASK]->(:Task)-[r:ALIGNS_WITH]->(:Task)
WHERE r.kind IN $kinds
DELETE r
RETURN count(*) AS removed;
