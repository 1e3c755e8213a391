// Citations of notices known only as stubs (not loaded), for citation hygiene (analysis/citations.py): the citing
// notice, the stub (its 文号 and 代字, or its title), the relation, quote and span. Title citations marked as
// duplicates of another citation of the same notice are left out.
// Parameters: $document (the citing notice's key, or null for all).
MATCH (c:Document)-[e:CITES]->(s:Document)
WHERE s.stub = true AND e.duplicate_of IS NULL AND ($document IS NULL OR c.key = $document)
RETURN c.key AS document, c.title AS document_title, s.key AS cited, s.doc_no AS doc_no,
       s.doc_no_prefix AS doc_no_prefix, s.title AS title, e.relation AS relation, e.quote AS quote, e.span AS span
ORDER BY document, cited;
