// Pre-aggregated lead and cooperation counts (graph/counts.py): one LeadCount row per agency × notice level ×
// region × year × basis of the edge, with the distinct tasks it leads (`leads`) and cooperates on (`cooperates`).
// A task has one LEADS edge per agency, so summing `leads` over the rows a filter keeps is the number of distinct
// tasks the agency leads under that filter: agency_top_leads reads these rows instead of every LEADS edge.
// Each row also keeps its first $first led tasks (by notice key and position; the year is the row's):
// `first` (task keys), `first_documents`, `first_ordinals`; the first tasks under any filter are among those of
// the rows it keeps, so a ranking lists tasks without reading every task of an agency.
// The agency's name, jurisdiction, kind and function are copied so that a ranking needs no other node.
// Parameters: $agencies (list of Agency keys, or null: every agency), $first (int). Clear their old rows first.
MATCH (a:Agency)
WHERE $agencies IS NULL OR a.key IN $agencies
MATCH (a)-[l:LEADS|COOPERATES_ON]->(t:Task)<-[:HAS_TASK]-(d:Document)
WITH a, l, t, d
ORDER BY d.key, t.ordinal
WITH a, d.level AS level, d.region AS region, d.year AS year, l.basis AS basis,
     count(DISTINCT CASE WHEN type(l) = 'LEADS' THEN t END) AS leads,
     count(DISTINCT CASE WHEN type(l) = 'COOPERATES_ON' THEN t END) AS cooperates,
     collect(CASE WHEN type(l) = 'LEADS' THEN {key: t.key, document: d.key, ordinal: t.ordinal} END) AS led
WITH a, level, region, year, basis, leads, cooperates, led[0..$first] AS first
CREATE (c:LeadCount {key: 'count|' + a.key + '|' + coalesce(level, '') + '|' + coalesce(region, '') + '|' +
                          coalesce(toString(year), '') + '|' + coalesce(basis, ''),
                     agency: a.key, name: a.name, jurisdiction: a.jurisdiction, kind: a.kind,
                     function: coalesce(a.function, a.name), collective: coalesce(a.kind, '') = 'collective',
                     level: level, region: region, year: year, basis: basis, leads: leads, cooperates: cooperates,
                     first: [x IN first | x.key], first_documents: [x IN first | x.document],
                     first_ordinals: [x IN first | x.ordinal]})
RETURN count(c) AS written;
