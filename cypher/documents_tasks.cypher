// The tasks of one notice in their order, each with its lead and cooperating agencies (with the provenance on the
// edge: basis, quote, span, as_written), the programmes it mentions, the targets it sets and its deadline.
// Parameters: $key (a Document key). No rows for a stub or an unknown key.
MATCH (:Document {key: $key})-[:HAS_TASK]->(t:Task)
OPTIONAL MATCH (lead:Agency)-[l:LEADS]->(t)
WITH t, collect(CASE WHEN lead IS NULL THEN NULL ELSE
       {key: lead.key, name: lead.name, kind: lead.kind, jurisdiction: lead.jurisdiction, basis: l.basis,
        quote: l.quote, span: l.span, as_written: l.as_written} END) AS leads
OPTIONAL MATCH (helper:Agency)-[h:COOPERATES_ON]->(t)
WITH t, leads, collect(CASE WHEN helper IS NULL THEN NULL ELSE
       {key: helper.key, name: helper.name, kind: helper.kind, jurisdiction: helper.jurisdiction, basis: h.basis,
        quote: h.quote, span: h.span, as_written: h.as_written} END) AS cooperating
OPTIONAL MATCH (t)-[:MENTIONS]->(p:Programme)
WITH t, leads, cooperating, collect(p.name) AS programmes
OPTIONAL MATCH (t)-[:SETS]->(g:Target)
WITH t, leads, cooperating, programmes, collect(CASE WHEN g IS NULL THEN NULL ELSE
       {key: g.key, text: g.text, kind: g.kind, value: g.value, span: g.span} END) AS targets
RETURN t.key AS key, t.ordinal AS ordinal, t.section AS section, t.number AS number, t.title AS title,
       t.text AS text, t.span AS span, leads, cooperating, programmes, targets,
       {as_written: t.deadline_as_written, date: t.deadline_date, kind: coalesce(t.deadline_kind, 'none')} AS deadline
ORDER BY ordinal;
