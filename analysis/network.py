"""Agency collaboration networks from the notices' 牵头/配合 assignments, as health-policy researchers build them in
UCINET or Gephi (e.g. 杨赐然 & 崔丹 2021, 《中国卫生政策研究》) — here with networkx, straight from the graph.

The rows come from `cypher/network_task_agencies.cypher`: one per (task, agency, role) within a slice of the notices
(a notice, a level, a region and everything below it, a year range; collectives in or out). From them:

- the one-mode agency network: undirected, two agencies linked when they are named on the same task, weight = the
  number of tasks they share;
- the directed variant: an edge lead → cooperating agency for each task, weight = the number of such tasks (co-leads
  and co-cooperators are not linked in it);
- the two-mode (bipartite) task–agency network.

Every agency named on a task in the slice is a node, also when it is alone on its tasks (an isolate). The measures
are in analysis/network_measures.py; this module fetches, builds, and assembles the answer.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from itertools import combinations
from typing import Any, Literal, get_args

import networkx as nx

from policygraph.analysis import network_measures as measures
from policygraph.analysis.checks import check_level, check_year_range
from policygraph.core.errors import ONE_OF, InputError, InvalidParameter, NotFound
from policygraph.core.i18n import N_
from policygraph.core.vocabulary import Role
from policygraph.graph.store import GraphStore, Row
from policygraph.ingest import divisions

SortKey = Literal["pagerank", "degree", "weighted_degree", "betweenness", "eigenvector", "tasks_led",
                  "tasks_cooperated", "lead_share", "core_number"]  # fmt: skip
SORT_KEYS: tuple[str, ...] = get_args(SortKey)


@dataclass(frozen=True)
class Slice:
    """Which notices the network is built from. `region` is a full path (甘肃省临夏回族自治州): a prefix."""

    document: str | None = None
    level: str | None = None
    region: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    collectives: bool = False

    def params(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class TaskAgency:
    """One row of network_task_agencies: an agency named on a task, in one role."""

    task: str
    number: str | None
    title: str | None
    document: str
    year: int | None
    level: str | None
    region: str | None
    agency: str
    name: str
    jurisdiction: str | None
    kind: str | None
    role: Role


def slice_of(
    store: GraphStore,
    *,
    document: str | None = None,
    level: str | None = None,
    region: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    collectives: bool = False,
) -> Slice:
    """The slice the filters name, checked: a level or year range refused and a region nobody knows are
    InvalidParameter, a notice key that names no notice is NotFound. `region` in any common form (甘肃, 临夏州)."""
    check_level(level)
    check_year_range(year_from, year_to)
    path = divisions.region_prefix(region)  # 甘肃 → 甘肃省; 中国 → None
    if document is not None and not store.run("documents_exists", {"key": document}):
        raise NotFound(N_("no notice has the key %(key)r"), values={"key": document})
    return Slice(document, level, path, year_from, year_to, collectives)


def fetch(store: GraphStore, where: Slice) -> list[TaskAgency]:
    """The (task, agency, role) rows of the slice, sorted by task, agency, role."""
    return [TaskAgency(**row) for row in store.run("network_task_agencies", where.params())]


# --- the three networks ----------------------------------------------------------------------------------------------


def _add_agencies(graph: nx.Graph, rows: Iterable[TaskAgency]) -> None:
    for row in rows:
        graph.add_node(row.agency, name=row.name, jurisdiction=row.jurisdiction, kind=row.kind)


def _by_task(rows: Iterable[TaskAgency]) -> dict[str, dict[Role, set[str]]]:
    tasks: dict[str, dict[Role, set[str]]] = defaultdict(lambda: {"lead": set(), "cooperate": set()})
    for row in rows:
        tasks[row.task][row.role].add(row.agency)
    return tasks


def _add_weight(graph: nx.Graph, a: str, b: str) -> None:
    if graph.has_edge(a, b):
        graph[a][b]["weight"] += 1
    else:
        graph.add_edge(a, b, weight=1)


def one_mode(rows: list[TaskAgency]) -> nx.Graph:
    """Agencies linked when named on the same task (in any roles); weight = shared tasks."""
    graph = nx.Graph()
    _add_agencies(graph, rows)
    for roles in _by_task(rows).values():
        # An agency both leading and cooperating on a task (西藏 4, 6: several paragraphs) is one agency there.
        for a, b in combinations(sorted(roles["lead"] | roles["cooperate"]), 2):
            _add_weight(graph, a, b)
    return graph


def directed(rows: list[TaskAgency]) -> nx.DiGraph:
    """lead → cooperating agency for each task; weight = the tasks on which the one leads and the other cooperates."""
    graph = nx.DiGraph()
    _add_agencies(graph, rows)
    for roles in _by_task(rows).values():
        for lead in sorted(roles["lead"]):
            for other in sorted(roles["cooperate"] - {lead}):
                _add_weight(graph, lead, other)
    return graph


def agency_network(rows: list[TaskAgency], *, is_directed: bool = False) -> nx.Graph:
    return directed(rows) if is_directed else one_mode(rows)


def two_mode(rows: list[TaskAgency]) -> nx.Graph:
    """The bipartite task–agency network: nodes ('task', key) and ('agency', key); one edge per task and agency,
    with the roles the agency has on that task."""
    graph = nx.Graph()
    for row in rows:
        task, agency = ("task", row.task), ("agency", row.agency)
        graph.add_node(task, bipartite=0)
        graph.add_node(agency, bipartite=1)
        if graph.has_edge(task, agency):
            graph[task][agency]["roles"] = sorted({*graph[task][agency]["roles"], row.role})
        else:
            graph.add_edge(task, agency, roles=[row.role])
    return graph


# --- answers ---------------------------------------------------------------------------------------------------------


def role_counts(rows: Iterable[TaskAgency]) -> dict[str, tuple[int, int]]:
    """Per agency: (distinct tasks led, distinct tasks cooperated on). One task can count in both."""
    led: dict[str, set[str]] = defaultdict(set)
    cooperated: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        (led if row.role == "lead" else cooperated)[row.agency].add(row.task)
    return {agency: (len(led[agency]), len(cooperated[agency])) for agency in {*led, *cooperated}}


@dataclass(frozen=True)
class NetworkAnswer:
    """The whole answer for one slice: network-level measures and every agency's, sorted."""

    network: measures.NetworkMeasures
    agencies: list[measures.AgencyMeasures]


def analyse(rows: list[TaskAgency], *, is_directed: bool = False, sort: SortKey = "pagerank") -> NetworkAnswer:
    graph = agency_network(rows, is_directed=is_directed)
    tasks = len({row.task for row in rows})
    documents = len({row.document for row in rows})
    network = measures.network_measures(graph, tasks=tasks, documents=documents)
    agencies = measures.agency_measures(graph, role_counts(rows))
    return NetworkAnswer(network, sort_agencies(agencies, sort))


def sort_agencies(agencies: list[measures.AgencyMeasures], sort: SortKey) -> list[measures.AgencyMeasures]:
    """Highest first; ties by key (values are rounded, so float noise never breaks a tie)."""
    if sort not in SORT_KEYS:
        raise InvalidParameter("sort", ONE_OF, sort, {"name": "sort", "choices": ", ".join(SORT_KEYS), "value": sort})
    return sorted(agencies, key=lambda a: (-float(getattr(a, sort)), a.key))


def network_of(
    store: GraphStore, where: Slice, *, is_directed: bool = False, sort: SortKey = "pagerank"
) -> NetworkAnswer:
    return analyse(fetch(store, where), is_directed=is_directed, sort=sort)


def league(answer: NetworkAnswer) -> list[Row]:
    """The agencies as a league table: each agency's measures with its `rank` (1 = highest under the sort)."""
    return [{"rank": rank, **asdict(agency)} for rank, agency in enumerate(answer.agencies, start=1)]


def edge_list(graph: nx.Graph) -> list[Row]:
    """The weighted edges, heaviest first, ties by source then target; an undirected edge once, source < target."""
    edges = [{"source": a, "source_name": graph.nodes[a]["name"], "target": b, "target_name": graph.nodes[b]["name"],
              "weight": w} for a, b, w in (_oriented(graph, a, b) for a, b in graph.edges)]  # fmt: skip
    return sorted(edges, key=lambda e: (-e["weight"], e["source"], e["target"]))


def _oriented(graph: nx.Graph, a: str, b: str) -> tuple[str, str, int]:
    """An undirected edge with its ends in key order (networkx keeps insertion order)."""
    weight = int(graph[a][b]["weight"])
    return (a, b, weight) if graph.is_directed() or a < b else (b, a, weight)


# --- the adjacency matrix, for UCINET / Gephi --------------------------------------------------------------------------

MAX_MATRIX_AGENCIES = 3000  # the matrix has n² cells: 3,000 agencies make 9 million (~20 MB of CSV)
_FORMULA_STARTS = ("=", "+", "-", "@")


class MatrixTooLarge(InputError):
    """The slice has more agencies than a matrix is useful (or affordable) for: the API answers 422."""


# a spreadsheet would run a cell starting with these as a formula


def _cell(text: str) -> str:
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def adjacency_csv(rows: list[TaskAgency], *, is_directed: bool = False) -> str:
    """The agency × agency matrix as CSV: the first row and column hold the agency keys (jurisdiction|name), sorted;
    each cell the number of shared tasks (directed: tasks the row agency leads and the column agency cooperates on).
    The diagonal is 0. Gephi and UCINET import it as a full matrix."""
    graph = agency_network(rows, is_directed=is_directed)
    if graph.number_of_nodes() > MAX_MATRIX_AGENCIES:
        raise MatrixTooLarge(
            "adjacency matrix",
            f"the slice has {graph.number_of_nodes()} agencies; the adjacency matrix is limited to "
            f"{MAX_MATRIX_AGENCIES}: narrow it (document, region, level, years) or take the edge list",
        )
    keys = sorted(graph.nodes)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["agency", *map(_cell, keys)])
    for a in keys:
        weights = graph[a]
        writer.writerow([_cell(a), *(weights[b]["weight"] if b in weights else 0 for b in keys)])
    return out.getvalue()


def adjacency_csv_of(store: GraphStore, where: Slice, *, is_directed: bool = False) -> str:
    return adjacency_csv(fetch(store, where), is_directed=is_directed)
