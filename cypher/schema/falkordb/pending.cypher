// How many constraints FalkorDB is still building (they are built asynchronously after GRAPH.CONSTRAINT CREATE).
CALL db.constraints() YIELD status
WITH status WHERE status <> 'OPERATIONAL'
RETURN count(*) AS pending;
