// Notices per region, for the maps: how many notices (stubs left out) each region issued, by its Region code
// (null for a notice whose region resolved to none). The map rolls the counts up to its level (analysis/maps.py).
// Parameters: $year (int, or null for every year).
MATCH (d:Document)
WHERE d.stub = false AND ($year IS NULL OR d.year = $year)
OPTIONAL MATCH (d)-[:IN_REGION]->(r:Region)
RETURN r.code AS code, count(d) AS notices
ORDER BY code;
