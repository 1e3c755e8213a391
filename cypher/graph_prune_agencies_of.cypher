// Among these agencies, remove those no notice names any more (no edge left). Parameters: $keys (Agency keys).
UNWIND $keys AS key
MATCH (a:Agency {key: key})
WHERE NOT (a)--()
DELETE a
RETURN count(*) AS removed;
