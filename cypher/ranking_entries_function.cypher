// The whole count of some functions in some ranking cells, added up from the FunctionLeadCount rows
// (graph/counts.py): graph/ranks.py asks it for the functions a cell's list, cut short, does not hold, when only the
// difference a refresh made to their count is known. Parameters: $entries (list of {cell (Ranking key), key (the
// function), scope, level, year, collectives} as in ranking_cell_function).
UNWIND $entries AS e
MATCH (c:FunctionLeadCount {function: e.key})
WHERE (e.collectives OR c.own)
  AND (e.scope = '' OR c.region STARTS WITH e.scope)
  AND (e.level = '' OR c.level = e.level)
  AND (e.year = 0 OR c.year = e.year)
RETURN e.cell AS cell, e.key AS key, toInteger(sum(c.tasks)) AS count;
