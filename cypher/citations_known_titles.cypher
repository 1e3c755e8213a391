// The notices a title-only citation can resolve to: loaded notices, stubs known by their 文号 and registry notices,
// each with its title (stubs: the title their citers or the registry give).
MATCH (d:Document)
WHERE d.title IS NOT NULL AND NOT (d.stub = true AND d.doc_no IS NULL)
RETURN d.key AS key, d.title AS title
ORDER BY key;
