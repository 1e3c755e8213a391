// The notices a notice is compared with: the parents it implements (IMPLEMENTS, with the edge's kind: explicit |
// inferred; stubs too), its siblings (other notices with tasks implementing one of the same parents) and the same
// earlier notices with tasks of its region and level, each with its issuing organs and date, and the notice's own
// organs (the caller keeps the same organs' previous notice with graph/alignment.py previous_notices, the rule of the
// stored previous_year alignments).
// One row for a known key (lists possibly empty), none for an unknown key.
// Parameters: $key (a Document key).
MATCH (d:Document {key: $key})
OPTIONAL MATCH (d)-[i:IMPLEMENTS]->(p:Document)
WITH d, collect(CASE WHEN p IS NULL THEN NULL ELSE
       {key: p.key, doc_no: p.doc_no, title: p.title, level: p.level, tier: p.tier, region: p.region, year: p.year,
        stub: coalesce(p.stub, false), task_count: coalesce(p.task_count, 0), kind: i.kind} END) AS parents
OPTIONAL MATCH (d)-[:IMPLEMENTS]->(:Document)<-[:IMPLEMENTS]-(s:Document)
WHERE s <> d AND s.task_count > 0
WITH d, parents, collect(DISTINCT CASE WHEN s IS NULL THEN NULL ELSE
       {key: s.key, doc_no: s.doc_no, title: s.title, level: s.level, tier: s.tier, region: s.region, year: s.year,
        stub: false, task_count: s.task_count, kind: null} END) AS siblings
OPTIONAL MATCH (d)-[:ISSUED_BY]->(o:Agency)
WITH d, parents, siblings, collect(DISTINCT o.key) AS issuers
OPTIONAL MATCH (e:Document {region: d.region})-[:ISSUED_BY]->(x:Agency)
WHERE e.year < d.year AND e.task_count > 0 AND (e.level = d.level OR (e.level IS NULL AND d.level IS NULL))
WITH d, parents, siblings, issuers, e, collect(DISTINCT x.key) AS organs
RETURN d.key AS key, d.year AS year, d.date AS date, d.region AS region, d.level AS level, issuers, parents, siblings,
       collect(CASE WHEN e IS NULL THEN NULL ELSE
       {key: e.key, doc_no: e.doc_no, title: e.title, level: e.level, tier: e.tier, region: e.region, year: e.year,
        date: e.date, stub: false, task_count: e.task_count, kind: null, issuers: organs} END) AS earlier;
