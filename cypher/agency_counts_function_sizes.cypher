// How many LEADS edges the FunctionLeadCount rows of each function are written from, per year of notice (0: none).
// graph/counts.py plans the writes of agency_counts_function_write.cypher by these figures so that no statement
// reads too many edges: at 50,000 notices one function (every region's 卫生健康委员会) leads 175,000 tasks, more
// than one Neo4j transaction's memory holds in one aggregation. Read from the LeadCount rows, which are written first.
// Parameters: $functions (list of functions, or null: every function).
MATCH (c:LeadCount)
WHERE c.leads > 0 AND ($functions IS NULL OR c.function IN $functions)
RETURN c.function AS function, coalesce(c.year, 0) AS year, sum(c.leads) AS edges
ORDER BY function, year;
