// Diffusion of programmes, counted in the engine (for the list of every programme): for each programme, tier and
// year, how many regions adopted it that year (a region adopts in the year of its earliest notice whose tasks mention
// it; regions are distinct per tier, a notice without a region counts as its own), with their notices and the
// latest year they mention it. A programme no task mentions gives one row with a null tier and 0 regions.
// Parameters: none.
MATCH (p:Programme)
OPTIONAL MATCH (p)<-[:MENTIONS]-(:Task)<-[:HAS_TASK]-(d:Document)
WITH p, d.tier AS tier, coalesce(d.region, d.key) AS region, min(d.year) AS first, max(d.year) AS last,
     count(DISTINCT d) AS notices
WITH p, tier, first, count(region) AS regions, sum(notices) AS notices, max(last) AS last
RETURN p.key AS programme, tier, first AS year, regions, notices, last
ORDER BY programme, tier, year;
