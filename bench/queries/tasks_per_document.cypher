// Tasks, lead and cooperating roles per notice key: bench_load --check reads a sample of notices back with it.
UNWIND $keys AS key
MATCH (d:Document {key: key})
OPTIONAL MATCH (d)-[:HAS_TASK]->(t:Task)
OPTIONAL MATCH (t)<-[l:LEADS]-(:Agency)
WITH d, t, count(l) AS leads
OPTIONAL MATCH (t)<-[c:COOPERATES_ON]-(:Agency)
WITH d, t, leads, count(c) AS cooperating
RETURN d.key AS key, count(t) AS tasks, sum(leads) AS leads, sum(cooperating) AS cooperating
