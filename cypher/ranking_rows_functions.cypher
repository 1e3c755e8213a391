// The FunctionLeadCount rows (graph/counts.py) of these functions, added up over the bases: what graph/ranks.py
// tallies into the rankings kept ready (a row counts without collectives when a non-collective agency leads its
// tasks: `own`). Parameters: $functions (list of function names).
UNWIND $functions AS function
MATCH (c:FunctionLeadCount {function: function})
RETURN c.function AS key, c.function AS name, NOT c.own AS collective, c.level AS level, c.region AS region,
       c.year AS year, toInteger(sum(c.tasks)) AS count;
