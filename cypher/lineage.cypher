// Which notices does this one descend from? Each hop up to the national notice, explicit or inferred.
// Parameters: $key (a Document key: its 文号, or region|year|title).
MATCH path = (d:Document {key: $key})-[:IMPLEMENTS*1..4]->(top:Document)
WHERE NOT (top)-[:IMPLEMENTS]->()
RETURN [n IN nodes(path) | n.key] AS chain,
       [n IN nodes(path) | n.stub] AS stubs,
       [r IN relationships(path) | r.kind] AS kinds,
       [r IN relationships(path) | r.reason] AS reasons;
