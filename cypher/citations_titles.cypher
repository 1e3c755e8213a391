// Every notice with a title, and whether it is a `《title》` stub (known by its title alone) rather than a notice a
// title can resolve to (citations_known_titles). graph/citations.py reads it once per incremental refresh: the
// candidates of the titles, and the notices whose titles a new or changed notice may now match.
MATCH (d:Document)
WHERE d.title IS NOT NULL
RETURN d.key AS key, d.title AS title, (d.stub = true AND d.doc_no IS NULL) AS by_title;
