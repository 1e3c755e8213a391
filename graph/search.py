"""Full-text search of the tasks, in Chinese, with the same answers on FalkorDB and Neo4j.

The words are tokenised in Python (graph/search_text.py: CJK bigrams, ASCII runs whole), the engine's full-text
index finds the candidates (the 1,000 it scores highest, or as many as a deeper page needs: reading every match's
text does not scale), the query keeps the tasks where every word occurs and ranks them by occurrences
(cypher/schema/<engine>/search_tasks.cypher). Highlights are computed here from the task's text, as fragments.
"""

from __future__ import annotations

from dataclasses import dataclass

from policygraph.core.errors import InvalidParameter
from policygraph.core.i18n import N_
from policygraph.graph.search_text import fulltext_query, highlight, parse_query
from policygraph.graph.store import GraphStore, Row, refuse_nul

# Tasks the full-text index scores highest that are read whole and checked for the words (or as many as a deeper page
# needs): twice the largest page the API gives; on the seeds it leaves nothing out (search_tasks.cypher says more).
CANDIDATES = 1000


def candidates(skip: int, limit: int) -> int:
    """The $candidates of search_tasks.cypher for a page."""
    return max(CANDIDATES, skip + limit)


@dataclass(frozen=True)
class Found:
    """The tasks found (each with its highlights), the words searched and the ones that could not be."""

    rows: list[Row]
    words: list[str]
    ignored: list[str]


def fragments(text: str | None, words: list[str]) -> list[dict[str, object]]:
    return [{"text": f.text, "match": f.match} for f in highlight(text, words)]


def search(
    store: GraphStore, q: str, *, level: str | None, region: str | None, year: int | None, skip: int, limit: int
) -> Found:
    """The tasks of the notices of that level, region path (a prefix) and year whose title or text holds every word
    of `q`, most occurrences first. The engine only ever sees the words' tokens, so `q` is checked here."""
    refuse_nul({"q": q})
    if not q.strip():
        raise InvalidParameter("q", N_("the query is empty: give one or more words"))
    parsed = parse_query(q)
    if not parsed.words:
        return Found([], parsed.words, parsed.ignored)
    params = {"query": fulltext_query(parsed.words, store.engine), "words": parsed.words, "year": year,
              "level": level, "region": region, "skip": skip, "limit": limit,
              "candidates": candidates(skip, limit)}  # fmt: skip
    rows = [{**row, "title_highlights": fragments(row["title"], parsed.words),
             "text_highlights": fragments(row["text"], parsed.words)}
            for row in store.run(f"schema/{store.engine}/search_tasks", params)]  # fmt: skip
    return Found(rows, parsed.words, parsed.ignored)
