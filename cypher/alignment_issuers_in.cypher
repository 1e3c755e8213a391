// alignment_issuers for the notices of these regions only (exact region paths: an issuer's notices share one).
// Parameters: $regions (region paths such as 甘肃省 or 安徽省宿州市泗县).
UNWIND $regions AS region
MATCH (d:Document {region: region})-[:ISSUED_BY]->(a:Agency)
WHERE d.task_count > 0 AND d.year IS NOT NULL
RETURN d.key AS key, d.year AS year, d.date AS date, d.region AS region, d.level AS level, collect(DISTINCT a.key) AS issuers;
