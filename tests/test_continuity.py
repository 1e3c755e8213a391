"""Agency continuity: SUCCEEDED_BY edges from graph/data/agency_renamings.csv, on both engines; the rolled-up series
in the agency profile (API and explorer page).

Hand-checked on the seeds (agencies from tests/gold/*.json): every seed is 2021-2024, after the 2018 reform, so no
agency has a renamed or merged predecessor. The 2018 医疗保障局 took functions from 人社, 发改委 and 民政, which all
still exist: functions_moved edges link them in each region that names both (临夏州 3, 泗县 2, 西藏 3, 山西 3; 广东's
notice names no agency). A 2017 notice of 临夏州 naming 州卫生计生委, built below, gives 卫生健康委员会 a predecessor.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import date
from functools import cache
from typing import Any

import httpx
import pytest

from policygraph.graph.continuity import compute, renamings
from policygraph.graph.export import canonical_export
from policygraph.graph.loader import load_records
from policygraph.graph.store import GraphStore
from policygraph.ingest.extract import extract_text
from tests.support.live_server import LiveServer
from tests.support.paths import SEEDS

LINXIA = "甘肃省临夏回族自治州"
WEIJIWEI = f"{LINXIA}|临夏回族自治州卫生和计划生育委员会"
WEIJIANWEI = f"{LINXIA}|临夏回族自治州卫生健康委员会"
YIBAO = f"{LINXIA}|临夏回族自治州医疗保障局"

# A 2017 notice of 临夏州 in the style of seed 000, written before the 2018 reform: 州卫生计生委 leads two tasks and
# cooperates on one.
LINXIA_2017 = """临州办发〔2017〕45号
临夏回族自治州人民政府办公室关于印发临夏州深化医药卫生体制改革2017年重点工作任务的通知
各县市人民政府,州政府各部门:
根据《国务院办公厅关于印发深化医药卫生体制改革2017年重点工作任务的通知》(国办发〔2017〕37号)精神,结合我州实际,制定本任务。
一、重点工作任务
(一)推进分级诊疗制度建设。扩大家庭医生签约服务覆盖面。(牵头单位:州卫生计生委;配合单位:州人社局、州民政局)
(二)全面推开公立医院综合改革。取消药品加成。(牵头单位:州卫生计生委;配合单位:州发改委、州财政局)
(三)完善全民医保制度。整合城乡居民基本医疗保险制度。(牵头单位:州人社局;配合单位:州卫生计生委)
临夏回族自治州人民政府办公室
2017年6月20日
"""


@cache
def record(name: str) -> dict[str, Any]:
    if name == "2017":
        return extract_text(LINXIA_2017, "linxia-2017.txt").to_json()
    (path,) = SEEDS.glob(f"{name}_*.txt")
    return extract_text(path.read_text(encoding="utf-8"), path.name).to_json()


def successions(store: GraphStore) -> list[tuple[str, str, str, str]]:
    rows = store.read(
        "MATCH (a:Agency)-[r:SUCCEEDED_BY]->(b:Agency) RETURN a.key AS a, b.key AS b, r.kind AS kind, r.date AS date"
    )
    return sorted((r["a"], r["b"], r["kind"], r["date"]) for r in rows)


# --- the data --------------------------------------------------------------------------------------------------------


def test_the_renamings_table_is_well_formed() -> None:
    table = renamings()
    assert len({(r.from_function, r.to_function) for r in table}) == len(table)  # no row twice
    for row in table:
        date.fromisoformat(row.date)
        assert row.source and row.from_function != row.to_function
        # national rows name national organs (国家…, …部, 国务院…); local rows the function without a region
        assert (row.scope == "national") == row.from_function.startswith(
            ("国家", "国务院", "卫生部", "人力资源和社会保障部", "民政部")
        )
    reform = {(r.from_function, r.to_function): r for r in table}
    assert reform[("卫生和计划生育委员会", "卫生健康委员会")].kind == "renamed"
    assert reform[("国家卫生和计划生育委员会", "国家卫生健康委员会")].date == "2018-03-17"
    assert reform[("人力资源和社会保障局", "医疗保障局")].kind == "functions_moved"


def test_compute_links_only_within_one_jurisdiction_and_scope() -> None:
    agencies = [
        {"key": "A|A卫生和计划生育委员会", "name": "A卫生和计划生育委员会", "jurisdiction": "A", "function": "卫生和计划生育委员会"},
        {"key": "A|A卫生健康委员会", "name": "A卫生健康委员会", "jurisdiction": "A", "function": "卫生健康委员会"},
        {"key": "B|B卫生健康委员会", "name": "B卫生健康委员会", "jurisdiction": "B", "function": "卫生健康委员会"},
        # national organs; the first is an issuer (no function stored): derived from its name
        {"key": "|国家卫生和计划生育委员会", "name": "国家卫生和计划生育委员会", "jurisdiction": None, "function": None},
        {"key": "|国家卫生健康委员会", "name": "国家卫生健康委员会", "jurisdiction": None, "function": "国家卫生健康委员会"},
    ]  # fmt: skip
    edges = [(e["from"], e["to"], e["kind"]) for e in compute(agencies, renamings())]
    assert edges == [
        ("A|A卫生和计划生育委员会", "A|A卫生健康委员会", "renamed"),  # not B's: another jurisdiction
        ("|国家卫生和计划生育委员会", "|国家卫生健康委员会", "renamed"),
    ]


# --- the seeds -------------------------------------------------------------------------------------------------------


def moved(region: str, organ: str, names: tuple[str, ...]) -> list[tuple[str, str, str, str]]:
    return [(f"{region}|{organ}{n}", f"{region}|{organ}医疗保障局", "functions_moved", "2018-03-17") for n in names]


SEED_SUCCESSIONS = sorted(
    moved(LINXIA, "临夏回族自治州", ("人力资源和社会保障局", "发展和改革委员会", "民政局"))
    + moved("安徽省宿州市泗县", "泗县", ("人力资源和社会保障局", "发展和改革委员会"))
    + moved("西藏自治区", "西藏自治区", ("人力资源和社会保障厅", "发展和改革委员会", "民政厅"))
    + moved("山西省", "山西省", ("人力资源和社会保障厅", "发展和改革委员会", "民政厅"))
)


def test_the_seeds_have_only_functions_moved_to_medical_insurance(seeded_store: GraphStore) -> None:
    assert successions(seeded_store) == SEED_SUCCESSIONS


def test_a_2017_notice_links_its_health_commission_to_the_successor(store: GraphStore) -> None:
    load_records(store, [record("000"), record("2017")])
    linxia = [s for s in successions(store) if s[0].startswith(LINXIA)]
    assert linxia == sorted([
        (WEIJIWEI, WEIJIANWEI, "renamed", "2018-03-17"),
        (WEIJIWEI, YIBAO, "functions_moved", "2018-03-17"),
        *moved(LINXIA, "临夏回族自治州", ("人力资源和社会保障局", "发展和改革委员会", "民政局")),
    ])  # fmt: skip
    # The series of 卫生健康委员会 rolls in its predecessor's 2017 tasks; 医疗保障局's does not (functions_moved).
    rolled = store.run("continuity_rolled_years", {"key": WEIJIANWEI})
    assert [(r["year"], r["led"], r["cooperated"], r["agencies"]) for r in rolled] == [
        (2017, 2, 1, [WEIJIWEI]),
        (2021, 14, 10, [WEIJIANWEI]),  # tests/gold 000: 14 tasks led, 10 cooperated on
    ]
    assert [r["year"] for r in store.run("continuity_rolled_years", {"key": YIBAO})] == [2021]


def test_continuity_does_not_depend_on_the_order_and_follows_the_notices(store: GraphStore) -> None:
    load_records(store, [record("2017")])
    load_records(store, [record("000")])
    forward = canonical_export(store)
    store.clear()
    load_records(store, [record("000")])
    load_records(store, [record("2017")])
    assert canonical_export(store) == forward
    # The 2017 notice replaced by one that no longer names 州卫生计生委: the edge and the agency go.
    changed = copy.deepcopy(record("2017"))  # the cached record stays as extracted
    changed["sha256"], changed["tasks"] = "changed", changed["tasks"][2:]
    changed["tasks"][0]["cooperating_detail"] = []
    load_records(store, [changed])
    assert not [s for s in successions(store) if s[0] == WEIJIWEI]
    assert not store.run("agency_exists", {"key": WEIJIWEI})


# --- API and page ----------------------------------------------------------------------------------------------------


@pytest.fixture
def linxia_api(store: GraphStore) -> Iterator[httpx.Client]:
    from policygraph.api.app import create_app
    from policygraph.core.settings import Settings

    load_records(store, [record("000"), record("2017")])
    settings = Settings(POLICYGRAPH_ENGINE=store.engine)
    with LiveServer(create_app(settings, store)) as server, httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


def test_the_profile_shows_predecessors_successors_and_the_rolled_series(linxia_api: httpx.Client) -> None:
    profile = linxia_api.get(f"/agencies/{WEIJIANWEI}").json()
    assert [(p["key"], p["kind"], p["date"]) for p in profile["predecessors"]] == [(WEIJIWEI, "renamed", "2018-03-17")]
    assert profile["successors"] == []
    assert [(r["year"], r["led"], r["cooperated"]) for r in profile["by_year"]] == [(2021, 14, 10)]
    assert [(r["year"], r["led"], r["cooperated"]) for r in profile["by_year_rolled"]] == [(2017, 2, 1), (2021, 14, 10)]
    old = linxia_api.get(f"/agencies/{WEIJIWEI}").json()
    assert old["predecessors"] == []
    assert [(s["name"], s["kind"]) for s in old["successors"]] == [
        ("临夏回族自治州卫生健康委员会", "renamed"),
        ("临夏回族自治州医疗保障局", "functions_moved"),
    ]
    page = linxia_api.get(f"/explore/agency/{WEIJIANWEI}", headers={"Accept-Language": "en"})
    assert page.status_code == 200
    assert "succeeded <a" in page.text and "临夏回族自治州卫生和计划生育委员会</a>" in page.text
    assert "By year, with predecessors" in page.text
    # An agency without predecessors shows no rolled table.
    assert (
        "By year, with predecessors"
        not in linxia_api.get(f"/explore/agency/{YIBAO}", headers={"Accept-Language": "en"}).text
    )
