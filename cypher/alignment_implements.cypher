// Every IMPLEMENTS link from a notice with tasks, and whether its parent has tasks (a stub has none): what
// graph/alignment.py pairs notices by (a child with its parent; the children of one parent with each other).
MATCH (c:Document)-[:IMPLEMENTS]->(p:Document)
WHERE c.task_count > 0
RETURN c.key AS child, p.key AS parent, coalesce(p.task_count, 0) > 0 AS parent_tasks;
