// The notices a notice is compared with: the parents it implements (IMPLEMENTS, with the edge's kind: explicit |
// inferred; stubs too), its siblings (other notices with tasks implementing one of the same parents) and the same
// issuer's earlier notices with tasks, of its region and level (the caller keeps the latest year: "previous year").
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
OPTIONAL MATCH (e:Document {region: d.region})
WHERE e.issuer = d.issuer AND e.level = d.level AND e.year < d.year AND e.task_count > 0
RETURN parents, siblings, collect(CASE WHEN e IS NULL THEN NULL ELSE
       {key: e.key, doc_no: e.doc_no, title: e.title, level: e.level, tier: e.tier, region: e.region, year: e.year,
        stub: false, task_count: e.task_count, kind: null} END) AS earlier;
