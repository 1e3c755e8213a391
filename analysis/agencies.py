"""An agency's record: the tasks it leads and cooperates on, the agencies it works with, the programmes its tasks
mention, and its predecessors and successors after reforms (cypher/agency_*.cypher, cypher/continuity_*.cypher)."""

from __future__ import annotations

from typing import Any

from policygraph.core.errors import NotFound
from policygraph.core.vocabulary import Role
from policygraph.graph.store import GraphStore, Row

PROFILE_TASKS = 50
PROFILE_COLLABORATORS = 20


def _ensure_agency(store: GraphStore, key: str, rows: list[Row]) -> list[Row]:
    """The rows; NotFound when there are none because no agency has the key (not because it has no tasks)."""
    if not rows and not store.run("agency_exists", {"key": key}):
        raise NotFound(f"no agency has the key {key!r}")
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
        raise NotFound(f"no agency has the key {key!r}")
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
