// Write a batch of notices: each notice's node, its citations (parents not yet loaded become stubs), its tasks with
// their lead and cooperating agencies, programmes and targets, its issuer and region chain; the notice's coverage
// report as flat properties (needs_review, review_reasons …; the fragments as JSON) and each task's deadline.
// A notice already in the graph is replaced whole: its old tasks, targets and outgoing edges are removed first,
// in the same statement, so that a notice is in the graph whole or not at all.
// Parameters: $docs, a list of maps built by graph/rows.py (one per notice).
UNWIND $docs AS d
MERGE (doc:Document {key: d.key})
WITH doc, d
OPTIONAL MATCH (doc)-[:HAS_TASK]->(old:Task)
OPTIONAL MATCH (old)-[:SETS]->(oldTarget:Target)
WITH doc, d, collect(DISTINCT old) AS oldTasks, collect(DISTINCT oldTarget) AS oldTargets
FOREACH (n IN oldTargets | DETACH DELETE n)
FOREACH (n IN oldTasks | DETACH DELETE n)
WITH doc, d
OPTIONAL MATCH (doc)-[r:CITES|IMPLEMENTS|ISSUED_BY|IN_REGION]->()
WITH doc, d, collect(r) AS oldEdges
FOREACH (r IN oldEdges | DELETE r)
SET doc.doc_no = d.doc_no, doc.doc_no_prefix = d.doc_no_prefix, doc.title = d.title, doc.issuer = d.issuer,
    doc.issuer_kind = d.issuer_kind,
    doc.level = d.level, doc.tier = d.tier, doc.region = d.region, doc.date = d.date, doc.year = d.year,
    doc.sha256 = d.sha256, doc.source = d.source, doc.retrieved = d.retrieved, doc.series = d.series, doc.task_count = size(d.tasks),
    doc.stub = false, doc.tasks_with_lead = d.coverage.tasks_with_lead,
    doc.tasks_with_cooperating = d.coverage.tasks_with_cooperating,
    doc.tasks_with_deadline = d.coverage.tasks_with_deadline, doc.unconsumed_count = d.coverage.unconsumed_count,
    doc.unconsumed_json = d.coverage.unconsumed_json, doc.missing_json = d.coverage.missing_json,
    doc.needs_review = d.coverage.needs_review, doc.review_reasons = d.coverage.review_reasons
// Analysts' corrections go on top after the load (graph/corrections.py): a notice written again starts as extracted.
SET doc.corrected_fields = null, doc.correction_note = null, doc.corrected_on = null
// Until the derived refresh has run around it (cleared there): an ingest killed before it leaves the mark behind.
SET doc.derived_pending = true
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
FOREACH (c IN d.cited |
  MERGE (parent:Document {key: c.key})
  ON CREATE SET parent.stub = true, parent.doc_no = c.doc_no, parent.doc_no_prefix = c.doc_no_prefix,
                parent.issuer = c.issuer, parent.level = c.level, parent.tier = c.tier, parent.year = c.year,
                parent.region = c.region, parent.series = c.series
  // A stub's title: the smallest of the titles its citers give, so that the order of ingestion does not matter.
  SET parent.title = CASE WHEN parent.stub AND (parent.title IS NULL OR c.title < parent.title)
                          THEN c.title ELSE parent.title END
  MERGE (doc)-[cites:CITES]->(parent)
  SET cites.relation = c.relation, cites.quote = c.quote, cites.span = c.span)
FOREACH (t IN d.tasks |
  CREATE (task:Task {key: t.key, ordinal: t.ordinal, section: t.section, number: t.number, title: t.title,
                     text: t.text, search_text: t.search_text, span: t.span, year: d.year, level: d.level,
                     region: d.region, deadline_kind: t.deadline_kind, deadline_date: t.deadline_date,
                     deadline_as_written: t.deadline_as_written})
  CREATE (doc)-[:HAS_TASK]->(task)
  FOREACH (a IN t.leads |
    MERGE (agency:Agency {key: a.key})
    ON CREATE SET agency.name = a.name, agency.jurisdiction = a.jurisdiction, agency.level = a.level,
                  agency.kind = a.kind, agency.function = a.function
    CREATE (agency)-[:LEADS {basis: a.basis, quote: a.quote, span: a.span, as_written: a.as_written}]->(task))
  FOREACH (a IN t.cooperating |
    MERGE (agency:Agency {key: a.key})
    ON CREATE SET agency.name = a.name, agency.jurisdiction = a.jurisdiction, agency.level = a.level,
                  agency.kind = a.kind, agency.function = a.function
    CREATE (agency)-[:COOPERATES_ON {basis: a.basis, quote: a.quote, span: a.span, as_written: a.as_written}]->(task))
  FOREACH (p IN t.programmes |
    MERGE (programme:Programme {key: p.key})
    ON CREATE SET programme.name = p.name
    CREATE (task)-[:MENTIONS]->(programme))
  FOREACH (g IN t.targets |
    CREATE (target:Target {key: g.key, text: g.text, kind: g.kind, value: g.value, span: g.span})
    CREATE (task)-[:SETS]->(target)))
RETURN count(doc) AS written;
