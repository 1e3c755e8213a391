// Task alignment (ALIGNS_WITH between tasks, graph/alignment.py) is derived from the tasks' wording and the lineage,
// recomputed whole by a full refresh: remove it first.
MATCH (:Task)-[r:ALIGNS_WITH]->(:Task)
DELETE r
RETURN count(r) AS removed;
