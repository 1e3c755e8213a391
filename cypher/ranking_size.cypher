// Whether the rankings kept ready (graph/ranks.py) were built, and how many entries one cell lists of how many.
// Parameters: $cell (a Ranking key: kind|scope|level|year|+ or -), $built (the key of the row written once they were).
OPTIONAL MATCH (b:Ranking {key: $built})
OPTIONAL MATCH (r:Ranking {key: $cell})
RETURN b IS NOT NULL AS built, coalesce(size(r.keys), 0) AS listed, coalesce(r.total, 0) AS total;
