// The jurisdictions of these agencies ('' for national organs). Parameters: $keys (Agency keys).
UNWIND $keys AS key
MATCH (a:Agency {key: key})
RETURN DISTINCT coalesce(a.jurisdiction, '') AS place;
