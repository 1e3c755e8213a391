// Remove the rankings kept ready (graph/ranks.py) with these keys, before they are written again: found by the
// unique key, not by reading every Ranking row. Parameters: $keys (list of Ranking keys).
UNWIND $keys AS key
MATCH (r:Ranking {key: key})
DELETE r
RETURN count(*) AS removed;
