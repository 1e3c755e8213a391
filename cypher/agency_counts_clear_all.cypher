// Remove every pre-aggregated lead and cooperation count (LeadCount rows, graph/counts.py), before a full rebuild.
// No parameters.
MATCH (c:LeadCount)
DELETE c
RETURN count(*) AS removed;
