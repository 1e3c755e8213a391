// The FunctionLeadCount rows (graph/counts.py) of these cells (function|level|region|year), added up over the bases,
// for graph/ranks.py to tally before and after a refresh rewrites them. Parameters: $cells (list of cell names).
UNWIND $cells AS cell
MATCH (c:FunctionLeadCount {cell: cell})
RETURN c.function AS key, c.function AS name, NOT c.own AS collective, c.level AS level, c.region AS region,
       c.year AS year, toInteger(sum(c.tasks)) AS count;
