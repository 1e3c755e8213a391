// Agency continuity (SUCCEEDED_BY) is derived from the agencies present and graph/data/agency_renamings.csv,
// recomputed after every ingest: remove it first.
MATCH (:Agency)-[r:SUCCEEDED_BY]->(:Agency)
DELETE r
RETURN count(r) AS removed;
