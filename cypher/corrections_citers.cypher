// After a 文号 correction: notices that cite the corrected 文号 point at a stub keyed by it; move those citations to
// the corrected notice (the stub, cited by nobody then, is pruned). Parameters: $docs [{key, doc_no}].
UNWIND $docs AS d
MATCH (doc:Document {key: d.key}), (stub:Document {key: d.doc_no})
WHERE stub.stub = true AND stub.key <> doc.key
MATCH (citer:Document)-[e:CITES]->(stub)
MERGE (citer)-[moved:CITES]->(doc)
SET moved.relation = e.relation, moved.quote = e.quote, moved.span = e.span
DELETE e
RETURN count(moved) AS moved;
