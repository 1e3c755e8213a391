// Remove every pre-aggregated count per function (FunctionLeadCount rows, graph/counts.py), before a full rebuild.
// No parameters.
MATCH (c:FunctionLeadCount)
DELETE c
RETURN count(*) AS removed;
