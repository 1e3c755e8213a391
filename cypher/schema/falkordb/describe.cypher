// What schema is in place: one row per constraint or index (used to check that the schema is applied).
CALL db.constraints() YIELD type, label, properties, status
RETURN 'constraint' AS kind, type AS detail, label AS label, properties AS properties
UNION
CALL db.indexes() YIELD label, properties
RETURN 'index' AS kind, 'RANGE' AS detail, label AS label, properties AS properties;
