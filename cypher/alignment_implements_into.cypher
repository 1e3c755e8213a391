// alignment_implements for these parents only: their children with tasks. Parameters: $keys (Document keys).
UNWIND $keys AS key
MATCH (c:Document)-[:IMPLEMENTS]->(p:Document {key: key})
WHERE c.task_count > 0
RETURN c.key AS child, p.key AS parent, coalesce(p.task_count, 0) > 0 AS parent_tasks;
