// citations_resolved_edges for these citers only. Parameters: $citers (Document keys).
UNWIND $citers AS citer
MATCH (c:Document {key: citer})-[e:CITES]->(t:Document)
WHERE e.via_title IS NOT NULL
RETURN c.key AS citer, t.key AS target, e.via_title AS title;
