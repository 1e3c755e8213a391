// Each notice's inheritance shares, for the notices' columns of an export (analysis/exports.py): for a notice whose
// parent (IMPLEMENTS) has tasks, the share of its tasks aligned with one of its parent's tasks (ALIGNS_WITH kind
// parent, graph/alignment.py) and the share of the parent's tasks aligned with at least one of its tasks (0..1).
MATCH (d:Document)-[:IMPLEMENTS]->(p:Document)
WHERE d.task_count > 0 AND p.task_count > 0
OPTIONAL MATCH (d)-[:HAS_TASK]->(t:Task)-[:ALIGNS_WITH {kind: 'parent'}]->(pt:Task)<-[:HAS_TASK]-(p)
WITH d, p, count(DISTINCT t) AS inherited, count(DISTINCT pt) AS taken_up
RETURN d.key AS key, toFloat(inherited) / d.task_count AS inherited_share,
       toFloat(taken_up) / p.task_count AS taken_up_share;
