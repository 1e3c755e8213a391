// lineage_clear for these children only. Parameters: $keys (Document keys).
UNWIND $keys AS key
MATCH (:Document {key: key})-[r:IMPLEMENTS]->(:Document)
DELETE r
RETURN count(*) AS removed;
