// One agency's predecessors (agencies it succeeded) and successors (agencies that succeeded it), direct ones, with
// the kind and date of each change; by date, then renamed, merged, split, functions_moved, then key.
// Parameters: $key (an Agency key).
MATCH (a:Agency {key: $key})
OPTIONAL MATCH (before:Agency)-[p:SUCCEEDED_BY]->(a)
WITH a, before, p
ORDER BY p.date, CASE p.kind WHEN 'renamed' THEN 0 WHEN 'merged' THEN 1 WHEN 'split' THEN 2 ELSE 3 END, before.key
WITH a, collect(CASE WHEN before IS NULL THEN NULL ELSE
       {key: before.key, name: before.name, jurisdiction: before.jurisdiction, kind: p.kind, date: p.date} END)
       AS predecessors
OPTIONAL MATCH (a)-[s:SUCCEEDED_BY]->(after:Agency)
WITH predecessors, after, s
ORDER BY s.date, CASE s.kind WHEN 'renamed' THEN 0 WHEN 'merged' THEN 1 WHEN 'split' THEN 2 ELSE 3 END, after.key
RETURN predecessors,
       collect(CASE WHEN after IS NULL THEN NULL ELSE
         {key: after.key, name: after.name, jurisdiction: after.jurisdiction, kind: s.kind, date: s.date} END)
       AS successors;
