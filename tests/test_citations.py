"""Citation hygiene: short names (以下简称) in extraction, title-only citations resolved to known notices (both engines,
order-independent), the unresolved citations of the seeds (hand-checked against tests/gold), the API and the CLI.

The seeds' title-only citations, from tests/gold/*.json: 001 cites 《宿州市医保区域点数法…实施方案》, 002 cites
《中共中央国务院关于促进中医药传承创新发展的意见》, 003 cites four titles in tasks (三), (五), (十), (十五). No known
notice carries any of those titles, so all six stay unresolved (title_unknown). Every 文号 the seeds cite has a 代字 of
the shipped table (国办发, 甘政办发, 临州办发, 藏党办发, 藏人社发, 藏政办发): no issuer_unknown.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from functools import cache
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from policygraph.analysis.citations import summary, unresolved
from policygraph.core.settings import get_settings
from policygraph.graph.citations import decide, normalise_title
from policygraph.graph.export import canonical_export
from policygraph.graph.loader import load_records
from policygraph.graph.store import GraphStore
from policygraph.ingest.extract import extract_text
from tests.support.engines import NEO4J_PASSWORD
from tests.support.paths import SEEDS

SHANXI = "晋政办发〔2022〕83号"
SIXIAN = "安徽省宿州市泗县|2021|泗县深化医药卫生体制改革2021年-2022年重点工作任务"
XIZANG = "西藏自治区|2021|西藏自治区深化医药卫生体制改革领导小组关于印发《西藏自治区2021年深化医药卫生体制改革重点工作任务》的通知"
SUZHOU_KEY = "宿政办秘〔2021〕88号"
NATIONAL_2021 = "国办发〔2021〕20号"

# A prefectural notice in the seeds' style: it cites the 2021 national notice by title only and gives it a short
# name, cites 宿州's DIP plan (as seed 001 does) and a 文号 of an unknown 代字 with a quoted short name.
SUZHOU = """宿政办秘〔2021〕88号
宿州市人民政府办公室关于印发宿州市深化医药卫生体制改革2021年重点工作任务的通知
各县、区人民政府,市政府各部门:
根据《国务院办公厅关于印发深化医药卫生体制改革2021年重点工作任务的通知》(以下简称《通知》)精神,结合我市实际,制定本任务。
一、重点任务
(一)推进紧密型县域医共体建设。按照《通知》要求,推进医共体建设。(市卫生健康委负责,市医保局配合)
(二)推进医保支付方式改革。落实《宿州市医保区域点数法总额预算和按病种分值付费国家试点实施方案》。(市医保局负责,市卫生健康委配合)
(三)加强药品供应保障。落实皖药监〔2021〕9号(以下简称“9号文”)文件要求,按照“9号文”做好短缺药品监测。(市卫生健康委负责)
宿州市人民政府办公室
2021年6月30日
"""


def notice(text: str, source: str) -> dict[str, Any]:
    return extract_text(text, source).to_json()


@cache
def seed_record(number: str) -> dict[str, Any]:
    (path,) = SEEDS.glob(f"{number}_*.txt")
    return notice(path.read_text(encoding="utf-8"), path.name)


def cited(record: dict[str, Any]) -> list[tuple[str | None, str | None, str]]:
    return [(c["doc_no"], c["title"], c["relation"]) for c in record["cited"]]


# --- extraction: short names ---------------------------------------------------------------------------------------


def test_a_short_name_in_book_marks_is_the_notice_it_names() -> None:
    # Without short names, 《通知》 (declared, then used in task (一)) would be a citation of a notice titled 通知.
    assert cited(notice(SUZHOU, "suzhou.txt")) == [
        (None, "国务院办公厅关于印发深化医药卫生体制改革2021年重点工作任务的通知", "basis"),
        (None, "宿州市医保区域点数法总额预算和按病种分值付费国家试点实施方案", "reference"),
        ("皖药监〔2021〕9号", None, "reference"),
    ]


def test_a_short_name_after_a_doc_no_in_the_same_brackets() -> None:
    text = (
        "泗县人民政府办公室关于印发泗县2022年医改重点工作任务的通知\n"
        "按照《安徽省人民政府办公厅关于印发安徽省深化医药卫生体制改革2022年重点工作任务的通知》"
        "(皖政办秘〔2022〕46号,以下简称《省任务》)要求,制定本任务。\n"
        "一、任务\n(一)推进改革。落实《省任务》。(县卫健委负责)\n"
    )
    assert cited(notice(text, "t.txt")) == [
        (
            "皖政办秘〔2022〕46号",
            "安徽省人民政府办公厅关于印发安徽省深化医药卫生体制改革2022年重点工作任务的通知",
            "basis",
        )
    ]


def test_a_short_name_of_the_own_plan_or_of_a_draft_is_no_citation() -> None:
    text = (
        "泗县人民政府办公室关于印发泗县2023年医改重点工作任务的通知\n"
        "现将《泗县2023年医改重点工作任务》(以下简称《任务》)印发给你们。\n"
        "一、任务\n(一)推进改革。落实《任务》,制定《泗县医共体考核办法》(以下简称《办法》),按《办法》考核。(县卫健委负责)\n"
    )
    assert cited(notice(text, "t.txt")) == []


def test_an_undeclared_short_title_is_still_a_citation() -> None:
    # The guard of the tests above: without a 以下简称, 《通知》 is taken as written.
    text = "泗县2023年医改重点工作任务\n一、任务\n(一)推进改革。按照《通知》要求推进。(县卫健委负责)\n"
    assert [title for _, title, _ in cited(notice(text, "t.txt"))] == ["通知"]


# --- title matching --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "normalised"),
    [
        ("国务院办公厅关于印发深化医药卫生体制改革2021年重点工作任务的通知", "深化医药卫生体制改革2021年重点工作任务"),
        ("国务院办公厅关于印发〈深化医药卫生体制改革2024年重点工作任务〉的通知", "深化医药卫生体制改革2024年重点工作任务"),
        ("深化医药卫生体制改革 2022 年重点工作任务", "深化医药卫生体制改革2022年重点工作任务"),
        ("关于公立医院薪酬制度改革试点工作实施方案的通知", "公立医院薪酬制度改革试点工作实施方案"),  # seed 002, no 印发
        ("关于印发医疗保障基金智能审核和监控知识库、规则库管理办法(试行)的通知",
         "医疗保障基金智能审核和监控知识库、规则库管理办法(试行)"),
        ("中共中央国务院关于促进中医药传承创新发展的意见", "促进中医药传承创新发展的意见"),
        ("关于做好2021年短缺药品保供稳价工作的通知", "做好2021年短缺药品保供稳价工作的通知"),  # a notice in its own right
        ("泗县深化医药卫生体制改革2021年-2022年重点工作任务", "泗县深化医药卫生体制改革2021年-2022年重点工作任务"),
    ],
)  # fmt: skip
def test_titles_are_matched_without_issuer_wrapper_or_marks(title: str, normalised: str) -> None:
    assert normalise_title(title) == normalised


def test_decide_moves_a_unique_match_and_marks_duplicates() -> None:
    edges = [
        {"citer": "A", "stub": "《关于印发X方案的通知》", "title": "关于印发X方案的通知", "span": [10, 20]},
        {"citer": "A", "stub": "《X方案》", "title": "X方案", "span": [40, 44]},  # the same notice again: a duplicate
        {"citer": "B", "stub": "《X方案》", "title": "X方案", "span": [5, 9]},  # B cites it by 文号 already
        {"citer": "C", "stub": "《Y方案》", "title": "Y方案", "span": [1, 5]},  # two notices carry Y方案: ambiguous
        {"citer": "D", "stub": "《Z》", "title": "Z", "span": [1, 3]},  # nobody carries Z
    ]
    candidates = {"X方案": ["国办发〔2020〕1号"], "Y方案": ["甲〔2020〕1号", "乙〔2020〕2号"]}
    moves, marks = decide(edges, {("B", "国办发〔2020〕1号")}, candidates)
    assert moves == [{"citer": "A", "stub": "《关于印发X方案的通知》", "target": "国办发〔2020〕1号"}]
    # the moved edge is no duplicate; A's second title and B's title are
    assert [m["duplicate_of"] for m in marks] == [None, "国办发〔2020〕1号", "国办发〔2020〕1号", None, None]
    assert [(m["citer"], m["stub"]) for m in marks][:3] == [
        ("A", "《关于印发X方案的通知》"),
        ("A", "《X方案》"),
        ("B", "《X方案》"),
    ]


# --- the graph: resolution on both engines ---------------------------------------------------------------------------


def cites(store: GraphStore, key: str) -> list[tuple[str, str | None, str | None]]:
    rows = store.read(
        "MATCH (:Document {key: $key})-[c:CITES]->(d:Document) RETURN d.key AS key, c.via_title AS via, "
        "c.duplicate_of AS dup ORDER BY key",
        {"key": key},
    )
    return [(r["key"], r["via"], r["dup"]) for r in rows]


def lineage_of(store: GraphStore, key: str) -> list[tuple[str, str]]:
    row = store.run("documents_lineage", {"key": key})[0]
    return list(zip([n["key"] for n in row["notices"][1:]], [e["relation"] for e in row["edges"]], strict=True))


def test_a_title_citation_moves_to_the_notice_it_names_before_lineage(store: GraphStore) -> None:
    load_records(store, [notice(SUZHOU, "suzhou.txt"), seed_record("001")])
    assert cites(store, SUZHOU_KEY) == [
        ("《宿州市医保区域点数法总额预算和按病种分值付费国家试点实施方案》", None, None),
        (
            NATIONAL_2021,
            "国务院办公厅关于印发深化医药卫生体制改革2021年重点工作任务的通知",
            None,
        ),  # the registry notice
        ("皖药监〔2021〕9号", None, None),
    ]
    # The title stub is gone; lineage saw the resolved basis citation: explicit, not inferred.
    title_stub = "《国务院办公厅关于印发深化医药卫生体制改革2021年重点工作任务的通知》"
    assert not store.run("documents_exists", {"key": title_stub})
    assert lineage_of(store, SUZHOU_KEY) == [(NATIONAL_2021, "explicit")]
    assert lineage_of(store, SIXIAN) == [(SUZHOU_KEY, "inferred"), (NATIONAL_2021, "explicit")]
    # the relation, quote and span came along
    edge = store.read(
        "MATCH (:Document {key: $a})-[c:CITES]->(:Document {key: $b}) RETURN c.relation AS r, c.quote AS q, c.span AS s",
        {"a": SUZHOU_KEY, "b": NATIONAL_2021},
    )[0]
    assert (edge["r"], edge["q"]) == ("basis", "《国务院办公厅关于印发深化医药卫生体制改革2021年重点工作任务的通知》")
    assert SUZHOU[edge["s"][0] : edge["s"][1]] == edge["q"]


def test_a_title_known_to_two_notices_stays_unresolved_whatever_the_order(store: GraphStore) -> None:
    citer = notice(
        "泗县2023年医改重点工作任务\n一、任务\n(一)推进改革。落实《深化医药卫生体制改革2021年重点工作任务》。(县卫健委负责)\n",
        "citer.txt",
    )
    # A second notice whose plan has the national plan's very name: the title names two notices.
    twin = notice(
        "某县人民政府办公室关于印发深化医药卫生体制改革2021年重点工作任务的通知\n一、任务\n(一)推进改革。内容。\n",
        "twin.txt",
    )
    twin["region"], twin["level"] = "安徽省宿州市灵璧县", "county"
    load_records(store, [citer])
    assert cites(store, "安徽省宿州市泗县|2023|泗县2023年医改重点工作任务")[0][0] == NATIONAL_2021
    load_records(store, [twin])  # arrives later: the resolution is undone
    forward = canonical_export(store)
    key = "安徽省宿州市泗县|2023|泗县2023年医改重点工作任务"
    assert cites(store, key) == [("《深化医药卫生体制改革2021年重点工作任务》", None, None)]
    reasons = [(u.document, u.reason) for u in unresolved(store, key)]
    assert reasons == [(key, "title_ambiguous")]
    store.clear()
    load_records(store, [twin])
    load_records(store, [citer])
    assert canonical_export(store) == forward


def test_resolution_is_idempotent_and_independent_of_the_order(store: GraphStore) -> None:
    records = [notice(SUZHOU, "suzhou.txt"), seed_record("001"), seed_record("000")]
    for record in records:
        load_records(store, [record])
    forward = canonical_export(store)
    load_records(store, records)  # unchanged notices, derived data recomputed
    assert canonical_export(store) == forward
    store.clear()
    for record in reversed(records):
        load_records(store, [record])
    assert canonical_export(store) == forward


# --- the seeds -------------------------------------------------------------------------------------------------------

SEED_UNRESOLVED = [
    (SIXIAN, "《宿州市医保区域点数法总额预算和按病种分值付费国家试点实施方案》"),
    (XIZANG, "《中共中央国务院关于促进中医药传承创新发展的意见》"),
    (SHANXI, "《关于进一步深化改革促进乡村医疗卫生体系健康发展的意见》"),  # task (三)
    (SHANXI, "《深入推广福建省三明市经验持续深化医药卫生体制改革工作方案》"),  # task (五)
    (SHANXI, "《医疗保障基金智能审核和监控知识库、规则库管理办法(试行)》"),  # task (十)
    (SHANXI, "《山西省推动公立医院高质量发展实施方案》"),  # task (十五)
]


def test_the_seeds_unresolved_citations(seeded_store: GraphStore) -> None:
    items = unresolved(seeded_store)
    assert sorted((u.document, u.cited) for u in items) == sorted(SEED_UNRESOLVED)
    assert {u.reason for u in items} == {"title_unknown"}
    assert all(u.relation == "reference" and u.quote == u.cited for u in items)
    assert summary(items)["by_document"] == {SHANXI: 4, XIZANG: 1, SIXIAN: 1}
    # In task order within a notice: the span of (三) comes before (五), (十), (十五).
    assert [u.cited for u in unresolved(seeded_store, SHANXI)] == [c for d, c in SEED_UNRESOLVED if d == SHANXI]
    assert unresolved(seeded_store, reason="issuer_unknown") == []
    assert not seeded_store.read("MATCH ()-[c:CITES]->() WHERE c.via_title IS NOT NULL RETURN c")


def test_a_doc_no_of_an_unknown_prefix_is_unresolved(store: GraphStore) -> None:
    # 皖药监: a province abbreviation with no department code of docno_departments.csv (皖卫… names the commission)
    load_records(store, [notice(SUZHOU, "suzhou.txt")])
    items = unresolved(store, reason="issuer_unknown")
    assert [(u.document, u.cited, u.quote) for u in items] == [(SUZHOU_KEY, "皖药监〔2021〕9号", "皖药监〔2021〕9号")]
    assert "皖药监" in items[0].detail and "安徽省" in items[0].detail
    titles = [u.cited for u in unresolved(store, SUZHOU_KEY, "title_unknown")]
    assert titles == ["《宿州市医保区域点数法总额预算和按病种分值付费国家试点实施方案》"]


# --- API and CLI -----------------------------------------------------------------------------------------------------


def test_api_lists_unresolved_citations(api: httpx.Client) -> None:
    body = api.get("/citations/unresolved").json()
    assert (body["total"], body["by_reason"]) == (6, {"title_unknown": 6, "title_ambiguous": 0, "issuer_unknown": 0})
    assert sorted((i["document"], i["cited"]) for i in body["items"]) == sorted(SEED_UNRESOLVED)
    page = api.get("/citations/unresolved", params={"limit": 2, "offset": 4}).json()
    assert (len(page["items"]), page["has_more"], page["total"]) == (2, False, 6)
    assert api.get("/citations/unresolved", params={"limit": 2}).json()["has_more"] is True
    shanxi = api.get("/citations/unresolved", params={"document": SHANXI}).json()
    assert [i["title"] for i in shanxi["items"]] == [c.strip("《》") for d, c in SEED_UNRESOLVED if d == SHANXI]
    first = shanxi["items"][0]
    assert first["span"][1] - first["span"][0] >= len(first["quote"])  # offsets into the original (spaces kept there)
    assert api.get("/citations/unresolved", params={"reason": "issuer_unknown"}).json()["items"] == []


def test_api_refuses_bad_input(api: httpx.Client) -> None:
    unknown = api.get("/citations/unresolved", params={"document": "无此文〔2020〕1号"})
    assert unknown.status_code == 404 and "无此文" in unknown.json()["detail"]
    assert api.get("/citations/unresolved", params={"reason": "nonsense"}).status_code == 422
    assert api.get("/citations/unresolved", params={"limit": 0}).status_code == 422


@pytest.fixture
def cli_env(seeded_store: GraphStore, request: pytest.FixtureRequest) -> Iterator[dict[str, str]]:
    """Environment pointing the CLI at the seeded graph of this engine."""
    if seeded_store.engine == "neo4j":
        env = {"POLICYGRAPH_ENGINE": "neo4j", "NEO4J_URI": request.getfixturevalue("neo4j_uri"),
               "NEO4J_PASSWORD": NEO4J_PASSWORD}  # fmt: skip
    else:
        env = {"POLICYGRAPH_ENGINE": "falkordb", "FALKORDB_URL": request.getfixturevalue("falkordb_url"),
               "POLICYGRAPH_GRAPH": "api"}  # fmt: skip
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    get_settings.cache_clear()
    yield env
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    get_settings.cache_clear()


def test_cli_citations(cli_env: dict[str, str]) -> None:
    from policygraph.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["citations", "--document", SHANXI, "--format", "json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert (body["total"], body["by_document"]) == (4, {SHANXI: 4})
    table = runner.invoke(app, ["citations"])
    assert table.exit_code == 0 and "6 unresolved in 3 notices (title_unknown 6)" in table.stdout
    missing = runner.invoke(app, ["citations", "--document", "无此文〔2020〕1号"])
    assert missing.exit_code == 1 and "no notice has the key" in missing.stderr
