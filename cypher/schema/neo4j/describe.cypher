// What schema is in place: one row per constraint or index (used to check that the schema is applied).
SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties
RETURN 'constraint' AS kind, type AS detail, labelsOrTypes[0] AS label, properties AS properties
UNION
SHOW INDEXES YIELD name, type, labelsOrTypes, properties, owningConstraint
WHERE owningConstraint IS NULL AND labelsOrTypes IS NOT NULL
RETURN 'index' AS kind, type AS detail, labelsOrTypes[0] AS label, properties AS properties;
