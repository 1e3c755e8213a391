// Every notice with tasks, a year and a region, with its issuing organs (ISSUED_BY) and its date: graph/alignment.py
// pairs each with the same issuer's previous notice (same organs, region and level; the latest of the most recent
// earlier year).
MATCH (d:Document)-[:ISSUED_BY]->(a:Agency)
WHERE d.task_count > 0 AND d.year IS NOT NULL AND d.region IS NOT NULL
RETURN d.key AS key, d.year AS year, d.date AS date, d.region AS region, d.level AS level, collect(DISTINCT a.key) AS issuers;
