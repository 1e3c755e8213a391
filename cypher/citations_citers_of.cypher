// The notices citing any of these notices, by any means. Parameters: $keys (Document keys).
UNWIND $keys AS key
MATCH (c:Document)-[:CITES]->(:Document {key: key})
RETURN DISTINCT c.key AS citer;
