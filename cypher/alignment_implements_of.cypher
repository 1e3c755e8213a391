// alignment_implements for these children only: their parents. Parameters: $keys (Document keys).
UNWIND $keys AS key
MATCH (c:Document {key: key})-[:IMPLEMENTS]->(p:Document)
WHERE c.task_count > 0
RETURN c.key AS child, p.key AS parent, coalesce(p.task_count, 0) > 0 AS parent_tasks;
