// Remove the pre-aggregated counts per function (FunctionLeadCount rows, graph/counts.py) of these functions.
// Parameters: $functions (list of functions, or null: every row).
MATCH (c:FunctionLeadCount)
WHERE $functions IS NULL OR c.function IN $functions
DELETE c
RETURN count(*) AS removed;
