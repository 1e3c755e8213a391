// One ranking cell of functions added up from the FunctionLeadCount rows (graph/counts.py): how many functions lead
// a task under the cell's filter, and the first $keep of them, most tasks first. graph/ranks.py recomputes a cell
// this way when its kept list cannot be changed in place. Parameters: as ranking_cell_agency ($scope, $level, $year,
// $collectives, $keep).
MATCH (c:FunctionLeadCount)
WHERE ($collectives OR c.own)
  AND ($scope = '' OR c.region STARTS WITH $scope)
  AND ($level = '' OR c.level = $level)
  AND ($year = 0 OR c.year = $year)
WITH c.function AS key, toInteger(sum(c.tasks)) AS count
ORDER BY count DESC, key
WITH collect({key: key, name: key, count: count}) AS entries
RETURN size(entries) AS total, entries[0..$keep] AS entries;
