// One notice by its key: its properties, the notices it cites (basis or reference, with the quote and its offsets),
// the parent it implements (lineage: explicit or inferred), and its coverage report (null for a stub or a notice
// loaded before the report existed). No row when no notice has that key.
// Parameters: $key (a Document key: its 文号, or region|year|title, or 《title》 for a notice cited by title only).
MATCH (d:Document {key: $key})
OPTIONAL MATCH (d)-[c:CITES]->(cited:Document)
WITH d, collect(CASE WHEN cited IS NULL THEN NULL ELSE
       {key: cited.key, doc_no: cited.doc_no, title: cited.title, stub: cited.stub, relation: c.relation,
        quote: c.quote, span: c.span} END) AS citations
OPTIONAL MATCH (d)-[i:IMPLEMENTS]->(parent:Document)
RETURN d.key AS key, d.doc_no AS doc_no, d.title AS title, d.issuer AS issuer, d.issuer_kind AS issuer_kind,
       d.level AS level, d.region AS region,
       d.date AS date, d.year AS year, d.stub AS stub, d.series AS series, coalesce(d.registry, false) AS registry,
       d.task_count AS task_count, d.source AS source, d.retrieved AS retrieved, d.sha256 AS sha256, citations,
       parent.key AS implements, i.kind AS implements_relation,
       d.tasks_with_lead AS tasks_with_lead, d.tasks_with_cooperating AS tasks_with_cooperating,
       d.tasks_with_deadline AS tasks_with_deadline, d.unconsumed_json AS unconsumed_json,
       d.missing_json AS missing_json, d.needs_review AS needs_review, d.review_reasons AS review_reasons;
