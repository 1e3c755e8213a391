// The constraints in place (to check that the schema is applied).
CALL db.constraints() YIELD type, label, properties
RETURN 'constraint' AS kind, type AS detail, label AS label, properties AS properties;
