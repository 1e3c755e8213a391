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
"""

from __future__ import annotations

from collections.abc import Iterable

from policygraph.core.vocabulary import BASES
from policygraph.graph.store import GraphStore

# Deleting and writing rows agency by agency in chunks keeps each statement small on a large graph.
CHUNK = 500
# Each row keeps its first tasks (by notice and position) so that a ranking can list an agency's first tasks without
# reading them all: as many as a ranking row lists (analysis/agencies.py TASK_CAP).
FIRST_TASKS = 20


def _chunks(keys: list[str]) -> Iterable[list[str]]:
    return (keys[i : i + CHUNK] for i in range(0, len(keys), CHUNK))


def _write_agencies(store: GraphStore, agencies: list[str] | None) -> int:
    params = {"agencies": agencies, "first": FIRST_TASKS}
    return int(store.run("agency_counts_write", params, write=True)[0]["written"])


def _write_functions(store: GraphStore, functions: list[str] | None) -> None:
    params = {"functions": functions, "bases": list(BASES), "first": FIRST_TASKS}
    store.run("agency_counts_function_write", params, write=True)


def refresh(store: GraphStore, agencies: Iterable[str] | None = None) -> int:
    """Recompute the count rows of these agency keys (and of their functions); None drops and rebuilds every row.
    Returns how many LeadCount rows were written."""
    if agencies is None:
        store.run("agency_counts_clear", {"agencies": None}, write=True)
        store.run("agency_counts_function_clear", {"functions": None}, write=True)
        written = _write_agencies(store, None)
        _write_functions(store, None)
        return written
    written = 0
    for chunk in _chunks(sorted(set(agencies))):
        # The functions first: the rows about to be cleared remember the function of an agency that is gone.
        functions = [row["function"] for row in store.run("agency_counts_functions", {"agencies": chunk})]
        store.run("agency_counts_clear", {"agencies": chunk}, write=True)
        written += _write_agencies(store, chunk)
        if functions:
            store.run("agency_counts_function_clear", {"functions": functions}, write=True)
            _write_functions(store, functions)
    return written
