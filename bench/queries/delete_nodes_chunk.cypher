// Benchmark housekeeping: delete up to 50,000 nodes (big graphs are emptied in chunks to bound memory).
MATCH (n)
WITH n LIMIT 50000
DETACH DELETE n
RETURN count(*) AS deleted
