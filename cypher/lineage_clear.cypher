// Lineage (IMPLEMENTS) is derived from citations and tiers, recomputed after every ingest: remove it first.
MATCH (:Document)-[r:IMPLEMENTS]->(:Document)
DELETE r
RETURN count(r) AS removed;
