// citations_title_edges for these citers only. Parameters: $citers (Document keys).
UNWIND $citers AS citer
MATCH (c:Document {key: citer})-[e:CITES]->(s:Document)
WHERE s.stub = true AND s.doc_no IS NULL
RETURN c.key AS citer, s.key AS stub, s.title AS title, e.span AS span;
