"""Which national notice does each local notice descend from? IMPLEMENTS edges, recomputed after every ingest.

- explicit: the notice cites series notices as its basis (根据/按照…); its parent is the nearest higher tier among them
  (临夏州 cites 国办发〔2021〕20号 and 甘政办发〔2021〕70号 → its parent is the provincial one).
- inferred: the notice names no parent (泗县: "按照国家、省、市…部署"); its parent is the series notice of the same
  year at the nearest higher tier present in the graph whose region contains it, with the reason and the tiers that
  are missing on the way.
Derived data, recomputed whole (`refresh`), or after a load around the places that changed (`refresh_near`, with the
same rule `compute`): the result depends on the graph, never on the order in which notices arrived.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from policygraph.core.terms import CITED_AS_BASIS, NEAREST, STUB_ASSUMED, WITH_GAPS
from policygraph.core.vocabulary import TIERS, Tier
from policygraph.graph.rows import document_key
from policygraph.graph.store import GraphStore, Row
from policygraph.ingest import divisions
from policygraph.ingest.docno import find_doc_nos

NATIONAL_NOTICES = Path(__file__).parent / "data" / "national_notices.csv"


# Where a notice stands: (year, region path, tier).
Place = tuple[int | None, str | None, int | None]


@dataclass(frozen=True)
class Notice:
    key: str
    tier: int | None
    region: str | None
    year: int | None
    stub: bool
    basis_parents: tuple[str, ...]


@cache
def national_notices() -> list[dict[str, Any]]:
    """The shipped registry of the State Council's annual notices, as rows for cypher/documents_ensure_national."""
    with NATIONAL_NOTICES.open(encoding="utf-8", newline="") as f:
        rows = [row for row in csv.DictReader(f) if row["doc_no"].strip()]
    notices = []
    for row in rows:
        found = find_doc_nos(row["doc_no"])
        notices.append({
            "key": document_key(row["doc_no"], None, None, None),
            "doc_no": row["doc_no"],
            "doc_no_prefix": found[0].prefix if found else None,
            "year": int(row["year"]),
            "date": row["date"] or None,
            "title": row["title"] or None,
            "issuer": row["issuer"] or None,
        })  # fmt: skip
    return notices


def contains(upper: Notice, lower: Notice) -> bool:
    """Does the upper notice's region contain the lower one's? National notices contain everything."""
    if upper.tier == 0:
        return True
    return bool(upper.region and lower.region and lower.region.startswith(upper.region))


def skipped_tiers(region: str | None, below: int, above: int) -> list[tuple[Tier, str | None]]:
    """The tiers strictly between a notice of tier `below` in `region` and a parent of tier `above`, nearest first,
    each with its region containing `region` (None when that cannot be named): a county notice of 安徽省宿州市泗县
    under a national one skips (prefectural, 安徽省宿州市) and (provincial, 安徽省)."""
    found = divisions.resolve(region) if region else None
    paths = {r.level: divisions.full_path(r) for r in divisions.parents(found)} if found else {}
    return [(TIERS[tier], paths.get(TIERS[tier])) for tier in range(below - 1, above, -1)]


def missing_tiers(child: Notice, parent: Notice) -> list[str]:
    """The regions between parent and child with no notice in the graph, e.g. 安徽省宿州市 (prefectural)."""
    assert child.tier is not None and parent.tier is not None
    gaps = skipped_tiers(child.region, child.tier, parent.tier)
    return [f"{path} ({tier})" if path else tier for tier, path in gaps]


def explicit_edge(child: Notice, by_key: dict[str, Notice]) -> dict[str, Any] | None:
    parents = [by_key[k] for k in child.basis_parents if k in by_key and by_key[k].tier is not None]
    parents = [p for p in parents if child.tier is not None and p.tier is not None and p.tier < child.tier]
    if not parents:
        return None
    parent = max(parents, key=lambda p: (p.tier or 0, p.key))
    return {"child": child.key, "parent": parent.key, "kind": "explicit", "reason": CITED_AS_BASIS}


def inferred_edge(child: Notice, same_year: list[Notice]) -> dict[str, Any] | None:
    """The nearest higher-tier notice among `same_year` (the notices of the child's year) whose region contains it."""
    if child.tier is None or child.year is None:
        return None
    candidates = [n for n in same_year if n.tier is not None and n.tier < child.tier and contains(n, child)]
    if not candidates:
        return None
    parent = max(candidates, key=lambda n: (n.tier or 0, not n.stub, n.key))
    # Stored in English, from the catalogue's messages, so the explorer can say them in Chinese (core/terms.py).
    reason = (STUB_ASSUMED if child.stub else NEAREST) % {"year": child.year}
    gaps = missing_tiers(child, parent)
    if gaps:
        reason = WITH_GAPS % {"reason": reason, "year": child.year, "where": ", ".join(gaps)}
    return {"child": child.key, "parent": parent.key, "kind": "inferred", "reason": reason}


def compute(notices: list[Notice]) -> list[dict[str, Any]]:
    """IMPLEMENTS edges for every series notice below the national tier."""
    by_key = {n.key: n for n in notices}
    # Candidates are looked for among the notices of the same year only: comparing every pair took 5.3 s at 10k.
    by_year: dict[int | None, list[Notice]] = defaultdict(list)
    for n in notices:
        by_year[n.year].append(n)
    edges = []
    for notice in sorted(notices, key=lambda n: n.key):
        if not notice.tier:
            continue
        edge = explicit_edge(notice, by_key) or inferred_edge(notice, by_year[notice.year])
        if edge:
            edges.append(edge)
    return edges


def _notices(rows: list[Row]) -> list[Notice]:
    return [
        Notice(r["key"], r["tier"], r["region"], r["year"], bool(r["stub"]), tuple(sorted(r["basis_parents"])))
        for r in rows
    ]


def refresh(store: GraphStore) -> int:
    """Make sure the national notices exist, then recompute all IMPLEMENTS edges. Returns how many were written."""
    store.run("documents_ensure_national", {"notices": national_notices()}, write=True)
    store.run("lineage_clear", write=True)
    edges = compute(_notices(store.run("lineage_facts")))
    if edges:
        store.run("lineage_write", {"edges": edges}, write=True)
    return len(edges)


def inside(place: Place, notice: Notice) -> bool:
    """Is the notice of the place's year and within its region (a national place holds its whole year)?"""
    year, region, tier = place
    if notice.year != year:
        return False
    return tier == 0 or bool(region and notice.region and notice.region.startswith(region))


def refresh_near(store: GraphStore, places: set[Place], keys: set[str]) -> set[str]:
    """Recompute the IMPLEMENTS edges of the notices inside `places` (where notices appeared, went away or changed)
    and of the notices `keys` (written, or whose citations changed). Returns the notices whose parent changed (got
    one, lost it, or another one), for task alignment (graph/alignment.py).

    A notice's parent is a basis it cites or a notice of its year whose region contains it. For a notice inside a
    place, those containing notices are inside the place or contain it, so the notices near the places (and the
    bases cited) are all `compute` needs to give the very edges a full refresh gives."""
    own = _notices(store.run("lineage_facts_of", {"keys": sorted(keys)}))
    wanted = places | {(n.year, n.region, n.tier) for n in own}
    near = [{"year": y, "region": r, "tier": t} for y, r, t in sorted(wanted, key=str) if y is not None]
    notices = {n.key: n for n in own}
    if near:
        notices.update((n.key, n) for n in _notices(store.run("lineage_facts_near", {"places": near})))
    bases = {k for n in notices.values() for k in n.basis_parents} - set(notices)
    if bases:
        notices.update((n.key, n) for n in _notices(store.run("lineage_facts_of", {"keys": sorted(bases)})))
    children = set(keys) | {n.key for n in notices.values() if any(inside(p, n) for p in wanted)}
    edges = [edge for edge in compute(list(notices.values())) if edge["child"] in children]
    before = {r["child"]: r["parent"] for r in store.run("lineage_parents_of", {"keys": sorted(children)})}
    store.run("lineage_clear_of", {"keys": sorted(children)}, write=True)
    if edges:
        store.run("lineage_write", {"edges": edges}, write=True)
    after = {edge["child"]: edge["parent"] for edge in edges}
    return {child for child in children if before.get(child) != after.get(child)}


def count(store: GraphStore) -> int:
    return int(store.run("lineage_count")[0]["edges"])
