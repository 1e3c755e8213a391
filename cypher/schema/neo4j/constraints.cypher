// The uniqueness constraints in place (to check that the schema is applied).
SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties
RETURN 'constraint' AS kind, type AS detail, labelsOrTypes[0] AS label, properties AS properties;
