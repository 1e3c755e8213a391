// citations_direct_pairs for these citers only. Parameters: $citers (Document keys).
UNWIND $citers AS citer
MATCH (c:Document {key: citer})-[:CITES]->(t:Document)
WHERE NOT (t.stub = true AND t.doc_no IS NULL)
RETURN DISTINCT c.key AS citer, t.key AS target;
