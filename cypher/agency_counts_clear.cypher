// Remove the pre-aggregated lead and cooperation counts (LeadCount rows, graph/counts.py) of these agencies, before
// they are computed again. Each agency's rows are found by the index on `agency` (a `$x IS NULL OR …` filter kept
// both planners from using it: 0.6 s at 50,000 notices for one notice's agencies). Every row at once:
// agency_counts_clear_all.cypher. Parameters: $agencies (list of Agency keys).
UNWIND $agencies AS agency
MATCH (c:LeadCount {agency: agency})
DELETE c
RETURN count(*) AS removed;
