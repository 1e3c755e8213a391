// The citers whose title citations were resolved to one of these notices (before those notices may go away).
// Parameters: $keys (Document keys).
UNWIND $keys AS key
MATCH (c:Document)-[e:CITES]->(:Document {key: key})
WHERE e.via_title IS NOT NULL
RETURN DISTINCT c.key AS citer;
