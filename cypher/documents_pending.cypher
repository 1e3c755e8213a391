// Notices written whose derived data (lineage, citations resolved, aliases …) has not been refreshed yet: the
// loader marks each notice it writes, the refresh clears the marks once done. Marks left by an ingest that was
// killed before its refresh make the next refresh a full one (graph/derived.py).
// Parameters: none.
MATCH (d:Document)
WHERE d.derived_pending = true
RETURN d.key AS key;
