// Citations by title only: each notice citing a `《title》` stub (a notice known by neither 文号 nor loading), with
// the title and where the citation stands. Read by graph/citations.py to resolve them.
MATCH (c:Document)-[e:CITES]->(s:Document)
WHERE s.stub = true AND s.doc_no IS NULL
RETURN c.key AS citer, s.key AS stub, s.title AS title, e.span AS span
ORDER BY citer, stub;
