// The cells (function × notice level × region × year) that these agencies' LeadCount rows cover: where the
// FunctionLeadCount rows change when the agencies' counts do (graph/counts.py reads them before the agencies' rows
// are cleared and after they are written again, so cells an agency left are recomputed too).
// Parameters: $agencies (list of Agency keys).
UNWIND $agencies AS key
MATCH (c:LeadCount {agency: key})
RETURN DISTINCT c.function AS function, c.level AS level, c.region AS region, c.year AS year;
