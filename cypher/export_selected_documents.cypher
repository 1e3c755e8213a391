// Which notices does a filtered export start from? The keys of the full notices (stubs left out) that match the
// filters; with $document, that one notice (full or stub) if it also matches the other filters.
// Parameters: $document (a Document key or null), $level (notice level or null), $region (full path prefix such as
// 甘肃省, or null), $year_from, $year_to (int or null, inclusive).
MATCH (d:Document)
WHERE (($document IS NULL AND d.stub = false) OR d.key = $document)
  AND ($level IS NULL OR d.level = $level)
  AND ($region IS NULL OR d.region STARTS WITH $region)
  AND ($year_from IS NULL OR d.year >= $year_from)
  AND ($year_to IS NULL OR d.year <= $year_to)
RETURN d.key AS key
ORDER BY key;
