"""Pre-aggregated lead and cooperation counts, so that the rankings of agencies read a few rows, not the graph.

Counting who leads the most tasks by walking every LEADS edge took about a second at 4,500 notices and grows with
the graph. The counts are kept instead as rows (nodes without relationships, so they never keep an agency from
being pruned), written from the graph by this module:

- LeadCount, one per agency × notice level × region × year × basis of the edge: the distinct tasks the agency
  leads (`leads`) and cooperates on (`cooperates`). A task has one LEADS edge per agency, so adding up the rows a
  filter keeps gives the agency's distinct tasks under that filter (cypher/agency_top_leads.cypher).
- FunctionLeadCount, one per function × level × region × year × the set of bases its agencies lead a task on: the
  distinct tasks of the function (cypher/agency_counts_function_write.cypher says why agencies' counts cannot simply
  be added up), for cypher/agency_top_lead_functions.cypher.

Rows are a function of the graph alone, so they do not depend on the order notices were loaded in. `refresh` is
run by the derived refresh (graph/loader.py) with the agencies a load touched, or with None to rebuild them all.
It keeps the rankings ready (graph/ranks.py) along with the rows they are added up from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from policygraph.core.batches import chunks, pack
from policygraph.core.vocabulary import BASES
from policygraph.graph import ranks
from policygraph.graph.store import GraphStore, Row

# Deleting and writing rows agency by agency in chunks keeps each statement small on a large graph.
CHUNK = 500
# A write of function rows aggregates every LEADS edge of its functions, and a Neo4j transaction's memory grows with
# them (716.8 MiB ran out on a chunk of 500 functions at 50,000 notices): each write reads about this many edges.
EDGES_PER_WRITE = 50_000
# Each row keeps its first tasks (by notice and position) so that a ranking can list an agency's first tasks without
# reading them all: as many as a ranking row lists (analysis/agencies.py TASK_CAP).
FIRST_TASKS = 20


def _write_agencies(store: GraphStore, agencies: list[str]) -> int:
    params = {"agencies": agencies, "first": FIRST_TASKS}
    return int(store.run("agency_counts_write", params, write=True)[0]["written"])


@dataclass(frozen=True)
class FunctionWrite:
    """One statement of agency_counts_function_write.cypher: these functions, in these years (None: every year)."""

    functions: list[str]
    years: list[int] | None


def plan_function_writes(sizes: list[Row], limit: int) -> list[FunctionWrite]:
    """Writes of about `limit` edges each, from agency_counts_function_sizes rows: small functions together, a
    function with more edges than that alone and a few years at a time."""
    years: dict[str, list[tuple[int, int]]] = {}
    for row in sizes:
        years.setdefault(row["function"], []).append((int(row["year"]), int(row["edges"])))
    totals = [(function, sum(edges for _, edges in by_year)) for function, by_year in sorted(years.items())]
    small = [(function, total) for function, total in totals if total <= limit]
    writes = [FunctionWrite(group, None) for group in pack(small, limit, CHUNK)]
    for function, total in totals:
        if total > limit:
            writes.extend(FunctionWrite([function], group) for group in pack(years[function], limit, CHUNK))
    return writes


def _write_functions(store: GraphStore, functions: list[str] | None) -> None:
    """Write the function rows of these functions (None: all), whose old rows are cleared."""
    sizes = store.run("agency_counts_function_sizes", {"functions": functions})
    for planned in plan_function_writes(sizes, EDGES_PER_WRITE):
        params = {"functions": planned.functions, "years": planned.years, "bases": list(BASES), "first": FIRST_TASKS}
        store.run("agency_counts_function_write", params, write=True)


def refresh(store: GraphStore, agencies: Iterable[str] | None = None) -> int:
    """Recompute the count rows of these agency keys (and of their functions); None drops and rebuilds every row.
    Returns how many LeadCount rows were written."""
    if agencies is None:
        return _rebuild(store)
    if not ranks.is_built(store) and not store.run("ranking_counts_any")[0]["any"]:
        ranks.mark_built(store)  # the first load into an empty graph: its rankings (none yet) are built
    written = 0
    for chunk in chunks(sorted(set(agencies)), CHUNK):
        # The cells first: the rows about to be cleared remember where an agency that is gone counted.
        before = store.run("agency_counts_cells", {"agencies": chunk})
        ranked_before = _agency_rows(store, chunk)
        store.run("agency_counts_clear", {"agencies": chunk}, write=True)
        written += _write_agencies(store, chunk)
        ranks.update(store, "agency", ranked_before, _agency_rows(store, chunk), whole=True)
        cells = {Cell(**row) for row in before + store.run("agency_counts_cells", {"agencies": chunk})}
        _rewrite_functions(store, cells)
    return written


def _rebuild(store: GraphStore) -> int:
    """Every row dropped and written again, in chunks of agencies and of functions: one statement over all of them
    ran past a minute at 50,000 notices (and a Neo4j transaction's memory grows with what it writes)."""
    store.run("agency_counts_clear_all", write=True)
    store.run("agency_counts_function_clear_all", write=True)
    store.run("ranking_clear", {"kind": None}, write=True)
    rows = store.run("agency_counts_agencies")
    agencies = list(chunks([row["key"] for row in rows], CHUNK))
    written = sum(_write_agencies(store, chunk) for chunk in agencies)
    _write_functions(store, None)
    functions = list(chunks(sorted({row["function"] for row in rows}), CHUNK))
    ranks.rebuild(store, "agency", (_agency_rows(store, chunk) for chunk in agencies))
    ranks.rebuild(store, "function", (_function_rows(store, chunk) for chunk in functions))
    ranks.mark_built(store)
    return written


def _agency_rows(store: GraphStore, agencies: list[str]) -> list[Row]:
    return store.run("ranking_rows_agencies", {"agencies": agencies})


def _function_rows(store: GraphStore, functions: list[str]) -> list[Row]:
    return store.run("ranking_rows_functions", {"functions": functions})


@dataclass(frozen=True)
class Cell:
    """Where an agency's counts add to its function's: FunctionLeadCount rows are kept per cell."""

    function: str
    level: str | None
    region: str | None
    year: int | None

    @property
    def exact(self) -> bool:  # a notice without a level, region or year is found by no index: see below
        return None not in (self.level, self.region, self.year)

    @property
    def name(self) -> str:  # as agency_counts_function_write.cypher writes it
        return "|".join((self.function, self.level or "", self.region or "", str(self.year or "")))


def _rewrite_functions(store: GraphStore, cells: set[Cell]) -> None:
    """Recompute the function rows of these cells from their notices (a few per cell); a function with a cell of
    notices lacking a level, region or year is recomputed whole, from all its agencies (rare, and slow)."""
    whole = sorted({cell.function for cell in cells if not cell.exact})
    exact = sorted((cell for cell in cells if cell.exact and cell.function not in whole), key=lambda c: c.name)
    if exact:
        names = {"cells": [cell.name for cell in exact]}
        ranked_before = store.run("ranking_rows_function_cells", names)
        store.run("agency_counts_function_clear_cells", names, write=True)
        params = {"cells": [asdict(cell) for cell in exact], "bases": list(BASES), "first": FIRST_TASKS}
        store.run("agency_counts_function_write_cells", params, write=True)
        ranks.update(store, "function", ranked_before, store.run("ranking_rows_function_cells", names), whole=False)
    if whole:
        ranked_before = _function_rows(store, whole)
        store.run("agency_counts_function_clear", {"functions": whole}, write=True)
        _write_functions(store, whole)
        ranks.update(store, "function", ranked_before, _function_rows(store, whole), whole=True)
