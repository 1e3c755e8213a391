// Pre-aggregated lead counts per function (graph/counts.py), for agency_top_lead_functions: agencies of one
// function (every region's 卫生健康委员会) may lead the same task, so the agencies' counts cannot be added up.
// Instead each task is counted once per function, in the row of its notice's level, region and year and of the
// bases its function's agencies lead it on: `own_bases` those of the agencies that are not collectives (`own`: there
// is at least one), `bases` those of all of them, each in the order of $bases (so a set is always written alike).
// A filter keeps a row when one of its bases is asked for; the sum of the kept rows' `tasks` is then the number of
// distinct tasks the function leads under that filter. Like LeadCount, a row keeps its first $first tasks
// (`first`, `first_documents`, `first_ordinals`).
// Parameters: $functions (list of functions, or null: every function), $years (list of years, 0 for a notice
// without one, or null: every year), $bases (every basis of the vocabulary), $first (int).
MATCH (a:Agency)
WITH a, coalesce(a.function, a.name) AS function
WHERE $functions IS NULL OR function IN $functions
MATCH (a)-[l:LEADS]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE $years IS NULL OR coalesce(d.year, 0) IN $years
WITH function, t, d,
     collect(DISTINCT CASE WHEN coalesce(a.kind, '') <> 'collective' THEN coalesce(l.basis, '') END) AS own,
     collect(DISTINCT coalesce(l.basis, '')) AS every
ORDER BY d.key, t.ordinal
WITH function, d.level AS level, d.region AS region, d.year AS year, size(own) > 0 AS own_any,
     [b IN $bases WHERE b IN own] AS own_bases, [b IN $bases WHERE b IN every] AS bases, count(t) AS tasks,
     collect({key: t.key, document: d.key, ordinal: t.ordinal})[0..$first] AS first
CREATE (c:FunctionLeadCount {key: 'function|' + function + '|' + coalesce(level, '') + '|' + coalesce(region, '') +
                                  '|' + coalesce(toString(year), '') + '|' + CASE WHEN own_any THEN '+' ELSE '-' END +
                                  reduce(s = '', b IN own_bases | s + b + ',') + '|' +
                                  reduce(s = '', b IN bases | s + b + ','),
                             cell: function + '|' + coalesce(level, '') + '|' + coalesce(region, '') + '|' +
                                   coalesce(toString(year), ''),
                             function: function, level: level, region: region, year: year, own: own_any,
                             own_bases: own_bases, bases: bases, tasks: tasks, first: [x IN first | x.key],
                             first_documents: [x IN first | x.document], first_ordinals: [x IN first | x.ordinal]})
RETURN count(c) AS written;
