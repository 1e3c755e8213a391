// The notices a notice is compared with: the parents it implements (IMPLEMENTS, with the edge's kind: explicit |
// inferred), its siblings (other full notices implementing one of the same parents) and the same issuer's earlier
// full notices of its region and level (the caller keeps the latest year: the "previous year").
// One row for a known key (lists possibly empty), none for an unknown key.
// Parameters: $key (a Document key).
MATCH (d:Document {key: $key})
OPTIONAL MATCH (d)-[i:IMPLEMENTS]->(p:Document)
WITH d, collect(CASE WHEN p IS NULL THEN NULL ELSE
       {key: p.key, doc_no: p.doc_no, title: p.title, level: p.level, tier: p.tier, region: p.region, year: p.year,
        stub: coalesce(p.stub, false), kind: i.kind} END) AS parents
OPTIONAL MATCH (d)-[:IMPLEMENTS]->(:Document)<-[:IMPLEMENTS]-(s:Document)
WHERE s <> d AND coalesce(s.stub, false) = false
WITH d, parents, collect(DISTINCT CASE WHEN s IS NULL THEN NULL ELSE
       {key: s.key, doc_no: s.doc_no, title: s.title, level: s.level, tier: s.tier, region: s.region, year: s.year,
        stub: false, kind: null} END) AS siblings
OPTIONAL MATCH (e:Document {region: d.region})
WHERE e.issuer = d.issuer AND e.level = d.level AND e.year < d.year AND coalesce(e.stub, false) = false
RETURN parents, siblings, collect(CASE WHEN e IS NULL THEN NULL ELSE
       {key: e.key, doc_no: e.doc_no, title: e.title, level: e.level, tier: e.tier, region: e.region, year: e.year,
        stub: false, kind: null} END) AS earlier;
