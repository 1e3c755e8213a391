// Pairs of notices already linked by a citation that is not a title-only one (by 文号, or to a loaded notice).
MATCH (c:Document)-[:CITES]->(t:Document)
WHERE NOT (t.stub = true AND t.doc_no IS NULL)
RETURN DISTINCT c.key AS citer, t.key AS target;
