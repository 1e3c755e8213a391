// The rankings kept ready (graph/ranks.py) of some cells: the entries listed, in ranking order, and how many the
// cell has in all. Parameters: $keys (list of Ranking keys).
UNWIND $keys AS key
MATCH (r:Ranking {key: key})
RETURN r.key AS key, r.keys AS keys, r.names AS names, r.counts AS counts, r.total AS total;
