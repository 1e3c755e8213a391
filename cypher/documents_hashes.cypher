// The content hash of each full (non-stub) notice among $keys: the loader skips notices whose hash is unchanged.
UNWIND $keys AS key
MATCH (d:Document {key: key})
WHERE d.stub = false
RETURN d.key AS key, d.sha256 AS sha256;
