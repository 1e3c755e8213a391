// Which tasks mention all these words? Full-text search over task titles and texts, one page, most occurrences first.
// Neo4j: the full-text index task_search (analyzer whitespace) over Task.search_text, which holds the title
// and text as CJK bigrams and lower-cased ASCII runs (graph/search_text.py). Only the CALL line differs between the
// engines' copies of this file; ranking and columns are engine-independent (`score` is the engine's own relevance,
// not comparable across engines; `hits` counts the occurrences of the words in the title and text, and orders).
// Parameters: $query (every bigram of every word, required: Lucene syntax, e.g. '+医共 +共体 +drg', built by
// graph/search_text.fulltext_query), $words (the user's words, folded and lower-cased: ['医共体', 'drg']),
// $year (int or null), $level (national | provincial | prefectural | county | department, or null), $region (a full
// region path such as 甘肃省 or 安徽省宿州市: tasks of notices of that region and every region inside it; null for
// no filter), $skip, $limit, $candidates (int).
// Bounded: of the tasks the index finds, only the $candidates the engine scores highest (BM25 / TF-IDF, which
// already favour the tasks that say the words often; ties by key) are read whole, checked for the words and counted:
// graph/search.py asks for 1,000, or $skip + $limit for a deeper page. Reading the text of every match took over a
// second at 4,500 notices and grows with the graph; 1,000 is twice the largest page the API gives (500) and more
// than anyone reads; on the seeds (112 tasks) it leaves nothing out, so their answers are those of an unbounded
// search. ORDER BY … LIMIT keeps only that many rows while it sorts: collecting every match first to cut the list
// ran out of a Neo4j transaction's memory (716.8 MiB) at 50,000 notices.
CALL db.index.fulltext.queryNodes('task_search', $query) YIELD node, score
WITH node AS t, score
WHERE ($year IS NULL OR t.year = $year)
  AND ($level IS NULL OR t.level = $level)
  AND ($region IS NULL OR t.region STARTS WITH $region)
WITH t, score
ORDER BY score DESC, t.key
LIMIT $candidates
MATCH (d:Document)-[:HAS_TASK]->(t)
WITH t, d, score, toLower(coalesce(t.title, '') + ' ' + coalesce(t.text, '')) AS haystack
// The bigrams of a word may all occur without the word (公立医疗… 医院): keep the tasks where every word occurs.
WHERE all(w IN $words WHERE haystack CONTAINS w)
WITH t, d, score, reduce(n = 0, w IN $words | n + (size(haystack) - size(replace(haystack, w, ''))) / size(w)) AS hits
RETURN t.key AS key, t.number AS number, t.title AS title, t.text AS text, d.key AS document_key,
       d.title AS document_title, d.level AS level, d.region AS region, d.year AS year, hits, score
ORDER BY hits DESC, coalesce(year, 0) DESC, key
SKIP $skip
LIMIT $limit;
