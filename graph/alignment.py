"""Task alignment in the graph: ALIGNS_WITH edges between the tasks of the notices that are compared as a matter of
course, recomputed by the derived refresh (graph/derived.py) after lineage.

Which notices are paired (each pair aligned with graph/align.py `align`, its tasks in order, title and text):
- parent: every (child)-[:IMPLEMENTS]->(parent) where both have tasks (a stub has none); edges child → parent.
- previous_year: each notice with its issuer's previous notice (`previous_notices`): the same issuer — the same set
  of ISSUED_BY organs, the same region and the same level — in the most recent earlier year among that issuer's
  notices with tasks (a gap of years is skipped over); when that year has several, the latest dated (then the
  smallest key). One pair a notice at most, so a prolific issuer never makes a cross product of its years. Edges
  later → earlier. A notice without an issuing organ (泗县's seed) or a year or a region has none. The comparison
  (analysis/compare.py) names the same notice as "previous year".
Siblings (notices implementing the same parent) are not stored: every pair of a family, each with a few dozen
edges, made 89% of the alignment work and 988,005 of its 1,114,000 edges at 5,000 notices, and grows with the square
of a family's size. Two siblings are aligned on request instead, with the same `align` (analysis/compare.py: the
API, `policygraph compare`, the side-by-side page).
Edges are `{kind, score}`; a task pair can hold an edge of each kind. docs/alignment_graph.md has the details.

The full refresh writes every pair; after a load, `refresh_near` rewrites only the pairs that can have changed: those
of the notices written (their old tasks went with their ALIGNS_WITH edges), of the notices whose parent changed, the
children of the notices written, and the previous_year pairs of the regions the load touched. Both give the same
edges, since a pair's edges depend on the two notices' tasks alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice, pairwise
from typing import Literal

from policygraph.graph.align import AlignTask, align
from policygraph.graph.store import GraphStore, Row

Kind = Literal["parent", "previous_year"]
KINDS: tuple[Kind, ...] = ("parent", "previous_year")
# (notice whose tasks the edges leave, notice whose tasks they reach, kind)
Pair = tuple[str, str, Kind]
# Notices' tasks are read this many notices at a time; edges are written this many at a time.
READ_CHUNK = 200
WRITE_CHUNK = 2000


@dataclass(frozen=True)
class Link:
    """An IMPLEMENTS link from a notice with tasks."""

    child: str
    parent: str
    parent_tasks: bool


def _links(rows: Iterable[Row]) -> list[Link]:
    return [Link(r["child"], r["parent"], bool(r["parent_tasks"])) for r in rows]


def parent_pairs(links: Iterable[Link]) -> set[Pair]:
    return {(link.child, link.parent, "parent") for link in links if link.parent_tasks}


def previous_notices(notices: Iterable[Row]) -> dict[str, str]:
    """Each notice's previous notice by the same issuer, key → key, from rows of alignment_issuers (key, year, date,
    region, level, issuers): the latest notice of the issuer's most recent earlier year."""
    by_issuer: dict[tuple[tuple[str, ...], str, str | None], dict[int, list[Row]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for n in notices:
        if n["issuers"] and n["year"] is not None:
            by_issuer[(tuple(sorted(n["issuers"])), n["region"], n["level"])][n["year"]].append(n)
    previous: dict[str, str] = {}
    for by_year in by_issuer.values():
        for earlier, later in pairwise(sorted(by_year)):
            chosen = _latest(by_year[earlier])["key"]
            previous.update((n["key"], chosen) for n in by_year[later])
    return previous


def _latest(notices: list[Row]) -> Row:
    """The latest dated of one year's notices (undated ones last), then the smallest key."""
    by_key = sorted(notices, key=lambda n: n["key"])
    return sorted(by_key, key=lambda n: str(n.get("date") or ""), reverse=True)[0]  # a stable sort keeps key order


def previous_year_pairs(notices: Iterable[Row]) -> set[Pair]:
    """The previous_year pairs: each notice with its previous notice (`previous_notices`)."""
    return {(later, earlier, "previous_year") for later, earlier in previous_notices(notices).items()}


# --- aligning and writing ---------------------------------------------------------------------------------------


@dataclass
class Written:
    """What an alignment run did: pairs aligned and edges written, by kind."""

    pairs: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    edges: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))


def _batched(items: Iterable[Pair], size: int) -> Iterator[list[Pair]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def tasks_of(store: GraphStore, keys: Sequence[str]) -> dict[str, tuple[AlignTask, ...]]:
    """Each notice's tasks as alignment reads them, in task order."""
    rows: dict[str, list[Row]] = defaultdict(list)
    for row in store.run("alignment_tasks_of", {"keys": list(keys)}):
        rows[row["document"]].append(row)
    return {
        key: tuple(AlignTask(r["key"], r["title"] or "", r["text"] or "") for r in sorted(found, key=_ordinal))
        for key, found in rows.items()
    }


def _ordinal(row: Row) -> tuple[int, str]:
    return (row["ordinal"] if isinstance(row["ordinal"], int) else 0, row["key"])


def align_pairs(store: GraphStore, pairs: set[Pair]) -> Written:
    """Align each pair's tasks and write the edges. Pairs are taken in key order, READ_CHUNK notices' tasks at a time,
    so that a notice in many pairs of one chunk (a parent with many children) is read and wrapped once."""
    written = Written()
    edges: list[dict[str, object]] = []
    for chunk in _chunked_by_notices(sorted(pairs), READ_CHUNK):
        tasks = tasks_of(store, sorted({key for a, b, _ in chunk for key in (a, b)}))
        for a, b, kind in chunk:
            found = align(tasks.get(a, ()), tasks.get(b, ()))
            written.pairs[kind] += 1
            written.edges[kind] += len(found)
            edges.extend({"a": x.a, "b": x.b, "kind": kind, "score": x.score} for x in found)
            if len(edges) >= WRITE_CHUNK:
                store.run("alignment_write", {"edges": edges}, write=True)
                edges = []
    if edges:
        store.run("alignment_write", {"edges": edges}, write=True)
    return written


def _chunked_by_notices(pairs: list[Pair], notices: int) -> Iterator[list[Pair]]:
    """Consecutive pairs, cut whenever a chunk would need the tasks of more than `notices` notices."""
    chunk: list[Pair] = []
    keys: set[str] = set()
    for pair in pairs:
        new = {pair[0], pair[1]} - keys
        if chunk and len(keys) + len(new) > notices:
            yield chunk
            chunk, keys = [], set()
            new = {pair[0], pair[1]}
        chunk.append(pair)
        keys |= new
    if chunk:
        yield chunk


# --- the refresh ------------------------------------------------------------------------------------------------


def all_pairs(store: GraphStore) -> set[Pair]:
    """Every pair of notices the graph aligns, of both kinds."""
    links = _links(store.run("alignment_implements"))
    return parent_pairs(links) | previous_year_pairs(store.run("alignment_issuers"))


def refresh(store: GraphStore) -> Written:
    """Every ALIGNS_WITH edge, from the whole graph."""
    store.run("alignment_clear", write=True)
    return align_pairs(store, all_pairs(store))


def refresh_near(store: GraphStore, written: set[str], relinked: set[str], regions: set[str]) -> Written:
    """Rewrite the ALIGNS_WITH edges that may have changed after a load: `written` notices (new or replaced: their
    old tasks are gone with their edges), `relinked` ones (whose IMPLEMENTS parent changed), and the previous_year
    pairs of the notices of `regions` (where notices were written, before and after)."""
    moved = sorted(written | relinked)
    if moved:
        # A relinked child keeps its tasks: its parent edges go (the edges of its children stay).
        store.run("alignment_clear_from", {"keys": moved, "kinds": ["parent"]}, write=True)
    own = _links(store.run("alignment_implements_of", {"keys": moved})) if moved else []
    parents = sorted({link.parent for link in own} | written)
    family = _links(store.run("alignment_implements_into", {"keys": parents})) if parents else []
    pairs = parent_pairs(own) | parent_pairs(link for link in family if link.parent in written)
    if regions:
        places = sorted(regions)
        notices = store.run("alignment_issuers_in", {"regions": places})
        store.run("alignment_clear_of", {"keys": [n["key"] for n in notices], "kinds": ["previous_year"]}, write=True)
        pairs |= previous_year_pairs(notices)
    return align_pairs(store, pairs)


def parents(store: GraphStore) -> dict[str, str]:
    """Each notice with tasks and a parent: its parent (read before lineage is recomputed whole, for `after_relinking`)."""
    return {link.child: link.parent for link in _links(store.run("alignment_implements"))}


def after_relinking(store: GraphStore, before: dict[str, str], regions: set[str]) -> Written:
    """After lineage was recomputed whole outside a load (an analyst's corrections of a notice's level, region, issuer
    or parent): rewrite the pairs of the notices whose parent changed since `before`, and the previous_year pairs of
    `regions` (the corrected notices' regions, before and after)."""
    after = parents(store)
    relinked = {child for child in before.keys() | after.keys() if before.get(child) != after.get(child)}
    return refresh_near(store, set(), relinked, regions)
