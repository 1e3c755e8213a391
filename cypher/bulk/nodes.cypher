// Bulk path, Neo4j (graph/bulk_neo4j.py): one label's nodes created on an empty graph, each row its properties.
// The label is a parameter through Neo4j 5.26's dynamic labels: CREATE needs no index lookup, so nothing is lost.
// Parameters: $label (Document, Task, Target, Agency, Programme or Region), $rows (list of property maps).
UNWIND $rows AS r
CREATE (n:$($label))
SET n = r;
