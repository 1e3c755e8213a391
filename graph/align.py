"""Task alignment: which tasks of one notice say the same as which tasks of another (a child and its parent, the
same issuer's previous year, two siblings), by the similarity of their wording.

Pure functions, no database: the derived refresh stores the alignments of the standard pairs as ALIGNS_WITH edges,
and the comparison of any two notices (analysis/compare.py) aligns their tasks on the fly with the same function.

How a pair is scored (the reasons and the calibration are in docs/alignment.md):
1. A task's wording is cleaned of what a local notice rewrites: its numbering, its attribution bracket
   ((牵头单位:…), (X负责)), its deadlines (2022年底前完成), digits, punctuation and the boilerplate phrases of
   graph/data/alignment_boilerplate.txt (进一步, 加强, 按职责分工负责 …). Cleaned once per wording and cached.
2. The body (the text after the heading) and the heading are each compared by TF-IDF cosine on character 1- and
   2-grams (scikit-learn), the IDF fitted on the tasks of both notices: a character pair that most tasks of the two
   notices share (医疗, 公立医院) counts little, a rare one (疫苗, 互认) much. The pair's similarity is
   body × (1 + HEADING_BOOST × heading), at most 1: a like heading raises a like body, but a shared slogan heading
   over unrelated bodies stays far below the bar.
3. A task's closest counterpart in the other notice keeps that similarity; any other candidate is multiplied by
   RUNNER_UP, so one-to-several alignments need a clearly close wording while a task's best match passes at
   THRESHOLD.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix

if TYPE_CHECKING:
    from sklearn.feature_extraction.text import HashingVectorizer

# The score at and above which two tasks are aligned (0..1): calibrated on tests/gold/alignment (docs/alignment.md).
THRESHOLD = 0.3
# How much a like heading raises a like body: similarity = body × (1 + HEADING_BOOST × heading), at most 1.
HEADING_BOOST = 1.0
# The factor applied to a candidate that is neither task's closest counterpart.
RUNNER_UP = 0.375


@dataclass(frozen=True)
class AlignTask:
    """What alignment reads of a task: its key, its heading (title) and its text."""

    key: str
    title: str
    text: str


@dataclass(frozen=True)
class Aligned:
    """Task `a` (of the first notice) says what task `b` (of the second) says, with this score (0..1)."""

    a: str
    b: str
    score: float


@dataclass(frozen=True)
class Wording:
    """A task's wording as compared: the character 1- and 2-grams of its cleaned heading and body."""

    heading: tuple[str, ...]
    body: tuple[str, ...]


# A bracket that names who does the task: (牵头单位:…;配合单位:…), (州卫健委负责), (责任单位:…按职责分工负责).
_ATTRIBUTION = re.compile(r"负责|牵头|配合|责任单位|分工")
_OPEN = "（("
_BRACKET = re.compile(r"[（()）]")
# 2022年底前完成, 2021年12月底前, 二〇二一年底, 年内, 年底前: a local notice sets its own dates.
_DEADLINE = re.compile(
    r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年(?:\s*\d{1,2}\s*月)?\s*(?:年?底|年?末|内)?\s*(?:前|以前|之前)?(?:完成)?"
    r"|年内|年底前"
)
# The task's own number at its start: (一), （十二）, 1., 3、
_NUMBER = re.compile(r"^\s*(?:[（(][一二三四五六七八九十百\d]+[）)]|[一二三四五六七八九十百\d]+\s*[、.．])")
# Everything that is not a Chinese character or a Latin letter (DRG, DIP stay) separates runs of wording.
_NOT_WORDING = re.compile(r"[^\u4e00-\u9fffA-Za-z]+")


def _boilerplate() -> re.Pattern[str]:
    lines = resources.files("policygraph.graph").joinpath("data/alignment_boilerplate.txt").read_text("utf-8")
    phrases = {line.strip() for line in lines.splitlines() if line.strip() and not line.startswith("#")}
    return re.compile("|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)))


_BOILERPLATE = _boilerplate()


def _drop_attributions(text: str) -> str:
    """The text without its top-level brackets that name agencies (a bracket may nest: (…各镇人民政府(开发区工委)…负责))."""
    kept: list[str] = []
    depth, start, resume = 0, 0, 0
    for bracket in _BRACKET.finditer(text):
        i = bracket.start()
        if bracket.group() in _OPEN:
            start = i if depth == 0 else start
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0 and _ATTRIBUTION.search(text, start, i):
                kept.append(text[resume:start])
                resume = i + 1
    kept.append(text[resume:])
    return " ".join(kept)


def _clean(text: str) -> str:
    """Runs of wording separated by spaces: removed phrases leave a gap, so no n-gram spans what was cut out."""
    text = _BOILERPLATE.sub(" ", _DEADLINE.sub(" ", _drop_attributions(text)))
    return _NOT_WORDING.sub(" ", text).lower()


def _grams(cleaned: str) -> tuple[str, ...]:
    grams: list[str] = []
    for run in cleaned.split():
        grams.extend(run)
        grams.extend(map(str.__add__, run, run[1:]))  # the character pairs, at C speed
    return tuple(grams)


def wording(title: str, text: str) -> Wording:
    """The compared wording of a task: what is left of its heading and body, as character 1- and 2-grams."""
    body = _NUMBER.sub("", text or "").lstrip()
    if title and body.startswith(title):
        body = body[len(title) :]
    return Wording(heading=_grams(_clean(title or "")), body=_grams(_clean(body)))


def _identity(grams: tuple[str, ...]) -> tuple[str, ...]:
    return grams


# Each wording's n-gram counts, hashed to columns once (the refresh aligns one notice with several others): the
# cache maps (title, text) to its (body, heading) rows, each as (columns, counts), and is emptied whole when full.
_CACHE_SIZE = 200_000
Row = tuple[NDArray[np.int32], NDArray[np.float64]]
_rows_cache: dict[tuple[str, str], tuple[Row, Row]] = {}


@cache
def _hasher() -> HashingVectorizer:
    """scikit-learn is imported on first use: its ~1 s import is paid by alignment, not by every command."""
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(analyzer=_identity, lowercase=False, alternate_sign=False, norm=None)


def _split_rows(matrix: csr_matrix) -> list[Row]:
    ends = matrix.indptr
    return [(matrix.indices[ends[i] : ends[i + 1]], matrix.data[ends[i] : ends[i + 1]]) for i in range(len(ends) - 1)]


def _stack(rows: list[Row]) -> csr_matrix:
    """One count matrix, a row per task, from cached rows (faster than stacking sparse rows)."""
    ends = np.cumsum([0] + [len(columns) for columns, _ in rows])
    columns = np.concatenate([r[0] for r in rows]) if rows else np.zeros(0, np.int32)
    counts = np.concatenate([r[1] for r in rows]) if rows else np.zeros(0)
    return csr_matrix((counts, columns, ends), shape=(len(rows), _hasher().n_features))


def _rows(tasks: list[AlignTask]) -> tuple[csr_matrix, csr_matrix]:
    """The tasks' (body, heading) count matrices, one row a task; the wordings not cached yet hashed in one batch.
    Read from the cache once, so a request thread never depends on it between lines (another may empty it)."""
    keys = [(t.title or "", t.text or "") for t in tasks]
    found = {key: row for key in keys if (row := _rows_cache.get(key)) is not None}
    new = [key for key in dict.fromkeys(keys) if key not in found]
    if new:
        words = [wording(*key) for key in new]
        bodies = _split_rows(_hasher().transform([w.body for w in words]))
        headings = _split_rows(_hasher().transform([w.heading for w in words]))
        fresh = dict(zip(new, zip(bodies, headings, strict=True), strict=True))
        found.update(fresh)
        if len(_rows_cache) + len(fresh) > _CACHE_SIZE:
            _rows_cache.clear()
        _rows_cache.update(fresh)
    rows = [found[key] for key in keys]
    return _stack([r[0] for r in rows]), _stack([r[1] for r in rows])


def _cosines(counts: csr_matrix, split: int) -> NDArray[np.float64]:
    """TF-IDF cosine of every row before `split` against every row from it, the IDF fitted on all the rows."""
    if counts.nnz == 0:
        return np.zeros((split, counts.shape[0] - split))
    from sklearn.feature_extraction.text import TfidfTransformer  # loaded by _hasher() already

    # Only the columns these tasks use, so the IDF is fitted on a few thousand columns, not the hash's million.
    columns, inverse = np.unique(counts.indices, return_inverse=True)
    compact = csr_matrix((counts.data, inverse, counts.indptr), shape=(counts.shape[0], len(columns)))
    vectors = TfidfTransformer().fit_transform(compact)  # rows L2-normalised
    return np.asarray((vectors[:split] @ vectors[split:].T).toarray(), dtype=np.float64)


def similarities(a: Sequence[AlignTask], b: Sequence[AlignTask]) -> NDArray[np.float64]:
    """The similarity (0..1) of every task of a with every task of b, before the closest-counterpart rule."""
    body, heading = _rows([*a, *b])
    return np.minimum(1.0, _cosines(body, len(a)) * (1 + HEADING_BOOST * _cosines(heading, len(a))))


def scores(a: Sequence[AlignTask], b: Sequence[AlignTask]) -> NDArray[np.float64]:
    """The alignment score of every pair: its similarity if b is a's closest counterpart or a is b's, else
    RUNNER_UP × its similarity."""
    sim = similarities(a, b)
    if sim.size == 0:
        return sim
    closest = (sim >= sim.max(axis=1, keepdims=True)) | (sim >= sim.max(axis=0, keepdims=True))
    return np.where(closest & (sim > 0), sim, RUNNER_UP * sim)


def align(a: Sequence[AlignTask], b: Sequence[AlignTask], threshold: float = THRESHOLD) -> list[Aligned]:
    """Every pair (task of a, task of b) scoring at or above the threshold: a task may align with zero, one or
    several tasks of the other notice. Sorted by a's order, then by score (highest first)."""
    if not a or not b:
        return []
    matrix = scores(a, b)
    pairs: list[Aligned] = []
    for i, task_a in enumerate(a):
        row = matrix[i]
        above = np.flatnonzero(row >= threshold).tolist()
        found = [Aligned(task_a.key, b[j].key, round(float(row[j]), 4)) for j in above]
        pairs.extend(sorted(found, key=lambda p: -p.score))
    return pairs
