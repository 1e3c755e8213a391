// Move title citations from their `《title》` stub to the one notice whose normalised title they match, keeping the
// relation, quote and span, and recording the title as cited in `via_title`.
// Parameters: $edges [{citer, stub, target}].
UNWIND $edges AS r
MATCH (c:Document {key: r.citer})-[e:CITES]->(s:Document {key: r.stub}), (t:Document {key: r.target})
MERGE (c)-[moved:CITES]->(t)
SET moved.relation = e.relation, moved.quote = e.quote, moved.span = e.span, moved.via_title = s.title
DELETE e
RETURN count(moved) AS moved;
