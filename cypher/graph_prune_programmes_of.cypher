// Among these programmes, remove those no task mentions any more. Parameters: $keys (Programme keys).
UNWIND $keys AS key
MATCH (p:Programme {key: key})
WHERE NOT (p)--()
DELETE p
RETURN count(*) AS removed;
