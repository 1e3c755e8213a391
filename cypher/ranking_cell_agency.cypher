// One ranking cell of agencies added up from the LeadCount rows (graph/counts.py): how many agencies lead a task
// under the cell's filter, and the first $keep of them, most tasks first. graph/ranks.py recomputes a cell this way
// when its kept list cannot be changed in place. Parameters: $scope ('' everywhere, or a province's full path),
// $level ('' any), $year (0 any), $collectives (bool: count collective agencies), $keep (int).
MATCH (c:LeadCount)
WHERE c.leads > 0
  AND ($collectives OR NOT c.collective)
  AND ($scope = '' OR c.region STARTS WITH $scope)
  AND ($level = '' OR c.level = $level)
  AND ($year = 0 OR c.year = $year)
WITH c.agency AS key, c.name AS name, toInteger(sum(c.leads)) AS count
ORDER BY count DESC, name, key
WITH collect({key: key, name: name, count: count}) AS entries
RETURN size(entries) AS total, entries[0..$keep] AS entries;
