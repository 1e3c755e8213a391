// An analyst's IMPLEMENTS parent replaces the computed one (run after lineage is recomputed): basis `corrected`,
// with the note and date. Parameters: $edges [{child, parent, reason, note, corrected_on}].
UNWIND $edges AS e
MATCH (child:Document {key: e.child}), (parent:Document {key: e.parent})
OPTIONAL MATCH (child)-[old:IMPLEMENTS]->()
WITH child, parent, e, collect(old) AS oldEdges
FOREACH (r IN oldEdges | DELETE r)
CREATE (child)-[r:IMPLEMENTS {kind: 'explicit', basis: 'corrected', reason: e.reason, note: e.note,
                              corrected_on: e.corrected_on}]->(parent)
RETURN count(r) AS written;
