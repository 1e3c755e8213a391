// What each of these notices is linked to now (graph/touched.py): read before a notice is replaced (its old
// neighbours) and after the write (its new ones), so that the derived data is recomputed only around them.
// Cited notices come with their title, year, region and tier (a stub appears or goes away with its citers); agencies
// are issuers and the agencies of the notice's tasks. Parameters: $keys (Document keys; unknown ones are skipped).
UNWIND $keys AS key
MATCH (d:Document {key: key})
OPTIONAL MATCH (d)-[:CITES]->(c:Document)
WITH d, collect(DISTINCT CASE WHEN c IS NULL THEN NULL ELSE
       {key: c.key, title: c.title, year: c.year, region: c.region, tier: c.tier} END) AS cited
OPTIONAL MATCH (d)-[:ISSUED_BY]->(issuer:Agency)
WITH d, cited, collect(DISTINCT issuer.key) AS issuers
OPTIONAL MATCH (d)-[:HAS_TASK]->(:Task)<-[:LEADS|COOPERATES_ON]-(a:Agency)
WITH d, cited, issuers, collect(DISTINCT a.key) AS agencies
OPTIONAL MATCH (d)-[:HAS_TASK]->(:Task)-[:MENTIONS]->(p:Programme)
WITH d, cited, issuers, agencies, collect(DISTINCT p.key) AS programmes
OPTIONAL MATCH (d)-[:IN_REGION]->(r:Region)
RETURN d.key AS key, d.title AS title, d.year AS year, d.region AS region, d.tier AS tier, cited,
       issuers + agencies AS agencies, programmes, collect(DISTINCT r.code) AS regions;
