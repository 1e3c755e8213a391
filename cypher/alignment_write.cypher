// Write task alignments computed by graph/alignment.py: (task)-[:ALIGNS_WITH {kind, score}]->(task), from the
// child's task to its parent's (kind parent), from the later notice's to the earlier one's (previous_year).
// Parameters: $edges [{a, b (Task keys), kind, score (0..1)}].
UNWIND $edges AS e
MATCH (a:Task {key: e.a}), (b:Task {key: e.b})
MERGE (a)-[r:ALIGNS_WITH {kind: e.kind}]->(b)
SET r.score = e.score
RETURN count(r) AS written;
