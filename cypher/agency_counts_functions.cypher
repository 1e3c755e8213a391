// The functions (Agency.function, or the name when it has none) of these agencies, as the graph holds them now and
// as their LeadCount rows recorded them (an agency that is gone has only the latter): the FunctionLeadCount rows
// to recompute after they changed. Parameters: $agencies (list of Agency keys).
UNWIND $agencies AS key
OPTIONAL MATCH (a:Agency {key: key})
OPTIONAL MATCH (c:LeadCount {agency: key})
WITH collect(DISTINCT coalesce(a.function, a.name)) + collect(DISTINCT c.function) AS functions
UNWIND functions AS function
RETURN DISTINCT function
ORDER BY function;
