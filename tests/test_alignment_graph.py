"""ALIGNS_WITH in the graph (graph/alignment.py): which notices are paired, the edges written, the incremental
refresh equal to a full one, the inheritance shares (saved question and export columns), on both real engines.

The family below is written for these tests (江西省's 2021 and 2020 notices, 南昌市's and 九江市's implementing the
2021 one, 南昌县's naming no parent). Aligned tasks re-word each other (the same work, another tier's words); the
others are about other work. What aligns, by construction:
- parent: 南昌 (一)→省 (一), 南昌 (二)→省 (二); 九江 (一)→省 (三); 南昌县 (一)→南昌 (一) (its inferred parent);
- no stored sibling edges: 南昌 (三) and 九江 (三) (both 爱国卫生运动, which the province does not ask for) align only
  when the two are compared on request (siblings are not stored: graph/alignment.py says why);
- previous_year: 省 2021 (一)→省 2020 (一) (the same issuer, 江西省人民政府办公厅, its most recent earlier year).
So 南昌 inherits 2 of its 3 tasks and takes up 2 of the province's 4; 九江 1 of 3 and 1 of 4; 南昌县 1 of 2 and 1 of
南昌's 3.
"""

from __future__ import annotations

import copy
import random
from functools import cache
from typing import Any

import pytest

from bench.common import extract_one
from policygraph.analysis.compare import partners
from policygraph.analysis.exports import read_graph
from policygraph.analysis.questions import ask
from policygraph.graph import alignment, corrections
from policygraph.graph.align import THRESHOLD
from policygraph.graph.alignment import all_pairs, previous_year_pairs
from policygraph.graph.export import canonical_export
from policygraph.graph.ingest_files import extract_file
from policygraph.graph.loader import load_records, refresh_derived
from policygraph.graph.rows import document_row
from policygraph.graph.store import GraphStore
from policygraph.ingest.corrections import Correction
from policygraph.ingest.extract import extract_text
from tests.support.paths import SEEDS
from tests.support.synthetic import generate
from tests.test_incremental import GENERATED

Record = dict[str, Any]
NO_FILTER = {"level": None, "region": None, "year_from": None, "year_to": None, "skip": 0, "limit": 100}

PROVINCE_2021 = """赣府厅字〔2021〕31号
江西省人民政府办公厅关于印发江西省深化医药卫生体制改革2021年重点工作任务的通知
各市、县（区）人民政府，省政府各部门：
根据《国务院办公厅关于印发深化医药卫生体制改革2021年重点工作任务的通知》（国办发〔2021〕20号）精神，结合我省实际，制定本任务。
一、重点工作任务
（一）推进紧密型县域医共体建设。在全省县域全面推开医共体建设，实行医保基金总额付费，结余留用、合理超支分担，县乡村三级机构人员统筹使用。（牵头单位：省卫生健康委；配合单位：省医保局、省财政厅）
（二）深化医保支付方式改革。在设区市推行按疾病诊断相关分组付费，探索按病种分值付费，年底前覆盖辖区内所有二级以上定点医院。（牵头单位：省医保局；配合单位：省卫生健康委）
（三）加强公立医院党的建设。全面执行党委领导下的院长负责制，推动公立医院党委书记和院长分设，把党建工作写入医院章程。（省卫生健康委负责）
（四）提升院前急救能力。建设省市县三级急救指挥调度平台，配齐负压救护车，城市地区急救平均反应时间缩短到十二分钟以内。（牵头单位：省卫生健康委；配合单位：省发展改革委）
江西省人民政府办公厅
2021年6月8日
"""
PROVINCE_2020 = """赣府厅字〔2020〕25号
江西省人民政府办公厅关于印发江西省深化医药卫生体制改革2020年重点工作任务的通知
各市、县（区）人民政府，省政府各部门：
根据国家深化医药卫生体制改革部署，结合我省实际，制定本任务。
一、重点工作任务
（一）推进紧密型县域医共体建设。在全省县域推开医共体建设试点，实行医保基金总额付费，结余留用、合理超支分担，县乡村三级机构人员统筹使用。（牵头单位：省卫生健康委；配合单位：省医保局）
（二）做好新冠肺炎疫情常态化防控。落实外防输入内防反弹，扩充核酸检测实验室和发热门诊，储备防护物资。（省卫生健康委负责）
江西省人民政府办公厅
2020年5月20日
"""
NANCHANG = """洪府办发〔2021〕40号
南昌市人民政府办公室关于印发南昌市深化医药卫生体制改革2021年重点工作任务的通知
各县（区）人民政府，市政府各部门：
根据《江西省人民政府办公厅关于印发江西省深化医药卫生体制改革2021年重点工作任务的通知》（赣府厅字〔2021〕31号）精神，结合我市实际，制定本任务。
一、重点工作任务
（一）推进紧密型县域医共体建设。在全市各县全面推开医共体建设，实行医保基金总额付费，结余留用、合理超支分担，县乡村三级机构人员统筹使用。（牵头单位：市卫生健康委；配合单位：市医保局、市财政局）
（二）深化医保支付方式改革。在全市推行按疾病诊断相关分组付费，探索按病种分值付费，年底前覆盖辖区内所有二级以上定点医院。（牵头单位：市医保局；配合单位：市卫生健康委）
（三）深入开展爱国卫生运动。整治农贸市场和背街小巷环境卫生，开展病媒生物防制，巩固国家卫生城市创建成果。（牵头单位：市卫生健康委；配合单位：市城管局）
南昌市人民政府办公室
2021年7月2日
"""
JIUJIANG = """九府办字〔2021〕33号
九江市人民政府办公室关于印发九江市深化医药卫生体制改革2021年重点工作任务的通知
各县（市、区）人民政府，市政府各部门：
根据《江西省人民政府办公厅关于印发江西省深化医药卫生体制改革2021年重点工作任务的通知》（赣府厅字〔2021〕31号）精神，结合我市实际，制定本任务。
一、重点工作任务
（一）加强公立医院党的建设。全面执行党委领导下的院长负责制，推动市县公立医院党委书记和院长分设，把党建工作写入医院章程。（市卫生健康委负责）
（二）推动中医药传承创新。建设市级中医医疗中心，每个乡镇卫生院设置中医馆，推广中医适宜技术二十项。（牵头单位：市卫生健康委；配合单位：市财政局）
（三）深入开展爱国卫生运动。整治农贸市场、背街小巷环境卫生，开展病媒生物防制，巩固国家卫生城市创建成果。（牵头单位：市卫生健康委；配合单位：市城市管理局）
九江市人民政府办公室
2021年7月9日
"""
COUNTY = """南昌县深化医药卫生体制改革2021年重点工作任务
按照国家、省、市2021年深化医药卫生体制改革重点工作部署，结合实际，制定本任务。
一、重点工作任务
（一）推进紧密型县域医共体建设。在全县全面推开医共体建设，实行医保基金总额付费，结余留用、合理超支分担，县乡村三级机构人员统筹使用。（牵头单位：县卫生健康委；配合单位：县医保局）
（二）建设智慧医院。推进县人民医院电子病历系统应用水平分级评价达到四级，开通预约挂号和移动支付。（县卫生健康委负责）
"""

PROVINCE, PREVIOUS = "赣府厅字〔2021〕31号", "赣府厅字〔2020〕25号"
NANCHANG_KEY, JIUJIANG_KEY = "洪府办发〔2021〕40号", "九府办字〔2021〕33号"
COUNTY_KEY = "江西省南昌市南昌县|2021|南昌县深化医药卫生体制改革2021年重点工作任务"
TEXTS = {"province": PROVINCE_2021, "previous": PROVINCE_2020, "nanchang": NANCHANG, "jiujiang": JIUJIANG,
         "county": COUNTY}  # fmt: skip
EXPECTED = {
    (f"{NANCHANG_KEY}#1", f"{PROVINCE}#1", "parent"),
    (f"{NANCHANG_KEY}#2", f"{PROVINCE}#2", "parent"),
    (f"{JIUJIANG_KEY}#1", f"{PROVINCE}#3", "parent"),
    (f"{COUNTY_KEY}#1", f"{NANCHANG_KEY}#1", "parent"),
    (f"{PROVINCE}#1", f"{PREVIOUS}#1", "previous_year"),
}


@cache
def _extracted(name: str) -> Record:
    return extract_text(TEXTS[name], f"{name}.txt").to_json()


def record(name: str) -> Record:
    """A fresh copy of the family member's extraction record."""
    return copy.deepcopy(_extracted(name))


def family() -> list[Record]:
    return [record(name) for name in TEXTS]


def alignments(store: GraphStore) -> set[tuple[str, str, str]]:
    rows = store.read("MATCH (a:Task)-[r:ALIGNS_WITH]->(b:Task) RETURN a.key AS a, b.key AS b, r.kind AS kind")
    return {(r["a"], r["b"], r["kind"]) for r in rows}


def shares(store: GraphStore) -> dict[str, tuple[float, float]]:
    graph = read_graph(store)
    return {node: (round(data["inherited_share"], 4), round(data["taken_up_share"], 4))
            for node, data in graph.nodes(data=True) if "inherited_share" in data}  # fmt: skip


# --- the pairs, without an engine --------------------------------------------------------------------------------


def test_previous_year_is_the_latest_notice_of_the_most_recent_earlier_year_of_the_same_issuer() -> None:
    def notice(key: str, year: int, issuers: list[str], region: str = "江西省", level: str = "provincial",
               date: str | None = None) -> Any:  # fmt: skip
        return {"key": key, "year": year, "date": date, "issuers": issuers, "region": region, "level": level}

    office, commission = ["江西省|江西省人民政府办公厅"], ["江西省|江西省卫生健康委员会"]
    insurance = ["江西省|江西省医疗保障局"]
    notices = [
        notice("a2018", 2018, office), notice("a2020", 2020, office),  # 2019 missing: 2020 → 2018
        notice("a2021", 2021, office), notice("b2021", 2021, office),  # two of one year: each → 2020
        notice("c2021", 2021, commission), notice("c2020", 2020, commission),  # another issuer
        notice("d2021", 2021, office, region="江西省南昌市"),  # same organ key never happens; another region
        notice("e2021", 2021, office, level="department"), notice("e2019", 2019, office, level="department"),
        notice("f2021", 2021, []),  # no issuing organ: never paired
        # Three of 2020 and two of 2021: each of 2021 → the latest dated of 2020 (undated last), no cross product.
        notice("g2020-early", 2020, insurance, date="2020-03-01"), notice("g2020-late", 2020, insurance,
        date="2020-09-30"), notice("g2020-undated", 2020, insurance),
        notice("g2021", 2021, insurance, date="2021-05-01"), notice("h2021", 2021, insurance),
        # Undated alike: the smallest key.
        notice("k2020-b", 2020, ["江西省|江西省财政厅"]), notice("k2020-a", 2020, ["江西省|江西省财政厅"]),
        notice("k2021", 2021, ["江西省|江西省财政厅"]),
    ]  # fmt: skip
    assert previous_year_pairs(notices) == {
        ("a2020", "a2018", "previous_year"), ("a2021", "a2020", "previous_year"), ("b2021", "a2020", "previous_year"),
        ("c2021", "c2020", "previous_year"), ("e2021", "e2019", "previous_year"),
        ("g2021", "g2020-late", "previous_year"), ("h2021", "g2020-late", "previous_year"),
        ("k2021", "k2020-a", "previous_year"),
    }  # fmt: skip


# --- the family on both engines ----------------------------------------------------------------------------------


def test_the_family_aligns_as_constructed(store: GraphStore) -> None:
    load_records(store, family())
    assert alignments(store) == EXPECTED
    scores = [row["score"] for row in store.read("MATCH ()-[r:ALIGNS_WITH]->() RETURN r.score AS score")]
    assert all(THRESHOLD <= score <= 1 for score in scores)
    refresh_derived(store)  # the full refresh writes the very same edges
    assert alignments(store) == EXPECTED


def test_the_inheritance_shares_are_known_exactly(store: GraphStore) -> None:
    load_records(store, family())
    assert shares(store) == {NANCHANG_KEY: (0.6667, 0.5), JIUJIANG_KEY: (0.3333, 0.25), COUNTY_KEY: (0.5, 0.3333)}
    rows = ask(store, "alignment_inheritance_shares", {"region": "江西"}).rows
    assert [(r["level"], r["region"], r["year"], r["notices"], r["compared"], r["inherited_share"],
             r["taken_up_share"]) for r in rows] == [
        ("provincial", "江西省", 2021, 1, 0, None, None),  # its parent is the national registry's stub
        ("prefectural", "江西省九江市", 2021, 1, 1, 0.3333, 0.25),
        ("prefectural", "江西省南昌市", 2021, 1, 1, 0.6667, 0.5),
        ("county", "江西省南昌市南昌县", 2021, 1, 1, 0.5, 0.3333),
    ]  # fmt: skip
    (pooled,) = ask(store, "alignment_inheritance_shares", {"level": "prefectural", "region": "江西省九江市"}).rows
    assert pooled["notices"] == 1 and pooled["inherited_share"] == 0.3333
    assert ask(store, "alignment_inheritance_shares", {"year_from": 2022}).rows == []


def test_a_replaced_notice_and_a_new_parent_rewrite_only_what_changed(store: GraphStore) -> None:
    """南昌县 first implements the province (nearest higher tier); 南昌's notice arrives and becomes its parent; then
    南昌's notice comes again without its (二): the province keeps 南昌 (一) only."""
    load_records(store, [record("province"), record("county"), record("jiujiang")])
    assert (f"{COUNTY_KEY}#1", f"{PROVINCE}#1", "parent") in alignments(store)
    load_records(store, [record("nanchang")])
    assert (f"{COUNTY_KEY}#1", f"{NANCHANG_KEY}#1", "parent") in alignments(store)
    assert not any(a.startswith(COUNTY_KEY) and b.startswith(PROVINCE) for a, b, _ in alignments(store))
    shorter = record("nanchang")
    shorter["tasks"] = [shorter["tasks"][0], shorter["tasks"][2]]
    shorter["sha256"] = "shorter"
    load_records(store, [shorter])
    edges = alignments(store)
    assert (f"{NANCHANG_KEY}#1", f"{PROVINCE}#1", "parent") in edges
    assert not any(b == f"{PROVINCE}#2" for _, b, _ in edges)
    incremental = canonical_export(store)
    refresh_derived(store)
    assert canonical_export(store) == incremental


def test_an_analysts_parent_moves_the_alignments_with_it(store: GraphStore) -> None:
    """An analyst makes 九江's notice 南昌县's parent: 南昌县 loses its parent edge to 南昌 (nothing of 九江's is its
    work), and the edges are those a whole alignment of the corrected graph gives."""
    load_records(store, family())
    moved = Correction(COUNTY_KEY, "测试：改挂九江", "2026-12-01", fields={"parent": JIUJIANG_KEY})
    assert corrections.apply(store, [moved]).applied == [moved]
    assert alignments(store) == EXPECTED - {(f"{COUNTY_KEY}#1", f"{NANCHANG_KEY}#1", "parent")}
    alignment.refresh(store)
    assert alignments(store) == EXPECTED - {(f"{COUNTY_KEY}#1", f"{NANCHANG_KEY}#1", "parent")}


@pytest.mark.parametrize("seed", (1, 2))
def test_incremental_alignment_equals_a_full_one(store: GraphStore, seed: int) -> None:
    """The family and a replaced 南昌 loaded in random orders and batches, each load refreshing incrementally, give
    the graph a full refresh of the final versions gives; every kind of edge is there, or equality proves little."""
    rng = random.Random(seed)
    shorter = record("nanchang")
    shorter["tasks"], shorter["sha256"] = shorter["tasks"][:1], "shorter"
    order = rng.sample([*family(), shorter], 6)
    for start in range(0, len(order), 2):
        for item in order[start : start + 2]:
            load_records(store, [item])
    incremental = canonical_export(store)
    kinds = {kind for _, _, kind in alignments(store)}
    assert kinds == {"parent", "previous_year"}
    last = {document_row(item)["key"]: item for item in order}
    store.clear()
    load_records(store, list(last.values()))
    refresh_derived(store)
    assert canonical_export(store) == incremental


def test_the_seeds_store_no_alignment(seeded_store: GraphStore) -> None:
    """On the seeds every parent is a stub (no tasks) and no issuer has two years: nothing is aligned in the graph.
    泗县 and 西藏, siblings under 国办发〔2021〕20号, are aligned on request (tests/test_compare.py)."""
    assert all_pairs(seeded_store) == set()
    assert alignments(seeded_store) == set()


def test_the_incremental_tests_corpus_aligns_every_kind(store: GraphStore) -> None:
    """tests/test_incremental.py's equality of incremental and full refreshes covers alignment only if its corpus
    (the seeds and its generated notices: their tasks share the generator's sentences) has edges of every kind."""
    seeds = [extract_file(path) for path in sorted(SEEDS.glob("*.txt"))]
    load_records(store, [*seeds, *(extract_one((name, text)) for name, text, _ in generate(GENERATED, seed=11))])
    rows = store.read("MATCH ()-[r:ALIGNS_WITH]->() RETURN r.kind AS kind, count(*) AS edges")
    counted = {row["kind"]: row["edges"] for row in rows}
    assert set(counted) == {"parent", "previous_year"} and min(counted.values()) > 0, counted
    # One rule for "previous year": the comparison names, for every notice, the very notice the stored pairs hold.
    stored = {later: earlier for later, earlier, kind in all_pairs(store) if kind == "previous_year"}
    keys = [row["key"] for row in store.read("MATCH (d:Document) WHERE d.task_count > 0 RETURN d.key AS key")]
    named = {key: found["key"] for key in keys if (found := partners(store, key)["previous_year"])}
    assert named == stored and stored
