// Every relationship of the given notices, in either direction (HAS_TASK, ISSUED_BY, IN_REGION, CITES and
// IMPLEMENTS both ways), with both ends: the notices' part of a filtered export.
// Parameters: $documents (list of Document keys).
UNWIND $documents AS key
MATCH (:Document {key: key})-[r]-()
WITH DISTINCT r
WITH r, startNode(r) AS a, endNode(r) AS b
RETURN type(r) AS type, properties(r) AS properties, labels(a)[0] AS source_label, properties(a) AS source,
       labels(b)[0] AS target_label, properties(b) AS target;
