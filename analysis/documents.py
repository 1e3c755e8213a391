"""The notices: a filtered list, one notice in full (its citations and its tasks with their agencies), the notices
that implement one, and the stub parents analysts are missing (cypher/documents_*.cypher). The lineage up to the
national notice is in analysis/lineage.py."""

from __future__ import annotations

import json
from typing import Any

from policygraph.analysis.checks import check_level, check_page
from policygraph.core.errors import InvalidParameter, NotFound
from policygraph.core.i18n import N_
from policygraph.graph.store import GraphStore, Row
from policygraph.ingest.divisions import region_prefix

STUB_NOTE = N_(
    "a stub: known only as cited, or from the registry of national notices; its text is not loaded, so no tasks"
)


def placed_in(region: str | None) -> str | None:
    """The region filter of the notice lists: the prefix of ingest.divisions.region_prefix, except that any region
    given, even the whole country (中国, no prefix), keeps only the notices that have a region: '' (which every path
    starts with) instead of no filter, so the stubs cited by title alone (no region) drop out."""
    if region is None:
        return None
    prefix = region_prefix(region)
    return "" if prefix is None else prefix


def year_range(year: int | None, year_from: int | None, year_to: int | None) -> tuple[int | None, int | None]:
    """`year`, `year_from` and `year_to` as one inclusive range (all given must hold); a reversed range is refused."""
    if year_from is not None and year_to is not None and year_from > year_to:
        raise InvalidParameter("year_to", N_("year_to (%(last)s) is before year_from (%(first)s)"),
                               values={"first": year_from, "last": year_to})  # fmt: skip
    if year is None:
        return year_from, year_to
    return max(year, year_from or year), min(year, year_to or year)


def notices(
    store: GraphStore,
    *,
    level: str | None = None,
    region: str | None = None,
    year: int | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    stub: bool = False,
    skip: int = 0,
    limit: int = 50,
) -> list[Row]:
    """The notices, newest first (then by key): key, doc_no, title, issuer, level, region, date, year, stub,
    task_count. The filters combine: `level`; `region` in any common form, with everything below it (中国: any
    notice that has a region); `year`, `year_from`, `year_to` (all given must hold). `stub=True` lists the stubs
    instead: notices known only as cited or from the registry of national notices, without tasks."""
    check_level(level)
    check_page(skip, limit)
    first, last = year_range(year, year_from, year_to)
    params = {"stub": stub, "level": level, "region": placed_in(region), "year_from": first, "year_to": last,
              "skip": skip, "limit": limit}  # fmt: skip
    return store.run("documents_list", params)


def _start(item: dict[str, Any]) -> int:
    """Where an item (role, target, citation) starts in the original text: the engines collect in no fixed order."""
    span = item.get("span") or [0]
    return int(span[0])


def _task(row: Row) -> Row:
    """A task with its agencies and targets in printed order and its programmes by name."""
    in_order = {name: sorted(row[name], key=_start) for name in ("leads", "cooperating", "targets")}
    return {**row, **in_order, "programmes": sorted(row["programmes"])}


def _first(store: GraphStore, query: str, key: str) -> Row:
    """The first row of a query about one notice; NotFound when no notice has the key."""
    rows = store.run(query, {"key": key})
    if not rows:
        raise NotFound(N_("no notice has the key %(key)r"), values={"key": key})
    return rows[0]


COVERAGE_COLUMNS = ("tasks_with_lead", "tasks_with_cooperating", "tasks_with_deadline", "unconsumed_json",
                    "missing_json", "needs_review", "review_reasons")  # fmt: skip


def coverage(head: Row) -> Row | None:
    """The coverage report of a notice from its flat properties (graph/rows.py coverage_row); None for a stub or a
    notice loaded before the report existed."""
    if head.get("needs_review") is None:
        return None
    return {
        "tasks": head["task_count"],
        "tasks_with_lead": head["tasks_with_lead"],
        "tasks_with_cooperating": head["tasks_with_cooperating"],
        "tasks_with_deadline": head["tasks_with_deadline"],
        "unconsumed": sorted(json.loads(head["unconsumed_json"] or "[]"), key=_start),
        "missing": json.loads(head["missing_json"] or "[]"),
        "needs_review": head["needs_review"],
        "reasons": list(head["review_reasons"] or []),
    }


def detail(store: GraphStore, key: str) -> Row:
    """One notice by key (its 文号, or region|year|title): its properties, the notices it cites (`citations`: basis
    or reference, with the quote), the parent it implements (`implements`, `implements_relation`), and its `tasks`
    in order, each with its `leads` and `cooperating` agencies (basis, quote, as written), programmes, targets and
    `deadline`; and its `coverage` report. A stub has `stub: True`, a `note` saying why, no tasks and no coverage."""
    row = _first(store, "documents_get", key)
    head = {name: value for name, value in row.items() if name not in COVERAGE_COLUMNS}
    tasks = [] if head["stub"] else store.run("documents_tasks", {"key": key})
    return {**head, "citations": sorted(head["citations"], key=_start), "note": STUB_NOTE if head["stub"] else None,
            "tasks": [_task(task) for task in tasks], "coverage": coverage(row)}  # fmt: skip


def children(store: GraphStore, key: str, *, skip: int = 0, limit: int = 50) -> list[Row]:
    """The notices whose IMPLEMENTS edge points at this one, by key, each with its relation and reason."""
    _first(store, "documents_exists", key)
    return store.run("documents_children", {"key": key, "skip": skip, "limit": limit})


def stub_parents(
    store: GraphStore, *, region: str | None = None, year: int | None = None, skip: int = 0, limit: int = 50
) -> list[Row]:
    """Parent notices known only as stubs, each with the notices that implement it, oldest first. `region` keeps the
    parents some of whose children are in that region (and lists only those children); `year` is the parent's."""
    return store.run("documents_stubs", {"region": placed_in(region), "year": year, "skip": skip, "limit": limit})
