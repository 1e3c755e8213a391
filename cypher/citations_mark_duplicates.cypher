// Mark (or clear) the title citations that name a notice their citer already cites otherwise, or the citer itself:
// they stay on their title stub and are not unresolved. Parameters: $edges [{citer, stub, duplicate_of (key or null)}].
UNWIND $edges AS r
MATCH (c:Document {key: r.citer})-[e:CITES]->(s:Document {key: r.stub})
SET e.duplicate_of = r.duplicate_of
RETURN count(e) AS marked;
