// Where these notices stand and their titles, before a load cites them (a stub's title may change with a new citer).
// Parameters: $keys (Document keys; unknown ones are skipped).
UNWIND $keys AS key
MATCH (d:Document {key: key})
RETURN d.key AS key, d.title AS title, d.year AS year, d.region AS region, d.tier AS tier;
