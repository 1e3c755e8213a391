// Benchmark workload: write a batch of seed-shaped notices (document, tasks, agencies, LEADS/COOPERATES_ON).
UNWIND $docs AS d
MERGE (doc:Document {key: d.key})
SET doc.title = d.title, doc.year = d.year, doc.level = d.level
WITH doc, d
UNWIND d.tasks AS t
MERGE (task:Task {key: t.key})
SET task.title = t.title, task.number = t.number
MERGE (doc)-[:HAS_TASK]->(task)
WITH task, t
UNWIND t.roles AS r
MERGE (a:Agency {key: r.agency})
SET a.name = r.agency
WITH task, r, a
FOREACH (_ IN CASE WHEN r.lead THEN [1] ELSE [] END | MERGE (a)-[:LEADS {basis: r.basis}]->(task))
FOREACH (_ IN CASE WHEN r.lead THEN [] ELSE [1] END | MERGE (a)-[:COOPERATES_ON {basis: r.basis}]->(task))
RETURN count(*) AS rows
