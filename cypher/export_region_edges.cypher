// The PART_OF chain above the given regions up to 中国, with both ends: the map part of a filtered export.
// Parameters: $codes (list of Region codes).
UNWIND $codes AS code
MATCH (:Region {code: code})-[:PART_OF*0..6]->(a:Region)
WITH DISTINCT a
MATCH (a)-[r:PART_OF]->(b:Region)
RETURN type(r) AS type, properties(r) AS properties, labels(a)[0] AS source_label, properties(a) AS source,
       labels(b)[0] AS target_label, properties(b) AS target;
