// The indexes in place (to check that the schema is applied).
CALL db.indexes() YIELD label, properties
RETURN 'index' AS kind, 'RANGE' AS detail, label AS label, properties AS properties;
