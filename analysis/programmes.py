"""Where and when a programme was taken up: the notices whose tasks mention it, by region and by year
(cypher/programme_*.cypher). A programme is found by its name or any synonym (三明经验 → 三明医改经验)."""

from __future__ import annotations

from policygraph.core.errors import NotFound
from policygraph.core.i18n import N_
from policygraph.graph.store import GraphStore, Row
from policygraph.ingest.programmes import canonical

PROFILE_NOTICES = 50


def listing(store: GraphStore, q: str | None, skip: int, limit: int) -> list[Row]:
    """Every programme (or those whose name holds `q`) with its notices, regions and tasks; most notices first."""
    return store.run("programme_list", {"q": q, "skip": skip, "limit": limit})


def find(store: GraphStore, name: str) -> tuple[str, Row]:
    """The programme's canonical name and its totals; NotFound when no programme has that name or synonym."""
    key = canonical(name)
    rows = store.run("programme_detail", {"name": key})
    if not rows:
        raise NotFound(N_("no programme is named %(name)r"), values={"name": name})
    return key, rows[0]


def mentioning_notices(store: GraphStore, name: str, skip: int, limit: int) -> list[Row]:
    """The notices that mention the programme, by year and key, each with the tasks that mention it."""
    key, _ = find(store, name)
    return store.run("programme_notices", {"name": key, "skip": skip, "limit": limit})


def adoption(store: GraphStore, name: str) -> Row:
    """The programme's totals, its regions and years with notice and task counts, and its first notices."""
    key, summary = find(store, name)
    notices = store.run("programme_notices", {"name": key, "skip": 0, "limit": PROFILE_NOTICES + 1})
    return {
        **summary,
        "by_region": store.run("programme_regions", {"name": key}),
        "by_year": store.run("programme_years", {"name": key}),
        "notice_list": notices[:PROFILE_NOTICES],
        "notices_truncated": len(notices) > PROFILE_NOTICES,
    }
