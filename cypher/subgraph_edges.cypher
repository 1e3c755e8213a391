// The relationships among the nodes of a subgraph (from subgraph_document, subgraph_agency or subgraph_programme):
// HAS_TASK, LEADS and COOPERATES_ON into its tasks, MENTIONS from its tasks, CITES and IMPLEMENTS between its notices.
// `relation` is IMPLEMENTS' kind (explicit | inferred) or CITES' relation (basis | reference); `basis` and `quote`
// are a role's provenance (a citation's quote for CITES).
// Parameters: $tasks (Task keys), $documents (Document keys), $keys (every node key of the subgraph).
UNWIND $tasks AS taskKey
MATCH (t:Task {key: taskKey})<-[r:HAS_TASK|LEADS|COOPERATES_ON]-(n)
WHERE n.key IN $keys
RETURN n.key AS source, t.key AS target, type(r) AS type, null AS relation, r.basis AS basis, r.quote AS quote,
       null AS reason
UNION ALL
UNWIND $tasks AS taskKey
MATCH (t:Task {key: taskKey})-[r:MENTIONS]->(p:Programme)
WHERE p.key IN $keys
RETURN t.key AS source, p.key AS target, type(r) AS type, null AS relation, null AS basis, null AS quote,
       null AS reason
UNION ALL
UNWIND $documents AS documentKey
MATCH (d:Document {key: documentKey})-[r:CITES|IMPLEMENTS]->(p:Document)
WHERE p.key IN $documents
RETURN d.key AS source, p.key AS target, type(r) AS type, coalesce(r.kind, r.relation) AS relation, null AS basis,
       r.quote AS quote, r.reason AS reason;
