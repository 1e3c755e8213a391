"""The neighbourhood of a notice, an agency or a programme as nodes and edges, for the graph view: what
graph/subgraph.py computes, bounded in depth and in size."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from policygraph.api.deps import SettingsDep, StoreDep
from policygraph.graph.subgraph import MAX_LIMIT, Kind
from policygraph.graph.subgraph import subgraph as neighbourhood

router = APIRouter(tags=["graph"])

NodeKind = Literal["Document", "Task", "Agency", "Programme", "Region"]
EdgeType = Literal["HAS_TASK", "LEADS", "COOPERATES_ON", "MENTIONS", "CITES", "IMPLEMENTS"]

LINXIA = "临州办发〔2021〕76号"
XIZANG_HEALTH = "西藏自治区|西藏自治区卫生健康委员会"
DRG = "DRG/DIP支付方式改革"


class SubgraphNode(BaseModel):
    id: str = Field(description="The node's natural key (a Region's division code): pass it back as `key` to centre "
                                "the view on it.", examples=[LINXIA, f"{LINXIA}#1", XIZANG_HEALTH, DRG])  # fmt: skip
    kind: NodeKind = Field(description="The node's label.", examples=["Document"])
    label: str = Field(description="A short name to show: a notice's 文号 (else its title), a task's number and "
                                   "title, an agency's or programme's name.", examples=[LINXIA, "(一)加强组织领导"])  # fmt: skip
    hop: int = Field(ge=0, le=3, description="Distance from the centre (0: the centre itself).", examples=[1])
    level: str | None = Field(description="national, provincial, prefectural, county or department (notices, "
                                          "tasks, agencies).", examples=["prefectural"])  # fmt: skip
    stub: bool | None = Field(description="Notices only: known only as cited or from the national registry.",
                              examples=[False])  # fmt: skip
    kind_detail: str | None = Field(description="Agencies only: agency, collective, party organ or vertically "
                                                "managed.", examples=["agency"])  # fmt: skip
    task_count: int | None = Field(description="A notice's tasks; the tasks an agency leads or cooperates on, or "
                                               "that mention a programme (in the whole graph).", examples=[26])  # fmt: skip
    title: str | None = Field(description="Notices and tasks: the title.", examples=["加强组织领导"])


class SubgraphEdge(BaseModel):
    source: str = Field(description="`id` of the node the relationship starts from.", examples=[LINXIA])
    target: str = Field(description="`id` of the node it points to.", examples=["甘政办发〔2021〕70号"])
    type: EdgeType = Field(examples=["IMPLEMENTS"])
    relation: str | None = Field(description="IMPLEMENTS: explicit (cited as its basis) or inferred; CITES: basis "
                                             "or reference.", examples=["explicit"])  # fmt: skip
    basis: str | None = Field(description="LEADS and COOPERATES_ON: how the role was read (explicit, sole, "
                                          "first_listed, respective, standing_clause).", examples=[None])  # fmt: skip
    quote: str | None = Field(description="The attribution or citation as printed.", examples=[None])
    reason: str | None = Field(description="IMPLEMENTS: why this parent (for an inferred edge, the tiers missing).",
                               examples=[None])  # fmt: skip


class Subgraph(BaseModel):
    nodes: list[SubgraphNode] = Field(description="Nearest first; the centre is the first node.")
    edges: list[SubgraphEdge] = Field(description="Every relationship of the six types among the nodes returned.")
    truncated: bool = Field(description="More nodes lie within `depth` than `limit` allowed: ask again with a "
                                        "larger limit to see them.", examples=[False])  # fmt: skip

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "nodes": [
            {"id": LINXIA, "kind": "Document", "label": LINXIA, "hop": 0, "level": "prefectural", "stub": False,
             "kind_detail": None, "task_count": 26,
             "title": "临夏回族自治州人民政府办公室关于印发加快推进临夏州深化医药卫生体制改革2021年重点工作任务的通知"},
            {"id": "甘政办发〔2021〕70号", "kind": "Document", "label": "甘政办发〔2021〕70号", "hop": 1,
             "level": "provincial", "stub": True, "kind_detail": None, "task_count": None,
             "title": "甘肃省人民政府办公厅关于印发甘肃省深化医药卫生体制改革2021年重点工作任务的通知"},
        ],
        "edges": [{"source": LINXIA, "target": "甘政办发〔2021〕70号", "type": "IMPLEMENTS", "relation": "explicit",
                   "basis": None, "quote": None, "reason": "cited as its basis"}],
        "truncated": True,
    }]})  # fmt: skip


@router.get(
    "/subgraph",
    response_model=Subgraph,
    summary="The neighbourhood of a notice, an agency or a programme, as nodes and edges",
    responses={404: {"description": "No node of that kind has that key."}},
)
def subgraph(
    store: StoreDep,
    settings: SettingsDep,
    kind: Annotated[Kind, Query(description="What the key names.", examples=["document"])],
    key: Annotated[
        str,
        Query(
            min_length=1,
            max_length=300,
            description="The centre's key: a notice's 文号 (or region|year|title), an agency's jurisdiction|name, a "
            "programme's name.",
            examples=[LINXIA, XIZANG_HEALTH, DRG],
        ),
    ],
    depth: Annotated[int, Query(ge=1, le=3, description="How far from the centre (hops).", examples=[2])] = 2,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many nodes.", examples=[500])] = 500,
) -> Subgraph:
    """What each kind reaches, hop by hop (a node is placed at its nearest hop):

    - **document**: 1 — its tasks, the notices it cites or that cite it, the notice it implements and those that
      implement it; 2 — the agencies that lead or cooperate on its tasks, the lineage two IMPLEMENTS hops up and
      down; 3 — the lineage three hops up and down (county → prefecture → province → nation).
    - **agency**: 1 — the tasks it leads or cooperates on; 2 — their notices and the co-agencies on the same
      tasks; 3 — the notices those notices implement.
    - **programme**: 1 — the tasks that mention it; 2 — their notices and their lead and cooperating agencies;
      3 — the notices those notices implement.

    Nodes come nearest first (within a hop: notices, then agencies, then tasks in their notice's order), at most
    `limit` of them; `truncated` says more were within reach. Edges are every HAS_TASK, LEADS, COOPERATES_ON,
    MENTIONS, CITES and IMPLEMENTS relationship among the nodes returned.
    """
    found = neighbourhood(store, kind, key, depth, limit, timeout=settings.query_timeout_s)
    return Subgraph.model_validate(found)
