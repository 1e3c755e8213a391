// The keys of the loaded notices read from a file: its `source` as given to ingest, or a path ending in that name.
// Parameters: $source (a path or a file name).
MATCH (d:Document)
WHERE d.stub = false AND (d.source = $source OR d.source ENDS WITH ('/' + $source))
RETURN d.key AS key, d.source AS source
ORDER BY key;
