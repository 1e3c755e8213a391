// The LeadCount rows (graph/counts.py) of these agencies, added up over the bases: what graph/ranks.py tallies into
// the rankings kept ready. Parameters: $agencies (list of Agency keys).
UNWIND $agencies AS agency
MATCH (c:LeadCount {agency: agency})
WHERE c.leads > 0
RETURN c.agency AS key, c.name AS name, c.collective AS collective, c.level AS level, c.region AS region,
       c.year AS year, toInteger(sum(c.leads)) AS count;
