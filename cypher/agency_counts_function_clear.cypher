// Remove the pre-aggregated counts per function (FunctionLeadCount rows, graph/counts.py) of these functions, found
// by the index on `function` (as agency_counts_clear.cypher finds an agency's rows). Every row at once:
// agency_counts_function_clear_all.cypher. Parameters: $functions (list of functions).
UNWIND $functions AS function
MATCH (c:FunctionLeadCount {function: function})
DELETE c
RETURN count(*) AS removed;
