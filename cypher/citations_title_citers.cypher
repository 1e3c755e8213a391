// Every title citation, open (on its `《title》` stub) or resolved (moved to a notice, `via_title` set): the citer and
// the title as cited. graph/citations.py picks the citers whose titles a new or changed notice may now match.
MATCH (c:Document)-[e:CITES]->(s:Document)
WHERE e.via_title IS NOT NULL OR (s.stub = true AND s.doc_no IS NULL)
RETURN DISTINCT c.key AS citer, coalesce(e.via_title, s.title) AS title;
