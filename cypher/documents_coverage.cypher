// The coverage report of some notices, by key: what `policygraph ingest` prints after a load (one warning line per
// notice that needs review, and the share of tasks attributed). Keys of no notice, and stubs, give no row.
// Parameters: $keys (a list of Document keys).
MATCH (d:Document)
WHERE d.key IN $keys AND d.stub = false
RETURN d.key AS key, d.source AS source, d.task_count AS task_count, d.tasks_with_lead AS tasks_with_lead,
       d.needs_review AS needs_review, d.review_reasons AS review_reasons
ORDER BY key;
