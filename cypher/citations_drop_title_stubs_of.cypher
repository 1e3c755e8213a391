// citations_drop_title_stubs among these stubs only. Parameters: $keys (Document keys).
UNWIND $keys AS key
MATCH (s:Document {key: key})
WHERE s.stub = true AND s.doc_no IS NULL AND s.registry IS NULL AND NOT ()-[:CITES]->(s)
DETACH DELETE s
RETURN count(*) AS removed;
