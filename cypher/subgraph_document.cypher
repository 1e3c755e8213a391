// The neighbourhood of one notice, for the graph view: its lineage both ways (the notices it implements, up to
// $depth IMPLEMENTS hops, and those that implement it, down to $depth hops), the notices it cites or that cite it,
// its tasks, and (from $depth 2) the agencies that lead or cooperate on them.
// One row per node with its distance from the notice (hop 0: the notice itself), nearest first: Documents, then
// Agencies, then Tasks in their order in the notice. No row for an unknown key.
// Edges come from subgraph_edges. Parameters: $key (a Document key), $depth (1..3), $limit (rows).
MATCH (centre:Document {key: $key})
OPTIONAL MATCH up = (centre)-[:IMPLEMENTS*1..3]->(parent:Document)
WITH centre, collect(CASE WHEN length(up) <= $depth THEN {hop: length(up), node: parent} END) AS ups
OPTIONAL MATCH down = (centre)<-[:IMPLEMENTS*1..3]-(child:Document)
WITH centre, ups, collect(CASE WHEN length(down) <= $depth THEN {hop: length(down), node: child} END) AS downs
OPTIONAL MATCH (centre)-[:CITES]-(cited:Document)
WITH centre, ups + downs AS found, collect(DISTINCT cited) AS cited
OPTIONAL MATCH (centre)-[:HAS_TASK]->(task:Task)
WITH centre, found + [n IN cited | {hop: 1, node: n}] AS found, collect(DISTINCT task) AS tasks
OPTIONAL MATCH (centre)-[:HAS_TASK]->(:Task)<-[:LEADS|COOPERATES_ON]-(agency:Agency)
WHERE $depth >= 2
WITH centre, found + [n IN tasks | {hop: 1, node: n}] AS found, collect(DISTINCT agency) AS agencies
UNWIND [{hop: 0, node: centre}] + found + [n IN agencies | {hop: 2, node: n}] AS reached
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
