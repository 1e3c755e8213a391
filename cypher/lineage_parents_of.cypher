// The IMPLEMENTS parents of these notices as they are now (graph/lineage.py `refresh_near` compares them with the
// recomputed ones: the notices whose parent changed). Parameters: $keys (Document keys).
UNWIND $keys AS key
MATCH (:Document {key: key})-[:IMPLEMENTS]->(p:Document)
RETURN key AS child, p.key AS parent;
