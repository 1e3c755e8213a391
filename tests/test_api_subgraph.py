"""GET /subgraph over real HTTP on both engines, with answers checked by hand against the five seeds."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

LINXIA = "临州办发〔2021〕76号"
GANSU = "甘政办发〔2021〕70号"  # a stub: cited by 临夏州 as its basis
NATIONAL_2021 = "国办发〔2021〕20号"  # a stub from the national registry
SIXIAN = "安徽省宿州市泗县|2021|泗县深化医药卫生体制改革2021年-2022年重点工作任务"
XIZANG = "西藏自治区|2021|西藏自治区深化医药卫生体制改革领导小组关于印发《西藏自治区2021年深化医药卫生体制改革重点工作任务》的通知"
XIZANG_HEALTH = "西藏自治区|西藏自治区卫生健康委员会"
DRG = "DRG/DIP支付方式改革"


def get(api: Any, **params: Any) -> dict[str, Any]:
    answer = api.get("/subgraph", params=params)
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def ids(body: dict[str, Any], kind: str | None = None, hop: int | None = None) -> list[str]:
    return [n["id"] for n in body["nodes"] if (kind is None or n["kind"] == kind) and (hop is None or n["hop"] == hop)]


def edges(body: dict[str, Any], type_: str) -> set[tuple[str, str]]:
    return {(e["source"], e["target"]) for e in body["edges"] if e["type"] == type_}


def assert_closed(body: dict[str, Any]) -> None:
    """Every edge joins two nodes of the answer; no node twice."""
    node_ids = ids(body)
    assert len(node_ids) == len(set(node_ids))
    for edge in body["edges"]:
        assert edge["source"] in node_ids and edge["target"] in node_ids, edge


def test_document_depth_1_is_its_tasks_citations_and_lineage_neighbours(api: Any) -> None:
    body = get(api, kind="document", key=LINXIA, depth=1)
    centre = body["nodes"][0]
    assert centre == {
        "id": LINXIA, "kind": "Document", "label": LINXIA, "hop": 0, "level": "prefectural", "stub": False,
        "kind_detail": None, "task_count": 26,
        "title": "临夏回族自治州人民政府办公室关于印发加快推进临夏州深化医药卫生体制改革2021年重点工作任务的通知",
    }  # fmt: skip
    # It implements 甘肃's notice (explicit), cites it, 国办发〔2021〕20号 and its own 2018 plan; its 26 tasks.
    assert ids(body, "Document", hop=1) == ["临州办发〔2018〕77号", NATIONAL_2021, GANSU]
    assert ids(body, "Task") == [f"{LINXIA}#{i}" for i in range(1, 27)]  # in the notice's order, not "#1, #10, …"
    assert ids(body, "Agency") == []  # agencies are two hops away
    assert len(body["nodes"]) == 30 and body["truncated"] is False
    first_task = body["nodes"][4]
    assert first_task["label"] == "(一)加强组织领导" and first_task["title"] == "加强组织领导"
    assert first_task["level"] == "prefectural" and first_task["task_count"] is None
    gansu = next(n for n in body["nodes"] if n["id"] == GANSU)
    assert gansu["stub"] is True and gansu["level"] == "provincial" and gansu["task_count"] is None

    implements = {(e["source"], e["target"]): e for e in body["edges"] if e["type"] == "IMPLEMENTS"}
    assert set(implements) == {(LINXIA, GANSU), (GANSU, NATIONAL_2021)}
    assert implements[(LINXIA, GANSU)]["relation"] == "explicit"
    assert implements[(LINXIA, GANSU)]["reason"] == "cited as its basis"
    assert implements[(GANSU, NATIONAL_2021)]["relation"] == "inferred"
    cites = {(e["target"], e["relation"]) for e in body["edges"] if e["type"] == "CITES"}
    assert cites == {("临州办发〔2018〕77号", "reference"), (NATIONAL_2021, "basis"), (GANSU, "basis")}
    assert edges(body, "HAS_TASK") == {(LINXIA, f"{LINXIA}#{i}") for i in range(1, 27)}
    assert len(body["edges"]) == 2 + 3 + 26
    assert_closed(body)


def test_document_depth_2_adds_the_agencies_of_its_tasks(api: Any) -> None:
    body = get(api, kind="document", key=LINXIA, depth=2)
    agencies = [n for n in body["nodes"] if n["kind"] == "Agency"]
    assert len(agencies) == 19 and {a["hop"] for a in agencies} == {2}
    assert len(body["nodes"]) == 1 + 3 + 26 + 19
    health = next(a for a in agencies if a["id"] == "甘肃省临夏回族自治州|临夏回族自治州卫生健康委员会")
    assert health["label"] == "临夏回族自治州卫生健康委员会" and health["kind_detail"] == "agency"
    assert health["task_count"] == 24 and health["level"] == "prefectural"
    counties = next(a for a in agencies if a["id"] == "甘肃省临夏回族自治州|临夏回族自治州各县市人民政府")
    assert counties["kind_detail"] == "collective"
    types = Counter(e["type"] for e in body["edges"])
    assert types == {"HAS_TASK": 26, "LEADS": 27, "COOPERATES_ON": 68, "CITES": 3, "IMPLEMENTS": 2}
    lead = next(e for e in body["edges"] if e["type"] == "LEADS" and e["target"] == f"{LINXIA}#1")
    assert lead["basis"] and lead["quote"]
    assert_closed(body)


def test_document_lineage_goes_down_as_well_as_up(api: Any) -> None:
    body = get(api, kind="document", key=NATIONAL_2021, depth=1)
    assert body["nodes"][0]["stub"] is True and body["nodes"][0]["label"] == NATIONAL_2021
    # Children (泗县, 西藏, the 甘肃 stub) and 临夏州, which cites it as a basis; a stub has no tasks.
    assert ids(body, hop=1) == [LINXIA, SIXIAN, GANSU, XIZANG]
    assert edges(body, "IMPLEMENTS") == {(SIXIAN, NATIONAL_2021), (XIZANG, NATIONAL_2021), (GANSU, NATIONAL_2021),
                                         (LINXIA, GANSU)}  # fmt: skip
    assert edges(body, "CITES") == {(LINXIA, NATIONAL_2021), (LINXIA, GANSU)}
    sixian = next(n for n in body["nodes"] if n["id"] == SIXIAN)
    assert sixian["label"] == "泗县深化医药卫生体制改革2021年-2022年重点工作任务"  # no 文号: the title
    assert sixian["level"] == "county" and sixian["task_count"] == 19


def test_document_depth_counts_implements_hops(api: Any) -> None:
    # 甘政办发〔2021〕70号: 国办发〔2021〕20号 one hop up, 临夏州 one hop down; nothing is two hops away.
    one = get(api, kind="document", key=GANSU, depth=1)
    assert ids(one) == [GANSU, LINXIA, NATIONAL_2021]
    three = get(api, kind="document", key=GANSU, depth=3)
    assert ids(three, "Document") == ids(one)
    # 泗县's only parent is 国办发〔2021〕20号; its siblings (西藏, 甘肃) are not its lineage.
    sixian = get(api, kind="document", key=SIXIAN, depth=3)
    assert ids(sixian, "Document") == [
        SIXIAN,
        "《宿州市医保区域点数法总额预算和按病种分值付费国家试点实施方案》",
        NATIONAL_2021,
    ]


def test_agency_tasks_then_documents_and_co_agencies_then_parents(api: Any) -> None:
    one = get(api, kind="agency", key=XIZANG_HEALTH, depth=1)
    assert one["nodes"][0]["label"] == "西藏自治区卫生健康委员会" and one["nodes"][0]["task_count"] == 25
    assert one["nodes"][0]["kind_detail"] == "agency" and one["nodes"][0]["level"] == "provincial"
    assert ids(one, "Task") == [f"{XIZANG}#{i}" for i in range(1, 26)]
    # It both leads and cooperates on tasks #4 and #6: 27 role edges to 25 tasks.
    roles = [e for e in one["edges"] if e["type"] in ("LEADS", "COOPERATES_ON")]
    assert len(roles) == 27 and {e["source"] for e in roles} == {XIZANG_HEALTH}
    both = {e["target"] for e in roles if e["type"] == "LEADS"} & {
        e["target"] for e in roles if e["type"] == "COOPERATES_ON"
    }
    assert both == {f"{XIZANG}#4", f"{XIZANG}#6"}

    two = get(api, kind="agency", key=XIZANG_HEALTH, depth=2)
    assert ids(two, "Document") == [XIZANG]
    co_agencies = ids(two, "Agency", hop=2)
    assert len(co_agencies) == 20 and XIZANG_HEALTH not in co_agencies
    assert "西藏自治区|西藏自治区医疗保障局" in co_agencies and "西藏自治区拉萨市|拉萨市人民政府" in co_agencies
    assert len(two["nodes"]) == 1 + 25 + 1 + 20
    assert len(edges(two, "HAS_TASK")) == 25

    three = get(api, kind="agency", key=XIZANG_HEALTH, depth=3)
    assert ids(three, hop=3) == [NATIONAL_2021]
    assert edges(three, "IMPLEMENTS") == {(XIZANG, NATIONAL_2021)}
    assert_closed(three)


def test_programme_tasks_then_their_documents_and_agencies(api: Any) -> None:
    one = get(api, kind="programme", key=DRG, depth=1)
    assert one["nodes"][0] == {"id": DRG, "kind": "Programme", "label": DRG, "hop": 0, "level": None, "stub": None,
                               "kind_detail": None, "task_count": 4, "title": None}  # fmt: skip
    tasks = [f"{SIXIAN}#14", "晋政办发〔2022〕83号#8", "粤办函〔2024〕267号#10", f"{XIZANG}#18"]
    assert ids(one, "Task") == tasks
    assert edges(one, "MENTIONS") == {(task, DRG) for task in tasks}

    two = get(api, kind="programme", key=DRG)  # depth 2 by default
    assert ids(two, "Document") == [SIXIAN, "晋政办发〔2022〕83号", "粤办函〔2024〕267号", XIZANG]
    assert len(ids(two, "Agency")) == 11
    assert len(two["nodes"]) == 1 + 4 + 4 + 11
    three = get(api, kind="programme", key=DRG, depth=3)
    assert ids(three, hop=3) == [NATIONAL_2021, "国办发〔2022〕14号", "国办发〔2024〕29号"]
    assert_closed(three)


def test_limit_keeps_the_nearest_nodes_and_says_it_truncated(api: Any) -> None:
    body = get(api, kind="document", key=LINXIA, depth=2, limit=10)
    assert len(body["nodes"]) == 10 and body["truncated"] is True
    assert ids(body) == [LINXIA, "临州办发〔2018〕77号", NATIONAL_2021, GANSU] + [f"{LINXIA}#{i}" for i in range(1, 7)]
    assert len(edges(body, "HAS_TASK")) == 6 and not edges(body, "LEADS")
    assert_closed(body)
    # Exactly as many nodes as there are: not truncated; one fewer: truncated.
    assert get(api, kind="document", key=LINXIA, depth=1, limit=30)["truncated"] is False
    assert get(api, kind="document", key=LINXIA, depth=1, limit=29)["truncated"] is True
    assert len(get(api, kind="document", key=LINXIA, depth=1, limit=1)["nodes"]) == 1


@pytest.mark.parametrize(("kind", "key"), [
    ("document", "临州办发〔2099〕1号"),
    ("agency", "西藏自治区|西藏自治区不存在局"),
    ("programme", "no such programme"),
    ("agency", LINXIA),  # a notice's key is no agency's
    ("document", DRG),
])  # fmt: skip
def test_unknown_key_is_404(api: Any, kind: str, key: str) -> None:
    answer = api.get("/subgraph", params={"kind": kind, "key": key})
    assert answer.status_code == 404
    assert key in answer.json()["detail"]


@pytest.mark.parametrize("params", [
    {"kind": "document", "key": LINXIA, "depth": 0},
    {"kind": "document", "key": LINXIA, "depth": 4},
    {"kind": "document", "key": LINXIA, "limit": 0},
    {"kind": "document", "key": LINXIA, "limit": 2001},
    {"kind": "region", "key": "甘肃省"},
    {"kind": "document"},
    {"kind": "document", "key": ""},
    {"kind": "document", "key": "x" * 301},
    {"kind": "programme", "key": "a\x00b"},  # NUL never occurs in a key (FalkorDB would cut the parameter there)
])  # fmt: skip
def test_invalid_parameters_are_422(api: Any, params: dict[str, Any]) -> None:
    answer = api.get("/subgraph", params=params)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["msg"]


@pytest.mark.parametrize("key", ['"', "\\", "'", "\n", "\t", "$key", "}) MATCH (n) DETACH DELETE n //"])
def test_awkward_keys_are_just_unknown(api: Any, key: str) -> None:
    assert api.get("/subgraph", params={"kind": "programme", "key": key}).status_code == 404
