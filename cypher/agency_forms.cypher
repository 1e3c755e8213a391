// Every way each agency was written in the notices (from the provenance on its role edges).
MATCH (a:Agency)-[r:LEADS|COOPERATES_ON]->(:Task)
RETURN a.key AS key, collect(DISTINCT r.as_written) AS forms;
