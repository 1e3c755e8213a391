// Whether the graph holds any count rows (graph/counts.py): a graph without any has no rankings to build, so
// graph/ranks.py takes them as built (and keeps them from then on). No parameters.
OPTIONAL MATCH (c:LeadCount)
WITH c
LIMIT 1
RETURN c IS NOT NULL AS any;
