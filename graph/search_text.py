"""Chinese full-text search that gives the same answers on FalkorDB and Neo4j.

Neither engine segments Chinese the same way (Neo4j's `cjk` analyzer makes bigrams, FalkorDB's `chinese` language a
dictionary segmentation that misses 医共体 or 公立医院 as typed), so the text is tokenised here, once, for both:

- each Task stores `search_text`: its title and text as space-separated tokens, every run of Chinese characters as
  its overlapping bigrams (家庭医生 → 家庭 庭医 医生; a lone character stays whole) and every run of ASCII letters and
  digits whole and lower-cased (DRG → drg, 5G → 5g); everything else is a separator. Both engines index it with an
  analyzer that only splits on whitespace (Neo4j `whitespace`; FalkorDB no stemming, no stopwords).
- the user's words go through the same folding; every bigram of every word is required (AND), then the query
  (cypher/schema/<engine>/search_tasks.cypher) keeps the tasks where every word occurs whole, so that 公立医院 does
  not find 公立医疗…医院. A single Chinese character cannot be searched with bigrams and is reported as ignored.

The tokens are made of letters, digits and ideographs only, so no character of either query syntax (Lucene,
RediSearch) can reach the engine; `escape` still guards every token, should the token rules ever widen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from policygraph.ingest.textutil import to_half_width, to_simplified

# Han ideographs: 〇, extension A, the unified block, compatibility ideographs, the supplementary planes.
_HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_RUN = re.compile(rf"[{_HAN}]+|[0-9a-z]+")
_IS_HAN = re.compile(rf"[{_HAN}]")
_SAFE_TOKEN = re.compile(rf"[0-9a-z{_HAN}]+")
_UPPER_ASCII = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# Lucene and RediSearch query syntax: operators, grouping, phrases, wildcards, fuzzy, boosts, fields, ranges, regex.
QUERY_SYNTAX = frozenset("+-&|!(){}[]^\"~*?:\\/@%$<>=;,.'#`")
ENGINES = ("falkordb", "neo4j")


class Query(NamedTuple):
    """The user's words as searched (folded, in order, without repeats) and the ones that could not be."""

    words: list[str]
    ignored: list[str]


class Fragment(NamedTuple):
    """A piece of a text; `match` when it is an occurrence of a searched word. The pieces join to the text."""

    text: str
    match: bool


def fold(text: str) -> str:
    """Full-width → half-width, traditional → simplified, ASCII upper → lower: the same length as `text`."""
    return to_simplified(to_half_width(text)).translate(_UPPER_ASCII)


def runs(text: str) -> list[str]:
    """The runs of Chinese characters and of ASCII letters and digits in the folded text."""
    return _RUN.findall(fold(text))


def tokens(run: str) -> list[str]:
    """An ASCII run whole; a Chinese run as its overlapping bigrams (one character stays whole)."""
    if len(run) < 2 or not _IS_HAN.match(run):
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def search_text(*parts: str | None) -> str:
    """What a Task's full-text index holds: the tokens of its title and text, space-separated."""
    found: list[str] = []
    for part in parts:
        for run in runs(part) if part else ():
            found.extend(tokens(run))
    return " ".join(found)


def parse_query(q: str) -> Query:
    """The searchable words of what a user typed; single Chinese characters are ignored (no bigram to look for)."""
    words: dict[str, None] = {}
    ignored: dict[str, None] = {}
    for run in runs(q):
        if len(run) == 1 and _IS_HAN.match(run):
            ignored.setdefault(run)
        else:
            words.setdefault(run)
    return Query(list(words), list(ignored))


def escape(token: str) -> str:
    """A backslash before every character that means something to Lucene or RediSearch (and before any other
    character that is not a letter, digit or ideograph), so a token is always a plain term."""
    if _SAFE_TOKEN.fullmatch(token):
        return token
    return "".join(ch if _SAFE_TOKEN.fullmatch(ch) else "\\" + ch for ch in token)


def fulltext_query(words: Iterable[str], engine: str) -> str:
    """The engine's query string requiring every token of every word: `+a +b` (Lucene), `a b` (RediSearch).

    Empty when there is nothing to search: the caller then skips the query."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}")
    wanted = [escape(token) for token in dict.fromkeys(token for word in words for token in tokens(word))]
    if engine == "neo4j":
        return " ".join(f"+{token}" for token in wanted)
    return " ".join(wanted)


def _occurrences(haystack: str, needle: str) -> Iterable[tuple[int, int]]:
    start = haystack.find(needle)
    while start >= 0:
        yield start, start + len(needle)
        start = haystack.find(needle, start + 1)


def highlight(text: str | None, words: Sequence[str]) -> list[Fragment]:
    """`text` cut into fragments around the occurrences of the words, found in the folded text (so 'drg' marks
    'DRG', '医改' marks '醫改'); overlapping occurrences make one fragment. No text, no fragments."""
    if not text:
        return []
    folded = fold(text)
    spans = sorted(span for word in words if word for span in _occurrences(folded, word))
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    fragments, at = [], 0
    for start, end in merged:
        if start > at:
            fragments.append(Fragment(text[at:start], False))
        fragments.append(Fragment(text[start:end], True))
        at = end
    if at < len(text):
        fragments.append(Fragment(text[at:], False))
    return fragments
