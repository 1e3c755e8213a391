// Remove the pre-aggregated lead and cooperation counts (LeadCount rows, graph/counts.py) of these agencies, before
// they are computed again. Parameters: $agencies (list of Agency keys, or null: every row).
MATCH (c:LeadCount)
WHERE $agencies IS NULL OR c.agency IN $agencies
DELETE c
RETURN count(*) AS removed;
