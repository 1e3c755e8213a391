// Diffusion of programmes: how many local (not national) notices mention each programme before its first national
// mention. Earlier = an earlier year, or the same year with both signed dates known and an earlier date (ISO dates
// compare as strings); the rule of analysis/diffusion.py `precedes`.
// Parameters: $firsts [{programme, year, date}]: each programme's first national mention.
UNWIND $firsts AS f
MATCH (p:Programme {key: f.programme})<-[:MENTIONS]-(:Task)<-[:HAS_TASK]-(d:Document)
WHERE (d.tier IS NULL OR d.tier <> 0)
  AND (d.year < f.year OR (d.year = f.year AND f.date IS NOT NULL AND d.date IS NOT NULL AND d.date < f.date))
RETURN f.programme AS programme, count(DISTINCT d) AS earlier;
