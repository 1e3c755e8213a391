// Remove the rankings kept ready (graph/ranks.py) of one kind (agency, function), or all of them, before they are
// built again. Those of some cells only: ranking_clear_keys.cypher. Parameters: $kind (string, or null: every kind).
MATCH (r:Ranking)
WHERE $kind IS NULL OR r.kind = $kind
DELETE r
RETURN count(*) AS removed;
