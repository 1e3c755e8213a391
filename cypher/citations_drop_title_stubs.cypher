// Title stubs nobody cites any more (their citations were resolved to a known notice) are removed.
MATCH (s:Document)
WHERE s.stub = true AND s.doc_no IS NULL AND s.registry IS NULL AND NOT ()-[:CITES]->(s)
DETACH DELETE s
RETURN count(s) AS removed;
