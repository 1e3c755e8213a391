// The citers of these notices by title: on their `《title》` stub, or resolved to them (`via_title`).
// Parameters: $keys (Document keys).
UNWIND $keys AS key
MATCH (c:Document)-[e:CITES]->(t:Document {key: key})
WHERE e.via_title IS NOT NULL OR (t.stub = true AND t.doc_no IS NULL)
RETURN DISTINCT c.key AS citer;
