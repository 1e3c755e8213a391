"""Agency continuity: SUCCEEDED_BY edges from an agency to the one that took over its work after a reform.

Renamings and mergers are data (`data/agency_renamings.csv`: from_function, to_function, kind, date, scope, source).
At every refresh the edges are recomputed whole: an Agency whose function is a row's from_function is linked to the
Agency of the same jurisdiction whose function is its to_function (`national` rows link national organs,
`local-default` rows organs of any one region). Only agencies still named in some notice take part, so the edges
depend on the loaded notices alone, never on the order they came in. After a load, `refresh_places` recomputes the
edges of the jurisdictions of the agencies the load touched only (an edge never leaves its jurisdiction).

`renamed` and `merged` predecessors ceased to exist: a time series of the successor includes them
(cypher/continuity_rolled_years.cypher). `split` and `functions_moved` edges are shown, not rolled up.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from policygraph.graph.rows import agency_row
from policygraph.graph.store import GraphStore, Row

RENAMINGS = Path(__file__).parent / "data" / "agency_renamings.csv"
Kind = Literal["renamed", "merged", "split", "functions_moved"]
Scope = Literal["national", "local-default"]
KINDS: tuple[Kind, ...] = ("renamed", "merged", "split", "functions_moved")
ROLLED_UP: tuple[Kind, ...] = ("renamed", "merged")  # the predecessor ceased: its series continues in the successor


@dataclass(frozen=True)
class Renaming:
    from_function: str
    to_function: str
    kind: Kind
    date: str
    scope: Scope
    source: str


@cache
def renamings() -> tuple[Renaming, ...]:
    """The shipped table; a row with an unknown kind or scope is an error in the data file, reported by name."""
    with RENAMINGS.open(encoding="utf-8", newline="") as f:
        rows = [row for row in csv.DictReader(f) if not row["from_function"].startswith("#")]
    found = []
    for row in rows:
        if row["kind"] not in KINDS or row["scope"] not in ("national", "local-default"):
            raise ValueError(f"{RENAMINGS.name}: bad kind or scope in {row}")
        found.append(Renaming(row["from_function"].strip(), row["to_function"].strip(), row["kind"], row["date"],
                              row["scope"], row["source"]))  # type: ignore[arg-type]  # fmt: skip
    return tuple(found)


def function_of(agency: Row) -> str:
    """The agency's function; issuers are written without one (documents_load sets it on role agencies only)."""
    if agency.get("function"):
        return str(agency["function"])
    return str(agency_row({"canonical": agency["name"], "jurisdiction": agency.get("jurisdiction") or ""})["function"])


def compute(agencies: list[Row], table: tuple[Renaming, ...]) -> list[dict[str, Any]]:
    """SUCCEEDED_BY edges {from, to, kind, date} between agencies of one jurisdiction, sorted."""
    by_place: dict[tuple[str, str], list[str]] = defaultdict(list)
    for agency in agencies:
        by_place[(agency.get("jurisdiction") or "", function_of(agency))].append(agency["key"])
    jurisdictions = {place for place, _ in by_place}
    edges = []
    for rule in table:
        places = [""] if rule.scope == "national" else sorted(j for j in jurisdictions if j)
        for place in places:
            for old in by_place.get((place, rule.from_function), []):
                for new in by_place.get((place, rule.to_function), []):
                    edges.append({"from": old, "to": new, "kind": rule.kind, "date": rule.date})
    return sorted(edges, key=lambda e: (e["from"], e["to"], e["kind"]))


def refresh(store: GraphStore) -> int:
    """Recompute every SUCCEEDED_BY edge. Returns how many there are."""
    store.run("continuity_clear", write=True)
    edges = compute(store.run("continuity_agencies"), renamings())
    if edges:
        store.run("continuity_write", {"edges": edges}, write=True)
    return len(edges)


def refresh_places(store: GraphStore, agencies: set[str]) -> int:
    """Recompute the SUCCEEDED_BY edges within the jurisdictions of these agencies. Returns how many there are."""
    if not agencies:
        return 0
    places = sorted(r["place"] for r in store.run("continuity_places_of", {"keys": sorted(agencies)}))
    if not places:
        return 0
    store.run("continuity_clear_in", {"places": places}, write=True)
    edges = compute(store.run("continuity_agencies_in", {"places": places}), renamings())
    if edges:
        store.run("continuity_write", {"edges": edges}, write=True)
    return len(edges)
