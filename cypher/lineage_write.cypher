// Write the IMPLEMENTS edges computed by graph/lineage.py. Parameters: $edges [{child, parent, kind, reason}].
UNWIND $edges AS e
MATCH (child:Document {key: e.child}), (parent:Document {key: e.parent})
MERGE (child)-[r:IMPLEMENTS]->(parent)
SET r.kind = e.kind, r.reason = e.reason
RETURN count(r) AS written;
