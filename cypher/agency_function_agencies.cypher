// The agencies of some functions that lead a task under a filter, for a ranking of functions
// (agency_top_lead_functions): per function, how many agencies lead and the first $agency_cap of them with the
// distinct tasks each leads (most first). Read apart from the ranking: a function's count rows are many (every
// region's 卫生健康委员会), and grouping them with the ranking's task lists along took seconds.
// Parameters: $functions (list of function names), and the filter of agency_top_leads ($level, $region,
// $year_from, $year_to, $basis ([] = all), $collectives), $agency_cap (int).
UNWIND $functions AS function
MATCH (c:LeadCount {function: function})
WHERE c.leads > 0
  AND ($collectives OR NOT c.collective)
  AND ($level IS NULL OR c.level = $level)
  AND ($region IS NULL OR c.region STARTS WITH $region)
  AND ($year_from IS NULL OR c.year >= $year_from)
  AND ($year_to IS NULL OR c.year <= $year_to)
  AND (size($basis) = 0 OR c.basis IN $basis)
WITH function, c.agency AS key, c.name AS name, c.jurisdiction AS jurisdiction, c.kind AS kind,
     toInteger(sum(c.leads)) AS led
ORDER BY led DESC, key
WITH function, collect({key: key, name: name, jurisdiction: jurisdiction, kind: kind, tasks: led}) AS agencies
RETURN function, size(agencies) AS agency_count, agencies[0..$agency_cap] AS agencies;
