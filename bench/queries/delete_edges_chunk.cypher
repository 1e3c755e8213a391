// Benchmark housekeeping: delete up to 50,000 relationships (big graphs are emptied in chunks to bound memory).
MATCH ()-[r]->()
WITH r LIMIT 50000
DELETE r
RETURN count(*) AS deleted
