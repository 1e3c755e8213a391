// Remove the FunctionLeadCount rows (graph/counts.py) of these cells, named as their `cell` property holds them
// (function|level|region|year).
// Parameters: $cells (list of strings).
UNWIND $cells AS cell
MATCH (c:FunctionLeadCount {cell: cell})
DELETE c
RETURN count(*) AS removed;
