// Citations by title that an earlier refresh moved to the notice they name (graph/citations.py): the citer, the
// notice, and the title as cited (to move the edge back to its `《title》` stub before resolving again).
MATCH (c:Document)-[e:CITES]->(t:Document)
WHERE e.via_title IS NOT NULL
RETURN c.key AS citer, t.key AS target, e.via_title AS title
ORDER BY citer, target;
