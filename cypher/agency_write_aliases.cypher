// Set each agency's aliases (sorted by the caller, so the graph does not depend on the order of ingestion).
UNWIND $agencies AS a
MATCH (agency:Agency {key: a.key})
SET agency.aliases = a.aliases
RETURN count(agency) AS updated;
