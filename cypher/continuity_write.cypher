// Write the SUCCEEDED_BY edges computed by graph/continuity.py. Parameters: $edges [{from, to, kind, date}]
// (kind: renamed | merged | split | functions_moved; date: YYYY-MM-DD of the reform).
UNWIND $edges AS e
MATCH (old:Agency {key: e.from}), (new:Agency {key: e.to})
MERGE (old)-[r:SUCCEEDED_BY]->(new)
SET r.kind = e.kind, r.date = e.date
RETURN count(r) AS written;
