"""Title-only citations resolved to the notices they name: derived data, recomputed whole after every ingest.

A notice cited only by 《title》 becomes a stub keyed `《title》` (graph/rows.py). When that title, normalised
(`normalise_title`), is the normalised title of exactly one known notice — a loaded one, a stub known by its 文号, or a
registry notice — the citing edge is moved to that notice (keeping relation, quote and span, plus `via_title`, the
title as cited) and the title stub goes away. Two cases stay on the stub, marked `duplicate_of` on the edge: the citer
already cites that notice by other means (one CITES edge per pair of notices), or the title is the citer's own.

Order independence: every refresh first moves each `via_title` edge back to its title stub, so the result is a
function of the loaded notices alone: a notice arriving later that makes a title ambiguous un-resolves it again.
After a load, `resolve_citers` does the same for the citers a load may have changed (graph/derived.py): a citer's
decisions depend only on its own citations and on the candidates of the titles it cites.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from policygraph.graph.lineage import national_notices
from policygraph.graph.rows import citation_row
from policygraph.graph.store import GraphStore, Row

# Printing marks that are not part of a title: book-title and quotation marks, spaces left by line breaks.
_MARKS = re.compile(r"[\s《》〈〉“”‘’\"'「」『』]")
# "…关于印发X的通知" wraps the plan X it prints: the notice is known by X as well. Only document genres are unwrapped,
# so 关于做好X工作的通知 (a notice in its own right) keeps its 的通知.
_GENRES = "方案|办法|意见|规划|计划|任务|要点|安排|规定|细则|指南|纲要|标准|清单|措施|制度"
_WRAPPER = re.compile(rf"(?:印发|转发)?(?P<plan>.+?(?:{_GENRES})(?:\([^()]*\))?)的通知")


def normalise_title(title: str) -> str:
    """The title as it is matched: no marks or spaces, no issuer (what precedes the first 关于), no 印发…的通知 wrapper.

    国务院办公厅关于印发〈深化医药卫生体制改革2024年重点工作任务〉的通知 → 深化医药卫生体制改革2024年重点工作任务
    (traditional characters and full-width forms are normalised before extraction already).
    """
    text = _MARKS.sub("", title)
    text = text.split("关于", 1)[1] if "关于" in text else text
    wrapped = _WRAPPER.fullmatch(text)
    return wrapped.group("plan") if wrapped else text


def candidates_by_title(rows: Iterable[Mapping[str, Any]]) -> dict[str, list[str]]:
    """Normalised title → keys of the known notices (rows of citations_known_titles) that carry it, sorted."""
    found: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row["title"]:
            found[normalise_title(row["title"])].add(row["key"])
    return {title: sorted(keys) for title, keys in found.items()}


def unresolve(store: GraphStore, citers: list[str] | None = None) -> None:
    """Move every resolved edge (of these citers, or all) back to its title stub, re-created as loading creates it."""
    if citers is None:
        rows = store.run("citations_resolved_edges")
    else:
        rows = store.run("citations_resolved_edges_of", {"citers": citers})
    stubs = [{"citer": r["citer"], "target": r["target"], "stub": _stub(r["title"])} for r in rows]
    if stubs:
        store.run("citations_unresolve", {"edges": stubs}, write=True)


def _stub(title: str) -> dict[str, Any]:
    row = citation_row({"title": title})
    return {k: row[k] for k in ("key", "doc_no", "doc_no_prefix", "title", "issuer", "level", "tier", "region",
                                "year", "series")}  # fmt: skip


def decide(edges: Sequence[Mapping[str, Any]], direct: set[tuple[str, str]],
           candidates: dict[str, list[str]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:  # fmt: skip
    """(moves, marks) for the title-stub edges: move to the one matching notice, or mark a duplicate of it.

    `edges` are rows of citations_title_edges (citer, stub, title, span); `direct` the (citer, notice) pairs already
    linked. Edges are taken in citer and text order, so of two titles of one citer naming the same notice, the first
    moves and the second is its duplicate.
    """
    linked = set(direct)
    moves, marks = [], []
    for edge in sorted(edges, key=lambda e: (e["citer"], list(e["span"] or []), e["stub"])):
        keys = candidates.get(normalise_title(edge["title"] or ""), [])
        target = keys[0] if len(keys) == 1 else None
        duplicate = target is not None and (target == edge["citer"] or (edge["citer"], target) in linked)
        if target is not None and not duplicate:
            linked.add((edge["citer"], target))
            moves.append({"citer": edge["citer"], "stub": edge["stub"], "target": target})
        marks.append({"citer": edge["citer"], "stub": edge["stub"], "duplicate_of": target if duplicate else None})
    return moves, marks


def resolve_title_citations(store: GraphStore) -> int:
    """Recompute the resolution of title-only citations from the whole graph. Returns how many edges were moved."""
    # The registry's national notices are candidates even on the first ingest, before lineage would add them.
    store.run("documents_ensure_national", {"notices": national_notices()}, write=True)
    unresolve(store)
    edges = store.run("citations_title_edges")
    direct = {(r["citer"], r["target"]) for r in store.run("citations_direct_pairs")}
    candidates = candidates_by_title(store.run("citations_known_titles"))
    moves, marks = decide(edges, direct, candidates)
    if marks:
        store.run("citations_mark_duplicates", {"edges": marks}, write=True)
    if moves:
        store.run("citations_move", {"edges": moves}, write=True)
    store.run("citations_drop_title_stubs", write=True)
    return len(moves)


# Normalised title → the rows of citations_titles (key, title, by_title) carrying it.
TitleIndex = dict[str, list[Row]]


def index_titles(store: GraphStore) -> TitleIndex:
    """Every title in the graph by its normalised form, read once: titles match after normalising, which the
    engines cannot do."""
    found: TitleIndex = defaultdict(list)
    for row in store.run("citations_titles"):
        found[normalise_title(row["title"])].append(row)
    return found


def affected_citers(store: GraphStore, keys: set[str], titles: set[str], known: TitleIndex) -> list[str]:
    """The citers whose title citations may resolve differently after `keys` were written: those notices, their
    citers (a notice keyed by its title replaces a title stub), and the citers by title of every notice whose title
    normalises like one of `titles` (the titles of what was written, appeared, went or changed, before and after).
    `known`: the notices by normalised title (`index_titles`). A citation resolved to a notice matched its
    normalised title, so the notices carrying a title are where its citers are found."""
    wanted = {normalise_title(t) for t in titles}
    found = set(keys) | {r["citer"] for r in store.run("citations_citers_of", {"keys": sorted(keys)})}
    matching = sorted(r["key"] for title in wanted for r in known.get(title, []))
    if matching:
        found |= {r["citer"] for r in store.run("citations_title_citers_of", {"keys": matching})}
    return sorted(found)


def resolved_citers_of(store: GraphStore, keys: set[str]) -> set[str]:
    """The citers whose title citations were resolved to one of these notices."""
    return {r["citer"] for r in store.run("citations_resolved_citers_of", {"keys": sorted(keys)})} if keys else set()


def resolve_citers(store: GraphStore, citers: list[str], known: TitleIndex) -> int:
    """Recompute the resolution of these citers' title citations only (`known`: the notices by normalised title).
    Returns how many edges were moved."""
    if not citers:
        return 0
    unresolve(store, citers)
    edges = store.run("citations_title_edges_of", {"citers": citers})
    if not edges:
        return 0
    direct = {(r["citer"], r["target"]) for r in store.run("citations_direct_pairs_of", {"citers": citers})}
    cited = {normalise_title(edge["title"] or "") for edge in edges}
    candidates = {title: sorted(r["key"] for r in known.get(title, []) if not r["by_title"]) for title in cited}
    moves, marks = decide(edges, direct, candidates)
    if marks:
        store.run("citations_mark_duplicates", {"edges": marks}, write=True)
    if moves:
        store.run("citations_move", {"edges": moves}, write=True)
        store.run("citations_drop_title_stubs_of", {"keys": sorted({m["stub"] for m in moves})}, write=True)
    return len(moves)
