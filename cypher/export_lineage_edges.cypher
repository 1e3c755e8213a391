// The IMPLEMENTS chain above the given notices up to the top (the national notice), with both ends: keeps a
// filtered export's lineage whole when a parent is not itself selected (临州办发 → 甘政办发 stub → 国办发).
// Edges out of the given notices themselves are left out (export_document_edges has them).
// Parameters: $documents (list of Document keys).
UNWIND $documents AS key
MATCH (:Document {key: key})-[:IMPLEMENTS*1..4]->(a:Document)
WHERE NOT a.key IN $documents
WITH DISTINCT a
MATCH (a)-[r:IMPLEMENTS]->(b:Document)
RETURN type(r) AS type, properties(r) AS properties, labels(a)[0] AS source_label, properties(a) AS source,
       labels(b)[0] AS target_label, properties(b) AS target;
