// Move resolved title citations back to their title stubs, re-created as loading creates them (graph/rows.py).
// Parameters: $edges [{citer, target, stub: {key, doc_no, doc_no_prefix, title, issuer, level, tier, region, year,
// series}}].
UNWIND $edges AS r
MATCH (c:Document {key: r.citer})-[e:CITES]->(t:Document {key: r.target})
WHERE e.via_title = r.stub.title
MERGE (s:Document {key: r.stub.key})
ON CREATE SET s.stub = true, s.doc_no = r.stub.doc_no, s.doc_no_prefix = r.stub.doc_no_prefix, s.title = r.stub.title,
              s.issuer = r.stub.issuer, s.level = r.stub.level, s.tier = r.stub.tier, s.region = r.stub.region,
              s.year = r.stub.year, s.series = r.stub.series
MERGE (c)-[back:CITES]->(s)
SET back.relation = e.relation, back.quote = e.quote, back.span = e.span
DELETE e
RETURN count(back) AS moved;
