// The indexes in place, except those that back a constraint (to check that the schema is applied).
SHOW INDEXES YIELD type, labelsOrTypes, properties, owningConstraint
WHERE owningConstraint IS NULL AND labelsOrTypes IS NOT NULL
RETURN 'index' AS kind, type AS detail, labelsOrTypes[0] AS label, properties AS properties;
