// Remove rankings kept ready (graph/ranks.py) before they are written again: those of one kind (agency, function),
// or those with these keys. Parameters: $kind (string or null), $keys (list of Ranking keys, or null).
MATCH (r:Ranking)
WHERE ($kind IS NULL OR r.kind = $kind) AND ($keys IS NULL OR r.key IN $keys)
DELETE r
RETURN count(*) AS removed;
