// The tasks of one notice in their order, as the comparison of two notices reads them: each task's heading and
// text, its lead and cooperating agencies with the agency's function (卫生健康委员会 for every region's 卫健委),
// jurisdiction and level, the programmes it mentions, the targets it sets and its deadline.
// Parameters: $key (a Document key). No rows for a stub or an unknown key.
MATCH (:Document {key: $key})-[:HAS_TASK]->(t:Task)
OPTIONAL MATCH (lead:Agency)-[:LEADS]->(t)
WITH t, collect(CASE WHEN lead IS NULL THEN NULL ELSE
       {key: lead.key, name: lead.name, function: lead.function, jurisdiction: lead.jurisdiction,
        level: lead.level, kind: lead.kind} END) AS leads
OPTIONAL MATCH (helper:Agency)-[:COOPERATES_ON]->(t)
WITH t, leads, collect(CASE WHEN helper IS NULL THEN NULL ELSE
       {key: helper.key, name: helper.name, function: helper.function, jurisdiction: helper.jurisdiction,
        level: helper.level, kind: helper.kind} END) AS cooperating
OPTIONAL MATCH (t)-[:MENTIONS]->(p:Programme)
WITH t, leads, cooperating, collect(p.name) AS programmes
OPTIONAL MATCH (t)-[:SETS]->(g:Target)
WITH t, leads, cooperating, programmes, collect(CASE WHEN g IS NULL THEN NULL ELSE
       {text: g.text, kind: g.kind, value: g.value, span: g.span} END) AS targets
RETURN t.key AS key, t.ordinal AS ordinal, t.number AS number, t.title AS title, t.text AS text,
       leads, cooperating, programmes, targets,
       {as_written: t.deadline_as_written, date: t.deadline_date, kind: coalesce(t.deadline_kind, 'none')} AS deadline
ORDER BY ordinal;
