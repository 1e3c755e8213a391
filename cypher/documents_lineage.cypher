// Which notices does this one descend from? The notice itself, then each hop up the IMPLEMENTS chain to its top
// (the national notice when the chain reaches it), with each edge's kind (explicit | inferred) and reason.
// One row for a known key (a notice with no parent: a path of length 0), none for an unknown key.
// Parameters: $key (a Document key).
MATCH path = (d:Document {key: $key})-[:IMPLEMENTS*0..4]->(top:Document)
WHERE NOT (top)-[:IMPLEMENTS]->()
RETURN [n IN nodes(path) | {key: n.key, doc_no: n.doc_no, title: n.title, level: n.level, tier: n.tier,
                            region: n.region, year: n.year, stub: n.stub}] AS notices,
       [r IN relationships(path) | {relation: r.kind, reason: r.reason}] AS edges;
