"""The derived data: title citations resolved, lineage, task alignment, agency aliases, agency continuity, orphans
pruned.

`refresh_derived(store)` recomputes it from the whole graph (what `policygraph db refresh` runs). After a load,
`refresh_derived(store, touched)` recomputes only around what the load touched (graph/touched.py): the citers whose
titles may now resolve otherwise, the parents of the notices near the places that changed, the task alignments of
the notices written or given another parent (graph/alignment.py), the aliases and continuity of the agencies
involved, and the orphans among the old neighbours. Both give the same graph (tests/test_incremental.py), which is
a function of the loaded notices alone, never of the order they came in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from policygraph.graph import alignment, citations, continuity, counts, lineage
from policygraph.graph.store import GraphStore
from policygraph.graph.touched import Touched, after_write, note_removed

__all__ = ["Touched", "refresh_derived"]

# Above this many notices written, one full recompute costs less than the scoped queries.
FULL_ABOVE = 2000


def _batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def refresh_derived(store: GraphStore, touched: Touched | None = None) -> int:
    """Recompute the derived data, whole (`touched` None) or around what a load touched. Returns the lineage edges
    in the graph."""
    if touched is None or len(touched.keys) > FULL_ABOVE or interrupted_before(store, touched):
        edges = _full(store)
    else:
        _incremental(store, touched)
        edges = lineage.count(store)
    store.run("documents_pending_clear", write=True)
    return edges


def interrupted_before(store: GraphStore, touched: Touched) -> bool:
    """Did an earlier ingest write notices and stop (killed, a power cut) before refreshing around them? Their marks
    are still there; what they touched is not known any more, so the refresh must be the full one."""
    return any(row["key"] not in touched.keys for row in store.run("documents_pending"))


def _full(store: GraphStore) -> int:
    """Everything from the whole graph: title citations first (lineage sees them), then lineage, aliases,
    continuity; orphans go first (a stub nobody but resolved titles cites any more must not be a title's candidate)
    and last."""
    citations.unresolve(store)  # titles resolved to a stub nobody else cites must not keep it alive
    _prune_all(store)
    citations.resolve_title_citations(store)
    edges = lineage.refresh(store)
    alignment.refresh(store)
    forms = store.run("agency_forms")
    aliases = [{"key": row["key"], "aliases": sorted(f for f in row["forms"] if f)} for row in forms]
    for chunk in _batched(aliases, 500):
        store.run("agency_write_aliases", {"agencies": chunk}, write=True)
    continuity.refresh(store)
    _prune_all(store)
    counts.refresh(store)
    return edges


def _prune_all(store: GraphStore) -> None:
    for _ in range(5):  # regions are pruned from the bottom up, one tier per pass
        if not store.run("graph_prune_orphans", write=True)[0]["removed"]:
            break


def _incremental(store: GraphStore, touched: Touched) -> None:
    left = after_write(store, touched)
    _ensure_registry(store, touched)
    # A stub the written notices no longer cite may be cited only by titles resolved to it: those go back to their
    # title stubs first, so that the stub goes (as in a graph loaded afresh) and they are resolved again without it.
    resolved_to_left = citations.resolved_citers_of(store, left)
    if left:
        citations.unresolve(store, sorted(resolved_to_left))
        removed = store.run("graph_prune_stubs_of", {"keys": sorted(left)}, write=True)
        note_removed(touched, (row["key"] for row in removed))
    known = citations.index_titles(store)
    citers = sorted(set(citations.affected_citers(store, touched.keys, touched.titles, known)) | resolved_to_left)
    citations.resolve_citers(store, citers, known)
    relinked = lineage.refresh_near(store, touched.places, touched.keys | set(citers))
    regions = {region for _, region, _ in touched.places if region}
    alignment.refresh_near(store, touched.keys, relinked, regions)
    _refresh_aliases(store, touched.agencies)
    continuity.refresh_places(store, touched.agencies)
    _prune_touched(store, touched)
    counts.refresh(store, touched.agencies)  # the pre-aggregated counts of the agencies the load touched


def _ensure_registry(store: GraphStore, touched: Touched) -> None:
    """The registry's national notices exist (the first load adds them): those added are new places and titles."""
    registry = {n["key"]: n for n in lineage.national_notices()}
    for row in store.run("lineage_registry_pending", {"keys": sorted(registry)}):
        notice = registry[row["key"]]
        touched.note((row["title"], (notice["year"], "中国", 0)))
        touched.note((notice["title"], (notice["year"], "中国", 0)))
    store.run("documents_ensure_national", {"notices": list(registry.values())}, write=True)


def _refresh_aliases(store: GraphStore, agencies: set[str]) -> None:
    """Each agency's aliases: the ways it is written as a task's lead or cooperating unit (none: no aliases)."""
    rows = store.run("agency_forms_of", {"keys": sorted(agencies)}) if agencies else []
    aliases = [{"key": r["key"], "aliases": sorted(f for f in r["forms"] if f) if r["roles"] else None} for r in rows]
    for chunk in _batched(aliases, 500):
        store.run("agency_write_aliases", {"agencies": chunk}, write=True)


def _prune_touched(store: GraphStore, touched: Touched) -> None:
    store.run("graph_prune_agencies_of", {"keys": sorted(touched.agencies)}, write=True)
    store.run("graph_prune_programmes_of", {"keys": sorted(touched.programmes)}, write=True)
    codes = sorted(touched.regions)
    while codes:  # regions are pruned from the bottom up: a region emptied may empty the one above it
        rows = store.run("graph_prune_regions_of", {"codes": codes}, write=True)
        codes = sorted({code for row in rows for code in row["above"]})
