// Apply corrections of a notice's own fields: the fields, their derived values (tier, region chain, issuing organ)
// and the copies its tasks keep; `corrected_fields`, `correction_note` and `corrected_on` record that an analyst
// changed them. The key stays the extracted one. Parameters: $docs, maps built by graph/corrections.py.
UNWIND $docs AS d
MATCH (doc:Document {key: d.key})
OPTIONAL MATCH (doc)-[old:IN_REGION|ISSUED_BY]->()
WITH doc, d, collect(old) AS oldEdges
FOREACH (r IN oldEdges | DELETE r)
SET doc.doc_no = d.doc_no, doc.doc_no_prefix = d.doc_no_prefix, doc.issuer = d.issuer, doc.level = d.level,
    doc.tier = d.tier, doc.region = d.region, doc.date = d.date, doc.corrected_fields = d.corrected_fields,
    doc.correction_note = d.note, doc.corrected_on = d.corrected_on
FOREACH (i IN range(0, size(d.regions) - 1) |
  MERGE (region:Region {code: d.regions[i].code})
  ON CREATE SET region.name = d.regions[i].name, region.level = d.regions[i].level, region.path = d.regions[i].path
  FOREACH (j IN CASE WHEN i = 0 THEN [] ELSE [i - 1] END |
    MERGE (lower:Region {code: d.regions[j].code})
    MERGE (lower)-[:PART_OF]->(region)))
FOREACH (code IN CASE WHEN d.region_code IS NULL THEN [] ELSE [d.region_code] END |
  MERGE (home:Region {code: code})
  MERGE (doc)-[:IN_REGION]->(home))
FOREACH (issuer IN d.issuer_agencies |
  MERGE (organ:Agency {key: issuer.key})
  ON CREATE SET organ.name = issuer.name, organ.jurisdiction = issuer.jurisdiction, organ.level = issuer.level,
                organ.kind = issuer.kind, organ.function = issuer.function
  MERGE (doc)-[:ISSUED_BY]->(organ))
WITH doc, d
OPTIONAL MATCH (doc)-[:HAS_TASK]->(t:Task)
WITH doc, d, collect(t) AS tasks
FOREACH (t IN tasks | SET t.level = d.level, t.region = d.region)
RETURN count(doc) AS corrected;
