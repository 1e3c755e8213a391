// Write rankings kept ready (graph/ranks.py), one row per cell: key (kind|scope|level|year|+ or -), kind, scope
// ('' everywhere, or a province's full path), level ('' any), year (0 any), collectives (bool), total (entries the
// cell has), keys, names, counts (its first entries, most tasks first). Parameters: $rows (list of maps).
UNWIND $rows AS row
CREATE (r:Ranking)
SET r = row
RETURN count(r) AS written;
