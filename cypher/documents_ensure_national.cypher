// The State Council's annual 深化医药卫生体制改革 notices (graph/data/national_notices.csv) exist as stub parents even
// when no loaded notice cites them; a stub takes the registry's title. Parameters: $notices [{key, doc_no, year, date, title, issuer}].
UNWIND $notices AS n
MERGE (d:Document {key: n.key})
ON CREATE SET d.stub = true
SET d.registry = true, d.series = true
FOREACH (_ IN CASE WHEN d.stub THEN [1] ELSE [] END |
  SET d.doc_no = n.doc_no, d.doc_no_prefix = n.doc_no_prefix, d.year = n.year, d.date = n.date, d.title = n.title,
      d.issuer = n.issuer, d.level = 'national', d.tier = 0, d.region = '中国')
RETURN count(d) AS notices;
