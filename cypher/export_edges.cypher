// Every relationship with its type, the natural keys of its ends (Region nodes are keyed by code) and properties.
MATCH (a)-[r]->(b)
RETURN type(r) AS type, coalesce(a.key, a.code) AS source, coalesce(b.key, b.code) AS target,
       properties(r) AS properties;
