// How many indexes FalkorDB is still building (a full-text index over existing nodes is filled asynchronously).
CALL db.indexes() YIELD status
WITH status WHERE status <> 'OPERATIONAL'
RETURN count(*) AS pending;
