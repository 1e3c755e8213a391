"""The measures of an agency network (analysis/network.py builds it): per agency and for the whole network.

Conventions, chosen to match what UCINET and Gephi report and to stay defined on the small, disconnected networks
the notices give (each notice's agencies belong to its own jurisdiction, so a slice of several notices has one
component per notice, plus isolates: agencies alone on every task they are named on):

- degree: neighbours (directed: in + out); weighted degree: the sum of edge weights (shared tasks);
- betweenness: normalised, on unweighted shortest paths (weights are strengths, not distances; UCINET dichotomises
  valued data for it too); directed paths in the directed network;
- eigenvector: on the undirected weighted network (on a lead → cooperate network it is zero outside cycles), computed
  within each connected component and scaled so that the component's most central agency scores 1; isolates 0;
- PageRank: damping 0.85, weighted, directed in the directed network;
- density: edges / possible edges; Freeman degree centralisation: Σ(max − dᵢ) / ((n−1)(n−2)) on the undirected
  network, and for the directed one also out- and in-degree centralisation Σ(max − dᵢ) / (n−1)²;
- components: connected (directed: weakly connected), numbered 1, 2 … by size, then by smallest key;
- k-core on the undirected network: an agency's core number; the main core is the agencies with the highest core
  number (when it is at least 1), the core of a core/periphery split; everyone else is periphery.

Floats are rounded to 6 places so results (and ties) are the same on every run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx

PLACES = 6


def _round(value: float) -> float:
    return round(float(value), PLACES)


@dataclass(frozen=True)
class AgencyMeasures:
    key: str
    name: str
    jurisdiction: str | None
    kind: str | None
    degree: int
    weighted_degree: int
    out_degree: int | None  # directed network only
    in_degree: int | None
    weighted_out_degree: int | None
    weighted_in_degree: int | None
    betweenness: float
    eigenvector: float
    pagerank: float
    tasks_led: int
    tasks_cooperated: int
    lead_share: float  # led / (led + cooperated)
    core_number: int
    position: str  # "core" (main k-core) or "periphery"
    component: int  # 1 = the largest


@dataclass(frozen=True)
class NetworkMeasures:
    directed: bool
    documents: int
    tasks: int
    nodes: int
    edges: int
    total_weight: int
    density: float
    degree_centralization: float
    out_degree_centralization: float | None
    in_degree_centralization: float | None
    components: int
    largest_component: int
    isolates: int
    max_core: int
    main_core: list[str]


# --- per network -----------------------------------------------------------------------------------------------------


def freeman_centralization(degrees: list[int], *, directed: bool) -> float:
    """Σ(max − dᵢ) over the most a star could reach: (n−1)(n−2) undirected, (n−1)² for out- or in-degree."""
    n = len(degrees)
    if n < (2 if directed else 3):  # no star to compare with: nothing is centralised
        return 0.0
    most = (n - 1) ** 2 if directed else (n - 1) * (n - 2)
    top = max(degrees)
    return _round(sum(top - d for d in degrees) / most)


def components(graph: nx.Graph) -> list[list[str]]:
    """Connected (weakly, if directed) components, each sorted; largest first, ties by their smallest key."""
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    found = [sorted(c) for c in nx.connected_components(undirected)]
    return sorted(found, key=lambda c: (-len(c), c[0]))


def core_numbers(graph: nx.Graph) -> dict[str, int]:
    simple = nx.Graph(graph.to_undirected(as_view=True) if graph.is_directed() else graph)
    numbers: dict[str, int] = nx.core_number(simple)
    return numbers


def main_core(cores: Mapping[str, int]) -> tuple[int, list[str]]:
    """The highest core number and the agencies that have it (none when no agency has a neighbour)."""
    top = max(cores.values(), default=0)
    return top, sorted(k for k, c in cores.items() if c == top) if top > 0 else []


def network_measures(graph: nx.Graph, *, tasks: int, documents: int) -> NetworkMeasures:
    undirected = nx.Graph(graph.to_undirected(as_view=True)) if graph.is_directed() else graph
    parts = components(graph)
    top, core = main_core(core_numbers(graph))
    directed = graph.is_directed()
    out_c = in_c = None
    if directed:
        out_c = freeman_centralization([d for _, d in graph.out_degree()], directed=True)
        in_c = freeman_centralization([d for _, d in graph.in_degree()], directed=True)
    return NetworkMeasures(
        directed=directed, documents=documents, tasks=tasks, nodes=graph.number_of_nodes(),
        edges=graph.number_of_edges(), total_weight=int(graph.size(weight="weight")), density=_round(nx.density(graph)),
        degree_centralization=freeman_centralization([d for _, d in undirected.degree()], directed=False),
        out_degree_centralization=out_c, in_degree_centralization=in_c, components=len(parts),
        largest_component=len(parts[0]) if parts else 0, isolates=nx.number_of_isolates(graph), max_core=top,
        main_core=core,
    )  # fmt: skip


# --- per agency ------------------------------------------------------------------------------------------------------


def betweenness_by_component(graph: nx.Graph) -> dict[str, float]:
    """Normalised betweenness, the same numbers as networkx on the whole graph, computed one component at a time:
    networkx initialises per-node tables over the whole graph for every source (O(V²) before any path is walked),
    which took minutes on 15,000 agencies in 745 small components, and no shortest path leaves its component."""
    n = graph.number_of_nodes()
    scores = dict.fromkeys(graph.nodes, 0.0)
    if n <= 2:
        return scores
    # networkx's unnormalised undirected values are already halved (each pair counted once); normalise over all n.
    scale = (1.0 if graph.is_directed() else 2.0) / ((n - 1) * (n - 2))
    for part in components(graph):
        if len(part) > 2:
            found = nx.betweenness_centrality(graph.subgraph(part).copy(), normalized=False)
            scores.update({k: v * scale for k, v in found.items()})
    return scores


def eigenvector_by_component(graph: nx.Graph) -> dict[str, float]:
    """Eigenvector centrality of the undirected weighted network, within each component, top of each = 1."""
    undirected = nx.Graph(graph.to_undirected(as_view=True)) if graph.is_directed() else graph
    scores: dict[str, float] = {}
    for part in components(undirected):
        if len(part) == 1:
            scores[part[0]] = 0.0
            continue
        sub = undirected.subgraph(part).copy()  # a copy: a view filters the whole graph on every step
        try:
            found = nx.eigenvector_centrality(sub, weight="weight", max_iter=1000, tol=1e-10)
        except nx.PowerIterationFailedConvergence:
            found = nx.eigenvector_centrality_numpy(sub, weight="weight")
        top = max(found.values())
        scores.update({k: v / top for k, v in found.items()})
    return scores


def agency_measures(graph: nx.Graph, roles: Mapping[str, tuple[int, int]]) -> list[AgencyMeasures]:
    """Every agency's measures, by key. `roles`: agency → (tasks led, tasks cooperated on)."""
    directed = graph.is_directed()
    betweenness = betweenness_by_component(graph)
    eigenvector = eigenvector_by_component(graph)
    pagerank = nx.pagerank(graph, weight="weight") if graph.number_of_nodes() else {}
    cores = core_numbers(graph)
    _, core = main_core(cores)
    component_of = {key: i for i, part in enumerate(components(graph), start=1) for key in part}
    result = []
    for key in sorted(graph.nodes):
        led, cooperated = roles.get(key, (0, 0))
        node = graph.nodes[key]
        result.append(AgencyMeasures(
            key=key, name=node["name"], jurisdiction=node["jurisdiction"], kind=node["kind"],
            degree=graph.degree(key), weighted_degree=int(graph.degree(key, weight="weight")),
            out_degree=graph.out_degree(key) if directed else None,
            in_degree=graph.in_degree(key) if directed else None,
            weighted_out_degree=int(graph.out_degree(key, weight="weight")) if directed else None,
            weighted_in_degree=int(graph.in_degree(key, weight="weight")) if directed else None,
            betweenness=_round(betweenness[key]), eigenvector=_round(eigenvector[key]), pagerank=_round(pagerank[key]),
            tasks_led=led, tasks_cooperated=cooperated,
            lead_share=_round(led / (led + cooperated)) if led + cooperated else 0.0,
            core_number=cores[key], position="core" if key in core else "periphery", component=component_of[key],
        ))  # fmt: skip
    return result
