// The neighbourhood of one programme, for the graph view: the tasks that mention it (hop 1); from $depth 2 the
// notices of those tasks and the agencies that lead or cooperate on them (hop 2); from $depth 3 the notices those
// notices implement (hop 3).
// One row per node with its distance from the programme (hop 0: the programme itself), nearest first: Documents,
// then Agencies, then Tasks grouped by notice in their order. No row for an unknown key.
// Edges come from subgraph_edges. Parameters: $key (a Programme key: its name), $depth (1..3), $limit (rows).
MATCH (centre:Programme {key: $key})
OPTIONAL MATCH (centre)<-[:MENTIONS]-(task:Task)
WITH centre, collect(DISTINCT task) AS tasks
OPTIONAL MATCH (centre)<-[:MENTIONS]-(:Task)<-[:HAS_TASK]-(doc:Document)
WHERE $depth >= 2
WITH centre, tasks, collect(DISTINCT doc) AS docs
OPTIONAL MATCH (centre)<-[:MENTIONS]-(:Task)<-[:LEADS|COOPERATES_ON]-(agency:Agency)
WHERE $depth >= 2
WITH centre, tasks, docs, collect(DISTINCT agency) AS agencies
OPTIONAL MATCH (centre)<-[:MENTIONS]-(:Task)<-[:HAS_TASK]-(:Document)-[:IMPLEMENTS]->(parent:Document)
WHERE $depth >= 3
WITH centre, tasks, docs, agencies, collect(DISTINCT parent) AS parents
UNWIND [{hop: 0, node: centre}] + [n IN tasks | {hop: 1, node: n}] + [n IN docs + agencies | {hop: 2, node: n}]
       + [n IN parents | {hop: 3, node: n}] AS reached
WITH reached.node AS n, min(reached.hop) AS hop
WITH n, hop, labels(n)[0] AS kind, coalesce(n.key, n.code) AS id
WITH n, hop, kind, id, CASE kind WHEN 'Document' THEN 0 WHEN 'Programme' THEN 1 WHEN 'Agency' THEN 2 ELSE 3 END AS rank,
     left(id, CASE WHEN kind = 'Task' THEN size(id) - size(toString(n.ordinal)) - 1 ELSE size(id) END) AS grouping
ORDER BY hop, rank, grouping, n.ordinal, id
LIMIT $limit
OPTIONAL MATCH (n)-[:LEADS|COOPERATES_ON|MENTIONS]-(linked:Task)
WITH n, hop, kind, id, rank, grouping, count(DISTINCT linked) AS linked
RETURN hop, kind, id, n.name AS name, n.title AS title, n.doc_no AS doc_no, n.number AS number, n.level AS level,
       n.stub AS stub, CASE WHEN kind = 'Agency' THEN n.kind END AS kind_detail,
       CASE kind WHEN 'Document' THEN n.task_count WHEN 'Task' THEN null ELSE linked END AS task_count
ORDER BY hop, rank, grouping, n.ordinal, id;
