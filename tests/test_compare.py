"""The comparison of two notices (analysis/compare.py), on both real engines: a constructed national parent and its
provincial child (texts written for these tests, loaded through the real pipeline) give exactly the drops,
additions, lead changes and moved deadlines written into them; the same issuer's next year carries a deadline
forward; refusals say why; the seeds' three 2021 local notices compare pairwise; `policygraph compare` prints it."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from policygraph.analysis.compare import STUB, compare, partners
from policygraph.analysis.compare_changes import deadline_change, family, lead_change, programme_change, target_changes
from policygraph.core.errors import BadInput, InvalidParameter, NotFound
from policygraph.graph.falkordb_store import FalkorDBStore
from policygraph.graph.ingest_files import ingest_paths
from policygraph.graph.neo4j_store import Neo4jStore
from policygraph.graph.store import GraphStore
from tests.support.cli import run_cli
from tests.support.engines import ENGINES, NEO4J_PASSWORD, cli_settings
from tests.support.paths import SEEDS

GRAPH = "compare"
PARENT_KEY = "国办发〔2023〕31号"
CHILD_KEY = "赣府厅发〔2023〕40号"
NEXT_KEY = "赣府厅发〔2024〕12号"
LINXIA = "临州办发〔2021〕76号"
SIXIAN = "安徽省宿州市泗县|2021|泗县深化医药卫生体制改革2021年-2022年重点工作任务"
XIZANG = "西藏自治区|2021|西藏自治区深化医药卫生体制改革领导小组关于印发《西藏自治区2021年深化医药卫生体制改革重点工作任务》的通知"

# A national notice: six tasks. The child takes up (一)–(五) and drops (六).
PARENT = """国务院办公厅关于印发深化医药卫生体制改革2023年下半年重点工作任务的通知
国办发〔2023〕31号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
    现将有关工作任务印发给你们，请结合实际认真贯彻落实。
    一、促进优质医疗资源下沉
    （一）推进紧密型县域医共体建设。以县为单位整合县乡村三级医疗卫生资源，统一管理人员、资金和药品耗材，推动医共体内检查检验结果互认，2023年底前各省份实现县域医共体全面铺开。（牵头单位：国家卫生健康委；配合单位：国家医保局、财政部）
    （二）深化医保支付方式改革。按病组和病种分值付费改革覆盖所有统筹地区，病种覆盖率达到90%以上，完善特例单议和结余留用机制。（牵头单位：国家医保局；配合单位：国家卫生健康委）
    二、推动公立医院高质量发展
    （三）加强公立医院绩效考核。完善三级和二级公立医院绩效考核指标体系，考核结果与财政补助、医保支付和院长薪酬挂钩，2023年10月底前公布年度考核结果。（牵头单位：国家卫生健康委；配合单位：人力资源社会保障部）
    （四）常态化开展药品耗材集中带量采购。扩大国家组织集采覆盖面，落实中选药品和耗材的进院使用与结余留用，做好集采协议期满接续。（牵头单位：国家医保局；配合单位：工业和信息化部）
    （五）加强乡村医生队伍建设。落实乡村医生待遇保障和养老政策，推动大学生乡村医生专项计划，新增培养乡村医生不少于5000名。（牵头单位：国家卫生健康委；配合单位：教育部）
    三、统筹健康促进工作
    （六）深入开展爱国卫生运动。推进城乡环境卫生综合整治，倡导文明健康绿色环保的生活方式，巩固国家卫生城镇创建成果。（牵头单位：国家卫生健康委；配合单位：生态环境部）

国务院办公厅
2023年7月20日
"""

# Its provincial child, citing it as its basis: (一) deadline earlier, 财政部 gone; (二) coverage 90% → 95%;
# (三) lead 卫健委 → 医保局, deadline later; (四) 药监局 joins; (五) as it was, a tier down; (六) is new.
CHILD = """江西省人民政府办公厅关于印发江西省深化医药卫生体制改革2023年下半年重点工作任务的通知
赣府厅发〔2023〕40号

各市、县（区）人民政府，省政府各部门：
    根据《国务院办公厅关于印发深化医药卫生体制改革2023年下半年重点工作任务的通知》（国办发〔2023〕31号）精神，结合我省实际，现将有关工作任务印发给你们，请认真贯彻执行。
    一、促进优质医疗资源下沉
    （一）推进紧密型县域医共体建设。以县为单位整合县乡村三级医疗卫生资源，统一管理人员、资金和药品耗材，推动医共体内检查检验结果互认，2023年9月底前全省实现县域医共体全面铺开。（牵头单位：省卫生健康委；配合单位：省医保局）
    （二）深化医保支付方式改革。按病组和病种分值付费改革覆盖全省所有统筹地区，病种覆盖率达到95%以上，完善特例单议和结余留用机制。（牵头单位：省医保局；配合单位：省卫生健康委）
    二、推动公立医院高质量发展
    （三）加强公立医院绩效考核。完善全省三级和二级公立医院绩效考核指标体系，考核结果与财政补助、医保支付和院长薪酬挂钩，2023年12月底前公布年度考核结果。（牵头单位：省医保局；配合单位：省人力资源社会保障厅）
    （四）常态化开展药品耗材集中带量采购。扩大集采覆盖面，落实中选药品和耗材的进院使用与结余留用，做好集采协议期满接续。（牵头单位：省医保局；配合单位：省工业和信息化厅、省药监局）
    （五）加强乡村医生队伍建设。落实乡村医生待遇保障和养老政策，推动大学生乡村医生专项计划，新增培养乡村医生不少于5000名。（牵头单位：省卫生健康委；配合单位：省教育厅）
    三、推进数字健康建设
    （六）建设全省全民健康信息平台。打通省市县三级健康信息平台，推广电子健康档案在线查询和互联网医院诊疗服务，实现二级以上医院接入率100%。（牵头单位：省卫生健康委；配合单位：省数据局）

江西省人民政府办公厅
2023年8月15日
"""

# The same issuer a year later: (一) due a year later (the same deadline carried forward), (二) as it was, (三) new.
# It cites no parent: its inferred parent is the registry's 2024 national notice, a stub.
NEXT_YEAR = """江西省人民政府办公厅关于印发江西省深化医药卫生体制改革2024年重点工作任务的通知
赣府厅发〔2024〕12号

各市、县（区）人民政府，省政府各部门：
    现将有关工作任务印发给你们，请认真贯彻执行。
    一、促进优质医疗资源下沉
    （一）推进紧密型县域医共体建设。以县为单位整合县乡村三级医疗卫生资源，统一管理人员、资金和药品耗材，推动医共体内检查检验结果互认，2024年9月底前全省实现县域医共体全面铺开。（牵头单位：省卫生健康委；配合单位：省医保局）
    （二）深化医保支付方式改革。按病组和病种分值付费改革覆盖全省所有统筹地区，病种覆盖率达到95%以上，完善特例单议和结余留用机制。（牵头单位：省医保局；配合单位：省卫生健康委）
    二、促进中医药振兴发展
    （三）推进中医药传承创新。建设省级中医药传承创新中心，开展名老中医药专家学术经验继承工作，扩大中医药特色服务供给。（牵头单位：省中医药局；配合单位：省发展改革委）

江西省人民政府办公厅
2024年3月1日
"""


def write_notices(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (("parent.txt", PARENT), ("child.txt", CHILD), ("next.txt", NEXT_YEAR)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def open_engine(engine: str, request: pytest.FixtureRequest) -> GraphStore:
    if engine == "neo4j":
        return Neo4jStore(request.getfixturevalue("neo4j_uri"), "neo4j", NEO4J_PASSWORD)
    return FalkorDBStore(request.getfixturevalue("falkordb_url"), graph=GRAPH)


@pytest.fixture(scope="module", params=ENGINES)
def compared(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    """The seeds and the three constructed notices, loaded through the real pipeline on each engine."""
    store = open_engine(request.param, request)
    store.apply_schema()
    store.clear()
    ingest_paths(store, [SEEDS, write_notices(tmp_path_factory.mktemp("compare-notices"))])
    yield store
    store.close()


def by_ordinal(result: dict[str, Any], read: Any) -> dict[int, Any]:
    """A value read from each aligned pair, by the notice's task's position."""
    return {pair["task"]["ordinal"]: read(pair) for pair in result["inherited"]}


def test_a_child_against_its_parent_gives_exactly_the_changes_written_into_it(compared: GraphStore) -> None:
    result = compare(compared, CHILD_KEY)
    assert (result["other"]["key"], result["relation"]) == (PARENT_KEY, "parent")
    assert result["chosen"] == "its parent (explicit: cited as its basis)"
    pairs = [(p["task"]["key"], p["other"]["key"]) for p in result["inherited"]]
    assert pairs == [(f"{CHILD_KEY}#{i}", f"{PARENT_KEY}#{i}") for i in range(1, 6)]
    assert [t["key"] for t in result["added"]] == [f"{CHILD_KEY}#6"]
    assert [t["key"] for t in result["dropped"]] == [f"{PARENT_KEY}#6"]

    leads = by_ordinal(result, lambda p: p["changes"]["lead"]["status"])
    assert leads == {1: "lower_tier", 2: "lower_tier", 3: "changed", 4: "lower_tier", 5: "lower_tier"}
    moved_lead = result["inherited"][2]["changes"]["lead"]
    assert (moved_lead["before"], moved_lead["after"]) == (["国家卫生健康委员会"], ["江西省医疗保障局"])
    assert (moved_lead["functions_removed"], moved_lead["functions_added"], moved_lead["label"]) == (
        ["卫生健康"], ["医疗保障"], "牵头变化")  # fmt: skip
    assert result["inherited"][0]["changes"]["lead"]["label"] == "同职能·下级"

    deadlines = by_ordinal(result, lambda p: p["changes"]["deadline"]["change"])
    assert deadlines == {1: "tightened", 2: "none", 3: "loosened", 4: "none", 5: "none"}
    first = result["inherited"][0]["changes"]["deadline"]
    assert (first["before"]["date"], first["after"]["date"]) == ("2023-12-31", "2023-09-30")

    cooperating = by_ordinal(
        result, lambda p: (p["changes"]["cooperating"]["added"], p["changes"]["cooperating"]["removed"])
    )
    assert cooperating == {
        1: ([], ["财政部"]),
        2: ([], []),
        3: ([], []),
        4: (["江西省药品监督管理局"], []),
        5: ([], []),
    }
    targets = by_ordinal(result, lambda p: [(t["kind"], t["change"]) for t in p["changes"]["targets"]])
    assert targets == {1: [("deadline", "tightened")], 2: [("coverage", "tightened")], 3: [("deadline", "loosened")],
                       4: [], 5: [("count", "same")]}  # fmt: skip
    assert not any(p["changes"]["programmes"]["changed"] for p in result["inherited"])
    assert by_ordinal(result, lambda p: p["changes"]["any"]) == {1: True, 2: True, 3: True, 4: True, 5: False}

    assert result["shares"] == {"inherited": 0.8333, "taken_up": 0.8333, "tasks": 6, "tasks_inherited": 5,
                                "other_tasks": 6, "other_tasks_taken_up": 5}  # fmt: skip
    counts = result["counts"]
    assert (counts["pairs"], counts["added"], counts["dropped"], counts["lead_changed"], counts["lead_other_tier"]) == (
        5, 1, 1, 1, 4)  # fmt: skip
    assert (counts["deadline_tightened"], counts["deadline_loosened"], counts["deadline_moved"]) == (1, 1, 0)
    assert (counts["cooperating_changed"], counts["targets_tightened"], counts["changed_pairs"]) == (2, 2, 4)


def test_the_parent_against_its_child_reads_the_other_way(compared: GraphStore) -> None:
    result = compare(compared, PARENT_KEY, CHILD_KEY)
    assert result["relation"] == "other"  # a child is not among a notice's partners
    assert [t["key"] for t in result["added"]] == [f"{PARENT_KEY}#6"]
    assert [t["key"] for t in result["dropped"]] == [f"{CHILD_KEY}#6"]
    leads = by_ordinal(result, lambda p: p["changes"]["lead"]["status"])
    assert leads == {1: "higher_tier", 2: "higher_tier", 3: "changed", 4: "higher_tier", 5: "higher_tier"}
    assert by_ordinal(result, lambda p: p["changes"]["deadline"]["change"])[1] == "loosened"


def test_the_next_year_carries_a_deadline_forward(compared: GraphStore) -> None:
    found = partners(compared, NEXT_KEY)
    assert found["previous_year"] is not None and found["previous_year"]["key"] == CHILD_KEY
    assert [p["stub"] for p in found["parents"]] == [True]
    with pytest.raises(BadInput, match=rf"^its parent {found['parents'][0]['key']} is a stub: {STUB}; give with=KEY"):
        compare(compared, NEXT_KEY)

    result = compare(compared, NEXT_KEY, CHILD_KEY)
    assert result["relation"] == "previous_year" and result["chosen"] is None
    assert [(p["task"]["ordinal"], p["other"]["ordinal"]) for p in result["inherited"]] == [(1, 1), (2, 2)]
    first = result["inherited"][0]["changes"]
    assert first["deadline"]["change"] == "moved" and first["deadline"]["label"] == "顺延"
    assert [(t["kind"], t["change"]) for t in first["targets"]] == [("deadline", "moved")]
    assert first["lead"]["status"] == "same" and first["any"] is False
    assert [t["title"] for t in result["added"]] == ["推进中医药传承创新"]
    assert result["shares"]["taken_up"] == 0.3333 and result["counts"]["deadline_moved"] == 1


def test_refusals_say_why(compared: GraphStore) -> None:
    with pytest.raises(InvalidParameter, match="cannot be compared with itself") as itself:
        compare(compared, CHILD_KEY, CHILD_KEY)
    assert itself.value.parameter == "with"
    with pytest.raises(NotFound, match="no notice has the key 'nothing'"):
        compare(compared, "nothing")
    with pytest.raises(NotFound, match="no notice has the key 'nothing'") as other:
        compare(compared, CHILD_KEY, "nothing")
    assert other.value.parameter == "with"
    with pytest.raises(BadInput, match=rf"^国办发〔2021〕20号 is a stub: {STUB}$"):
        compare(compared, SIXIAN, "国办发〔2021〕20号")
    with pytest.raises(BadInput, match=rf"^国办发〔2021〕20号 is a stub: {STUB}$"):
        compare(compared, "国办发〔2021〕20号", SIXIAN)
    with pytest.raises(BadInput, match=rf"^{PARENT_KEY} has no parent notice; give with=KEY"):
        compare(compared, PARENT_KEY)


SAME_TITLES = ("深化医疗服务价格改革", "创新医防协同机制", "严格监督管理", "改善群众服务体验", "增强药品供应保障能力",
               "推动优质医疗资源扩容和均衡布局", "推动公立医院高质量发展")  # fmt: skip


def test_the_seeds_2021_local_notices_compare_pairwise(compared: GraphStore) -> None:
    assert [s["key"] for s in partners(compared, SIXIAN)["siblings"]] == [XIZANG]  # both implement 国办发〔2021〕20号
    assert partners(compared, LINXIA)["siblings"] == []  # its parent is the stub 甘政办发〔2021〕70号
    for a, b in ((LINXIA, XIZANG), (LINXIA, SIXIAN), (SIXIAN, XIZANG)):
        result = compare(compared, a, b)
        shares, pairs = result["shares"], result["inherited"]
        print(f"{a[:12]} vs {b[:12]}: {len(pairs)} pairs, inherited {shares['inherited']}, taken up "
              f"{shares['taken_up']}, {[(p['task']['title'], p['other']['title'], p['score']) for p in pairs]}")  # fmt: skip
        assert result["relation"] == ("sibling" if (a, b) == (SIXIAN, XIZANG) else "other")
        assert (
            shares["tasks_inherited"] + result["counts"]["added"] == shares["tasks"] == result["notice"]["task_count"]
        )
        assert shares["other_tasks_taken_up"] + result["counts"]["dropped"] == shares["other_tasks"]
        assert 0 <= shares["inherited"] <= 1 and 0 <= shares["taken_up"] <= 1
        assert result["counts"]["added"] + result["counts"]["dropped"] > 0  # three regions' own programmes, not copies
        assert all(p["task"]["key"].startswith(a + "#") and p["other"]["key"].startswith(b + "#") for p in pairs)
        # Agencies of two regions: a lead is never "same" (that needs the same jurisdiction).
        assert all(p["changes"]["lead"]["status"] != "same" for p in pairs)
    linxia_xizang = compare(compared, LINXIA, XIZANG)
    facing = {(p["task"]["title"], p["other"]["title"]) for p in linxia_xizang["inherited"]}
    same_titles = [title for title in SAME_TITLES if (title, title) in facing]
    assert len(same_titles) >= 3, same_titles  # tasks both name alike are found facing each other
    # 临夏's leads are prefectural, 西藏's provincial: the same function is always a tier down, never up.
    statuses = {p["changes"]["lead"]["status"] for p in linxia_xizang["inherited"]}
    assert "lower_tier" in statuses and "higher_tier" not in statuses


def test_cli_prints_the_comparison_as_table_json_and_csv(
    compared: GraphStore, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    settings = cli_settings(compared.engine, request, tmp_path / "data", graph=GRAPH)
    table = run_cli("compare", CHILD_KEY, settings=settings)
    assert table.returncode == 0, table.stderr
    assert "继承 5/6 (83%)" in table.stdout and "新增 1 · 删除 1 · 牵头变化 1" in table.stdout
    assert "同职能·下级" in table.stdout and "牵头变化" in table.stdout and "收紧" in table.stdout

    as_json = run_cli("compare", CHILD_KEY, PARENT_KEY, "--format", "json", settings=settings)
    assert as_json.returncode == 0 and json.loads(as_json.stdout) == compare(compared, CHILD_KEY, PARENT_KEY)

    as_csv = run_cli("compare", CHILD_KEY, "-f", "csv", settings=settings)
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [r["category"] for r in rows] == ["inherited"] * 5 + ["added", "dropped"]
    assert rows[2]["lead_change"] == "changed" and rows[2]["lead_after"] == "江西省医疗保障局"
    assert (rows[0]["deadline_change"], rows[0]["cooperating_removed"]) == ("tightened", "财政部")
    assert (rows[5]["task_key"], rows[6]["other_key"]) == (f"{CHILD_KEY}#6", f"{PARENT_KEY}#6")

    for args, message in (((CHILD_KEY, CHILD_KEY), "cannot be compared with itself"),
                          (("nothing",), "no notice has the key 'nothing'"),
                          ((SIXIAN, "国办发〔2021〕20号"), STUB), ((CHILD_KEY, "-f", "xml"), "--format is table")):  # fmt: skip
        refused = run_cli("compare", *args, settings=settings)
        assert refused.returncode != 0 and refused.stdout == ""
        assert refused.stderr.count("\n") == 1 and message in refused.stderr, refused.stderr


# --- the rules of analysis/compare_changes.py on their own (no database) ---------------------------------------------


def agency(name: str, function: str, jurisdiction: str | None, level: str) -> dict[str, Any]:
    return {"key": f"{jurisdiction or ''}|{name}", "name": name, "function": function, "jurisdiction": jurisdiction,
            "level": level, "kind": "agency"}  # fmt: skip


NATIONAL_HEALTH = agency("国家卫生健康委员会", "国家卫生健康委员会", None, "national")
JIANGXI_HEALTH = agency("江西省卫生健康委员会", "卫生健康委员会", "江西省", "provincial")
HUNAN_HEALTH = agency("湖南省卫生健康委员会", "卫生健康委员会", "湖南省", "provincial")
COUNTY_HEALTH = agency("泗县卫生健康局", "卫生健康局", "安徽省宿州市泗县", "county")
JIANGXI_INSURANCE = agency("江西省医疗保障局", "医疗保障局", "江西省", "provincial")


def test_agencies_compare_by_function_family_across_tiers() -> None:
    assert {family(a) for a in (NATIONAL_HEALTH, JIANGXI_HEALTH, COUNTY_HEALTH)} == {"卫生健康"}
    assert family(agency("财政部", "财政部", None, "national")) == family(
        agency("江西省财政厅", "财政厅", "江西省", "provincial")
    )
    assert family(JIANGXI_INSURANCE) == "医疗保障" != family(JIANGXI_HEALTH)
    cases = {
        "lower_tier": ([JIANGXI_HEALTH], [NATIONAL_HEALTH]), "higher_tier": ([JIANGXI_HEALTH], [COUNTY_HEALTH]),
        "other_region": ([HUNAN_HEALTH], [JIANGXI_HEALTH]), "same": ([JIANGXI_HEALTH], [JIANGXI_HEALTH]),
        "changed": ([JIANGXI_INSURANCE], [JIANGXI_HEALTH]), "added": ([JIANGXI_HEALTH], []),
        "removed": ([], [JIANGXI_HEALTH]), "none": ([], []),
    }  # fmt: skip
    assert {status: lead_change(a, b)["status"] for status, (a, b) in cases.items()} == {s: s for s in cases}
    both = lead_change([JIANGXI_HEALTH, JIANGXI_INSURANCE], [JIANGXI_HEALTH])
    assert (both["status"], both["functions_added"], both["functions_removed"]) == ("changed", ["医疗保障"], [])


def deadline(date: str | None, kind: str = "by_date") -> dict[str, Any]:
    return {"as_written": date, "date": date, "kind": kind if date or kind == "ongoing" else "none"}


def test_deadlines_and_targets_tighten_loosen_move_and_come_and_go() -> None:
    def change(a: dict[str, Any], b: dict[str, Any], shift: int = 0) -> str:
        return str(deadline_change(a, b, shift)["change"])

    assert change(deadline("2023-09-30"), deadline("2023-12-31")) == "tightened"
    assert change(deadline("2024-06-30"), deadline("2023-12-31")) == "loosened"
    assert change(deadline("2024-12-31"), deadline("2023-12-31"), shift=1) == "moved"  # the next year's 年底前
    assert change(deadline("2024-09-30"), deadline("2023-12-31"), shift=1) == "tightened"
    assert change(deadline("2024-02-29"), deadline("2023-02-28"), shift=1) == "moved"  # 2月底前, a leap year later
    assert change(deadline("2025-02-28"), deadline("2024-02-29"), shift=1) == "moved"
    assert change(deadline("2024-02-28"), deadline("2023-02-28"), shift=1) == "tightened"  # a day before the month end
    assert change(deadline("2023-12-31"), deadline(None)) == "added"
    assert change(deadline(None), deadline("2023-12-31")) == "removed"
    assert change(deadline(None, "ongoing"), deadline("2023-12-31")) == "changed"
    assert change(deadline(None, "ongoing"), deadline(None, "ongoing")) == "same"
    assert change(deadline(None), deadline(None)) == "none"

    def target(kind: str, value: object) -> dict[str, Any]:
        return {"text": str(value), "kind": kind, "value": value}

    found = target_changes([target("percent", 95.0), target("count", 300.0), target("deadline", "2025")],
                           [target("percent", 90.0), target("count", 500.0), target("coverage", 100.0),
                            target("deadline", "2025-06")], shift=0)  # fmt: skip
    assert [(t["kind"], t["change"]) for t in found] == [
        ("count", "loosened"), ("coverage", "removed"), ("deadline", "loosened"), ("percent", "tightened")]  # fmt: skip
    assert programme_change(["三明医改经验", "医联体"], ["医联体", "DRG/DIP支付方式改革"]) == {
        "changed": True, "added": ["三明医改经验"], "removed": ["DRG/DIP支付方式改革"]}  # fmt: skip
