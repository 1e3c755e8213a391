"""Agencies: who leads the most tasks, and an agency's record — the tasks it leads and cooperates on, the agencies
it works with, the programmes its tasks mention, and its predecessors and successors after reforms
(cypher/agency_*.cypher, cypher/continuity_*.cypher)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal, get_args

from policygraph.analysis.checks import check_basis, check_level, check_page, check_year_range
from policygraph.core.errors import InvalidParameter, NotFound
from policygraph.core.i18n import N_
from policygraph.core.vocabulary import Role
from policygraph.graph import ranks
from policygraph.graph.counts import FIRST_TASKS
from policygraph.graph.store import GraphStore, Row
from policygraph.ingest.divisions import region_prefix

PROFILE_TASKS = 50
PROFILE_COLLABORATORS = 20
TASK_CAP = FIRST_TASKS  # tasks listed per ranking row: as many as each count row keeps (graph/counts.py)
AGENCY_CAP = 20  # agencies listed per function row

GroupBy = Literal["agency", "function"]  # rank agencies, or functions pooled across regions
GROUP_BY: tuple[GroupBy, ...] = get_args(GroupBy)
AGENCY_FIELDS = ("key", "name", "jurisdiction", "kind")
TASK_FIELDS = ("key", "document", "year", "number", "title")  # a task in a ranking row


def top_leads(
    store: GraphStore,
    *,
    level: str | None = None,
    region: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    basis: Iterable[str] = (),
    collectives: bool = False,
    group_by: GroupBy = "agency",
    skip: int = 0,
    limit: int = 20,
) -> list[Row]:
    """Agencies ranked by the distinct tasks they lead (牵头), most first, each with the tasks behind its count.

    The filters apply to the notice — `level`, `region` in any common form (甘肃 includes 临夏州's notices),
    `year_from`/`year_to` inclusive — and to the LEADS edge: `basis` keeps only leads read that way (explicit,
    sole, first_listed, respective, standing_clause; empty: all). Collectives (各县市人民政府 …) count only with
    `collectives=True`. `group_by="function"` pools agencies of one function across regions (every
    卫生健康委员会 together). One row per agency or function: `agency` (key, name, jurisdiction, kind; None for a
    function), `function`, `tasks` (the count), `task_list` (the first 20 tasks), `tasks_truncated`,
    `agency_count`, `agencies` (the first 20, with their own counts), `agencies_truncated`.
    """
    check_level(level)
    bases = check_basis(basis)
    check_year_range(year_from, year_to)
    check_page(skip, limit)
    if group_by not in GROUP_BY:
        raise InvalidParameter("group_by", N_("group_by is agency or function, not %(value)r"), group_by,
                               {"value": group_by})  # fmt: skip
    path = region_prefix(region)
    params = {"level": level, "region": path, "year_from": year_from, "year_to": year_to,
              "basis": bases, "collectives": collectives, "task_cap": TASK_CAP, "agency_cap": AGENCY_CAP,
              "skip": skip, "limit": limit}  # fmt: skip
    query = "agency_top_leads" if group_by == "agency" else "agency_top_lead_functions_page"
    # A filter a ranking is kept ready for is read from it (graph/ranks.py); any other adds up the count rows.
    cell = ranks.cell_for(group_by, level, path, year_from, year_to, bases, collectives)
    if cell is not None and ranks.serves(store, cell, skip + limit):
        query, params = f"{query}_ranked", {**params, "cell": cell.key}
    rows = store.run(query, params) if group_by == "agency" else function_ranking(store, query, params)
    return [ranking_row(row, group_by) for row in rows]


def function_ranking(store: GraphStore, query: str, params: Row) -> list[Row]:
    """The rows of a ranking of functions (agency_top_lead_functions_page or _page_ranked) with each function's
    agencies (agency_function_agencies): read apart, since grouping a function's many count rows with the
    ranking's task lists along took seconds."""
    rows = store.run(query, params)
    found = store.run("agency_function_agencies", {**params, "functions": [row["function"] for row in rows]})
    agencies = {row["function"]: row for row in found}
    none: Row = {"agency_count": 0, "agencies": []}
    return [{**row, **{k: agencies.get(row["function"], none)[k] for k in none}} for row in rows]


def ranking_row(row: Row, group_by: GroupBy) -> Row:
    """A row of agency_top_leads (group_by=agency) or agency_top_lead_functions, in the one shape both share."""
    if group_by == "agency":
        agency = {k: row[k] for k in AGENCY_FIELDS}
        row = {**row, "agency": agency, "agency_count": 1, "agencies": [{**agency, "tasks": row["task_count"]}]}
    tasks = [{k: task[k] for k in TASK_FIELDS} for task in row["tasks"]]
    return {
        "agency": row.get("agency"), "function": row["function"], "tasks": row["task_count"],
        "task_list": tasks, "tasks_truncated": row["task_count"] > len(tasks),
        "agency_count": row["agency_count"], "agencies": row["agencies"],
        "agencies_truncated": row["agency_count"] > len(row["agencies"]),
    }  # fmt: skip


def listing(
    store: GraphStore, q: str | None, jurisdiction: str | None, kind: str | None, skip: int, limit: int
) -> list[Row]:
    """Agencies by key, each with the number of tasks it leads and cooperates on; `q` matches a substring of the key
    or of a form the notices write, `jurisdiction` (any common form) includes everything below it."""
    path = region_prefix(jurisdiction, "jurisdiction")
    return store.run("agency_list", {"q": q, "jurisdiction": path, "kind": kind, "skip": skip, "limit": limit})


def _ensure_agency(store: GraphStore, key: str, rows: list[Row]) -> list[Row]:
    """The rows; NotFound when there are none because no agency has the key (not because it has no tasks)."""
    if not rows and not store.run("agency_exists", {"key": key}):
        raise NotFound(N_("no agency has the key %(key)r"), values={"key": key})
    return rows


def tasks(store: GraphStore, key: str, role: Role | None, skip: int, limit: int) -> list[Row]:
    """One row per task and role, by year, notice and position, with the basis of the attribution."""
    rows = store.run("agency_tasks", {"key": key, "role": role, "skip": skip, "limit": limit})
    return _ensure_agency(store, key, rows)


def collaborators(store: GraphStore, key: str, skip: int, limit: int) -> list[Row]:
    """The agencies named on the same tasks, most shared tasks first, split by who leads and who cooperates."""
    rows = store.run("agency_collaborators", {"key": key, "skip": skip, "limit": limit})
    return _ensure_agency(store, key, rows)


def profile(store: GraphStore, key: str) -> Row:
    """The agency with its tasks per year, its first tasks and collaborators, its programmes and its continuity."""
    found = store.run("agency_detail", {"key": key})
    if not found:
        raise NotFound(N_("no agency has the key %(key)r"), values={"key": key})
    first_tasks = tasks(store, key, None, 0, PROFILE_TASKS + 1)
    partners = collaborators(store, key, 0, PROFILE_COLLABORATORS + 1)
    return {
        **found[0],
        "by_year": store.run("agency_years", {"key": key}),
        "tasks": first_tasks[:PROFILE_TASKS],
        "tasks_truncated": len(first_tasks) > PROFILE_TASKS,
        "collaborators": partners[:PROFILE_COLLABORATORS],
        "collaborators_truncated": len(partners) > PROFILE_COLLABORATORS,
        "programmes": store.run("agency_programmes", {"key": key}),
        **continuity(store, key),
    }


def continuity(store: GraphStore, key: str) -> dict[str, Any]:
    """Predecessors, successors and the series rolled up over the predecessors (graph/continuity.py)."""
    linked = store.run("continuity_neighbours", {"key": key})
    rolled = [
        {**row, "agencies": sorted(row["agencies"])} for row in store.run("continuity_rolled_years", {"key": key})
    ]
    return {
        "predecessors": linked[0]["predecessors"] if linked else [],
        "successors": linked[0]["successors"] if linked else [],
        "by_year_rolled": rolled,
    }
