// continuity_clear within these jurisdictions only (an edge links two agencies of one jurisdiction).
// Parameters: $places (strings, '' for national organs).
MATCH (a:Agency)-[r:SUCCEEDED_BY]->(:Agency)
WHERE coalesce(a.jurisdiction, '') IN $places
DELETE r
RETURN count(*) AS removed;
