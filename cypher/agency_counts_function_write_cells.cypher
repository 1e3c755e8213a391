// FunctionLeadCount rows (graph/counts.py) of some cells only (function × level × region × year, none of them null),
// recomputed from the notices of each cell's level, region and year: what one new notice changes, read from its
// region's notices instead of from every agency of the function. The rows are those of
// agency_counts_function_write.cypher (the same aggregation below the first WITH; it says what the columns mean).
// Parameters: $cells (list of {function, level, region, year}), $bases (every basis of the vocabulary), $first (int).
UNWIND $cells AS cell
MATCH (d:Document {region: cell.region, year: cell.year, level: cell.level})-[:HAS_TASK]->(t:Task)<-[l:LEADS]-(a:Agency)
WITH cell.function AS function, a, l, t, d
WHERE coalesce(a.function, a.name) = function
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
