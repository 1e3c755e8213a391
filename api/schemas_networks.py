"""Response models of the networks endpoints: agency collaboration networks built from the 牵头/配合 assignments.

Examples are the measured values of seed 003 (山西省, 晋政办发〔2022〕83号), collectives left out.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from policygraph.analysis.network import SortKey
from policygraph.api.pagination import Page

SHANXI_DOC = "晋政办发〔2022〕83号"
SHANXI_WJW = "山西省|山西省卫生健康委员会"


class SliceEcho(BaseModel):
    """The filters the network was built with, after normalisation."""

    document: str | None = Field(None, description="Only this notice.", examples=[SHANXI_DOC])
    level: str | None = Field(None, examples=["provincial"])
    region: str | None = Field(None, description="Region as a full path (a prefix).", examples=["山西省"])
    year_from: int | None = Field(None, examples=[2022])
    year_to: int | None = Field(None, examples=[2022])
    collectives: bool = Field(description="Whether collectives (各市、县人民政府 …) are nodes.", examples=[False])


class NetworkSummary(BaseModel):
    """Measures of the whole agency network."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"directed": False, "documents": 1, "tasks": 20, "nodes": 17, "edges": 47, "total_weight": 86,
                 "density": 0.345588, "degree_centralization": 0.741667, "out_degree_centralization": None,
                 "in_degree_centralization": None, "components": 1, "largest_component": 17, "isolates": 0,
                 "max_core": 5, "main_core": [SHANXI_WJW, "山西省|山西省医疗保障局"]}
            ]
        }
    )  # fmt: skip

    directed: bool = Field(description="False: shared-task network; true: lead → cooperating agency.")
    documents: int = Field(description="Notices with at least one agency in the slice.")
    tasks: int = Field(description="Tasks naming at least one agency in the slice.")
    nodes: int = Field(description="Agencies (isolates included: agencies alone on all their tasks).")
    edges: int
    total_weight: int = Field(description="Sum of edge weights (shared tasks, or lead → cooperate task pairs).")
    density: float = Field(description="Edges / possible edges.")
    degree_centralization: float = Field(description="Freeman degree centralisation of the undirected network (0–1).")
    out_degree_centralization: float | None = Field(None, description="Directed only: on out-degrees (leading).")
    in_degree_centralization: float | None = Field(None, description="Directed only: on in-degrees (cooperating).")
    components: int = Field(description="Connected components (weakly, when directed), isolates included.")
    largest_component: int = Field(description="Agencies in the largest component.")
    isolates: int
    max_core: int = Field(description="Highest k-core number.")
    main_core: list[str] = Field(description="Keys of the agencies in the main k-core (the core), sorted.")


class AgencyRow(BaseModel):
    """An agency's place in the network."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"rank": 1, "key": SHANXI_WJW, "name": "山西省卫生健康委员会", "jurisdiction": "山西省", "kind": "agency",
                 "degree": 16, "weighted_degree": 44, "out_degree": None, "in_degree": None,
                 "weighted_out_degree": None, "weighted_in_degree": None, "betweenness": 0.470139, "eigenvector": 1.0,
                 "pagerank": 0.236079, "tasks_led": 9, "tasks_cooperated": 11, "lead_share": 0.45, "core_number": 5,
                 "position": "core", "component": 1}
            ]
        }
    )  # fmt: skip

    rank: int = Field(description="Place in the league table under the chosen sort (1 = first).")
    key: str
    name: str
    jurisdiction: str | None = None
    kind: str | None = None
    degree: int = Field(description="Agencies it shares a task with (directed: in + out).")
    weighted_degree: int = Field(description="Sum of its edge weights (shared tasks).")
    out_degree: int | None = Field(None, description="Directed only: agencies cooperating on tasks it leads.")
    in_degree: int | None = Field(None, description="Directed only: agencies leading tasks it cooperates on.")
    weighted_out_degree: int | None = None
    weighted_in_degree: int | None = None
    betweenness: float = Field(description="Normalised betweenness on unweighted shortest paths.")
    eigenvector: float = Field(description="Eigenvector centrality within its component (top of the component = 1).")
    pagerank: float = Field(description="PageRank, damping 0.85, weighted.")
    tasks_led: int
    tasks_cooperated: int
    lead_share: float = Field(description="tasks_led / (tasks_led + tasks_cooperated).")
    core_number: int = Field(description="Its k-core number.")
    position: Literal["core", "periphery"] = Field(description="core: in the main k-core.")
    component: int = Field(description="Its component, 1 = the largest.")


class AgencyLeague(Page[AgencyRow]):
    """The network's measures and a page of its agencies, highest first under `sort` (ties by key)."""

    network: NetworkSummary
    sort: SortKey
    filters: SliceEcho


class Edge(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"source": "山西省|山西省医疗保障局", "source_name": "山西省医疗保障局", "target": SHANXI_WJW,
                 "target_name": "山西省卫生健康委员会", "weight": 11}
            ]
        }
    )  # fmt: skip

    source: str = Field(description="Agency key; in the directed network the lead.")
    source_name: str
    target: str = Field(description="Agency key; in the directed network the cooperating agency.")
    target_name: str
    weight: int = Field(description="Shared tasks (directed: tasks source leads and target cooperates on).")


class EdgeList(Page[Edge]):
    """Edges by weight, heaviest first (ties by source, target); undirected edges have source < target."""

    directed: bool
    filters: SliceEcho


class TwoModeSummary(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"tasks": 20, "agencies": 17, "edges": 64, "lead_links": 20, "cooperate_links": 44,
                 "density": 0.188235, "mean_agencies_per_task": 3.2, "mean_tasks_per_agency": 3.764706,
                 "max_agencies_on_a_task": 6, "single_agency_tasks": 2, "components": 1, "largest_component": 37}
            ]
        }
    )  # fmt: skip

    tasks: int
    agencies: int
    edges: int = Field(description="Distinct (task, agency) pairs.")
    lead_links: int = Field(description="(task, agency) pairs in the lead role.")
    cooperate_links: int
    density: float = Field(description="edges / (tasks × agencies).")
    mean_agencies_per_task: float
    mean_tasks_per_agency: float
    max_agencies_on_a_task: int
    single_agency_tasks: int = Field(description="Tasks that name one agency alone.")
    components: int
    largest_component: int = Field(description="Nodes (tasks and agencies) in the largest component.")


class TaskLoad(BaseModel):
    key: str = Field(examples=[f"{SHANXI_DOC}#20"])
    document: str = Field(examples=[SHANXI_DOC])
    number: str | None = Field(None, examples=["(二十)"])
    title: str | None = Field(None, examples=["深入开展健康中国行动"])
    year: int | None = Field(None, examples=[2022])
    agencies: int = Field(description="Agencies named on the task.", examples=[6])
    leads: int = Field(examples=[1])
    cooperating: int = Field(examples=[5])


class TwoMode(Page[TaskLoad]):
    """The bipartite task–agency network: its figures and a page of tasks, most agencies first."""

    summary: TwoModeSummary
    filters: SliceEcho
