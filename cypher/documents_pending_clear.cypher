// The derived data is refreshed: clear the marks the loader left on the notices it wrote (see documents_pending).
// Parameters: none.
MATCH (d:Document)
WHERE d.derived_pending = true
SET d.derived_pending = null
RETURN count(d) AS cleared;
