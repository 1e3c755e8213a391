"""The two-mode (bipartite) task–agency network in figures: how many agencies a task names, how many tasks an agency
is on, its density and components, and the tasks that name the most agencies (the heaviest coordination load)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from policygraph.analysis.network import TaskAgency, two_mode
from policygraph.analysis.network_measures import PLACES


@dataclass(frozen=True)
class TwoModeSummary:
    tasks: int
    agencies: int
    edges: int  # distinct (task, agency) pairs
    lead_links: int  # (task, agency) pairs in the lead role
    cooperate_links: int
    density: float  # edges / (tasks × agencies)
    mean_agencies_per_task: float
    mean_tasks_per_agency: float
    max_agencies_on_a_task: int
    single_agency_tasks: int  # tasks on which one agency alone is named
    components: int
    largest_component: int  # nodes: tasks and agencies


@dataclass(frozen=True)
class TaskLoad:
    key: str
    document: str
    number: str | None
    title: str | None
    year: int | None
    agencies: int
    leads: int
    cooperating: int


def summary(rows: list[TaskAgency]) -> TwoModeSummary:
    graph = two_mode(rows)
    tasks = {row.task for row in rows}
    agencies = {row.agency for row in rows}
    per_task = [graph.degree(("task", t)) for t in tasks]
    parts = sorted((len(c) for c in nx.connected_components(graph)), reverse=True)
    edges = graph.number_of_edges()
    return TwoModeSummary(
        tasks=len(tasks), agencies=len(agencies), edges=edges,
        lead_links=sum(row.role == "lead" for row in rows), cooperate_links=sum(row.role == "cooperate" for row in rows),
        density=round(edges / (len(tasks) * len(agencies)), PLACES) if tasks else 0.0,
        mean_agencies_per_task=round(edges / len(tasks), PLACES) if tasks else 0.0,
        mean_tasks_per_agency=round(edges / len(agencies), PLACES) if agencies else 0.0,
        max_agencies_on_a_task=max(per_task, default=0), single_agency_tasks=sum(d == 1 for d in per_task),
        components=len(parts), largest_component=parts[0] if parts else 0,
    )  # fmt: skip


def task_loads(rows: list[TaskAgency]) -> list[TaskLoad]:
    """Every task with the number of agencies it names (and in which role); most agencies first, ties by key."""
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"lead": set(), "cooperate": set()})
    first: dict[str, TaskAgency] = {}
    for row in rows:
        roles[row.task][row.role].add(row.agency)
        first.setdefault(row.task, row)
    loads = [
        TaskLoad(key=task, document=row.document, number=row.number, title=row.title, year=row.year,
                 agencies=len(roles[task]["lead"] | roles[task]["cooperate"]), leads=len(roles[task]["lead"]),
                 cooperating=len(roles[task]["cooperate"]))
        for task, row in first.items()
    ]  # fmt: skip
    return sorted(loads, key=lambda t: (-t.agencies, t.key))
