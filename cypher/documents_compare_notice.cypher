// One notice as the comparison of two notices reads it: its heading fields, whether it is a stub, and its tasks
// (in no fixed order: each has its ordinal), each with its heading and text, its lead and cooperating agencies with
// the agency's function (卫生健康委员会 for every region's 卫健委), jurisdiction and level, the programmes it
// mentions, the targets it sets and its deadline. One row for a known key (no tasks for a stub), none otherwise.
// Parameters: $key (a Document key).
MATCH (d:Document {key: $key})
OPTIONAL MATCH (d)-[:HAS_TASK]->(t:Task)
OPTIONAL MATCH (lead:Agency)-[:LEADS]->(t)
WITH d, t, collect(CASE WHEN lead IS NULL THEN NULL ELSE
       {key: lead.key, name: lead.name, function: lead.function, jurisdiction: lead.jurisdiction,
        level: lead.level, kind: lead.kind} END) AS leads
OPTIONAL MATCH (helper:Agency)-[:COOPERATES_ON]->(t)
WITH d, t, leads, collect(CASE WHEN helper IS NULL THEN NULL ELSE
       {key: helper.key, name: helper.name, function: helper.function, jurisdiction: helper.jurisdiction,
        level: helper.level, kind: helper.kind} END) AS cooperating
OPTIONAL MATCH (t)-[:MENTIONS]->(p:Programme)
WITH d, t, leads, cooperating, collect(p.name) AS programmes
OPTIONAL MATCH (t)-[:SETS]->(g:Target)
WITH d, t, leads, cooperating, programmes, collect(CASE WHEN g IS NULL THEN NULL ELSE
       {text: g.text, kind: g.kind, value: g.value, span: g.span} END) AS targets
RETURN d.key AS key, d.doc_no AS doc_no, d.title AS title, d.issuer AS issuer, d.level AS level,
       d.region AS region, d.year AS year, coalesce(d.stub, false) AS stub,
       collect(CASE WHEN t IS NULL THEN NULL ELSE
         {key: t.key, ordinal: t.ordinal, number: t.number, title: t.title, text: t.text, leads: leads,
          cooperating: cooperating, programmes: programmes, targets: targets,
          deadline: {as_written: t.deadline_as_written, date: t.deadline_date,
                     kind: coalesce(t.deadline_kind, 'none')}} END) AS tasks;
