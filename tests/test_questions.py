"""Saved questions (cypher/questions.toml): the file's checks, values coerced by type, answers on the five seeds on
both engines through the library, the API and the CLI.

Expected answers are read from the seeds (and agree with tests/gold/): 西藏's 卫健委 leads 17 tasks, 泗县's 15,
临夏州's 14, 西藏's 医保局 10, 山西's 卫健委 9. 临州办发〔2021〕76号 cites 甘政办发〔2021〕70号 as its basis (explicit),
a stub that implements 国办发〔2021〕20号 (inferred); 泗县 and 西藏 cite no series notice (inferred). "DRG" occurs in
one task only: 山西 (八) 推进医保支付方式改革, "(省医保局、省卫健委、省财政厅等按职责分工负责)" — 省医保局 leads.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from policygraph import cypher
from policygraph.analysis.questions import (
    BadParameter,
    Parameter,
    QuestionsFileError,
    UnknownQuestion,
    ask,
    coerce,
    parse_questions,
    query_parameters,
    questions,
)
from policygraph.graph.store import GraphStore
from tests.support.cli import run_cli
from tests.support.engines import cli_settings

XIZANG_WJW = "西藏自治区卫生健康委员会"
LINXIA_DOC = "临州办发〔2021〕76号"
GANSU_STUB = "甘政办发〔2021〕70号"
NATIONAL_2021 = "国办发〔2021〕20号"
SIXIAN_DOC = "安徽省宿州市泗县|2021|泗县深化医药卫生体制改革2021年-2022年重点工作任务"
XIZANG_DOC = "西藏自治区|2021|西藏自治区深化医药卫生体制改革领导小组关于印发《西藏自治区2021年深化医药卫生体制改革重点工作任务》的通知"
TOP_FIVE = [(XIZANG_WJW, 17), ("泗县卫生健康委员会", 15), ("临夏回族自治州卫生健康委员会", 14),
            ("西藏自治区医疗保障局", 10), ("山西省卫生健康委员会", 9)]  # fmt: skip


# --- the file -------------------------------------------------------------------------------------------------------


def test_every_question_runs_an_existing_file_whose_parameters_it_covers() -> None:
    assert len(questions()) >= 10
    for saved in questions().values():
        needs = query_parameters(cypher.load(saved.cypher))  # raises UnknownQuery for a missing file
        offered = {p.name for p in saved.parameters}
        paging = {"skip", "limit"} if saved.paged else set()
        assert needs - paging <= offered, (saved.name, needs - offered)
        assert offered - {"limit", "offset"} <= needs, (saved.name, "declared but unused")
        assert saved.paged == ({"skip", "limit"} <= needs)
        assert saved.paged == ({"limit", "offset"} <= offered)


def test_the_analysts_questions_are_there() -> None:
    assert {"agency_top_leads", "documents_lineage_steps", "documents_descendants", "programme_regions",
            "agency_collaborators", "documents_list", "tasks_mentioning"} <= set(questions())  # fmt: skip


GOOD_ENTRY = """
[[question]]
name = "{name}"
title = "t"
description = "d"
[[question.parameters]]
name = "key"
type = "{type}"
description = "a key"
"""


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (GOOD_ENTRY.format(name="no_such_file", type="str"), "no_such_file.cypher does not exist"),
        (GOOD_ENTRY.format(name="documents_lineage", type="date"), "`type` must be one of"),
        (GOOD_ENTRY.format(name="engine_ping", type="str"), "does not use: ['key']"),
        (GOOD_ENTRY.format(name="Documents Lineage", type="str"), "lower_snake_case"),
        (GOOD_ENTRY.format(name="documents_lineage", type="str") * 2, "used twice"),
        (
            GOOD_ENTRY.format(name="documents_lineage", type="str").replace('d"\n', 'd"\ncypher = "x"\n', 1),
            "`cypher` is gone",
        ),
    ],
)
def test_a_malformed_entry_is_reported_by_name(entry: str, message: str) -> None:
    with pytest.raises(
        QuestionsFileError, match=r"question '(no_such_file|documents_lineage|engine_ping|Documents Lineage)'"
    ) as error:
        parse_questions(entry)
    assert message in str(error.value)


def test_a_good_entry_parses_and_paging_is_added() -> None:
    parsed = parse_questions(GOOD_ENTRY.format(name="documents_children", type="str"))
    assert [p.name for p in parsed["documents_children"].parameters] == ["key", "limit", "offset"]


def test_an_undeclared_query_parameter_is_reported() -> None:
    entry = GOOD_ENTRY.format(name="documents_children", type="str").replace('name = "key"', 'name = "kee"')
    with pytest.raises(QuestionsFileError, match=r"question 'documents_children': .*not declared: \['key'\]"):
        parse_questions(entry)


# --- values ---------------------------------------------------------------------------------------------------------


def param(kind: str, **more: Any) -> Parameter:
    return Parameter("p", kind, "a parameter", **more)


def test_values_are_coerced_from_strings_by_type() -> None:
    assert coerce(param("int"), "2021") == 2021
    assert coerce(param("float"), "0.5") == 0.5
    assert coerce(param("bool"), "false") is False and coerce(param("bool"), "Yes") is True
    assert coerce(param("str"), "临州办发〔2021〕76号") == "临州办发〔2021〕76号"
    assert coerce(param("str"), 2021) == "2021"  # a command line's JSON turned it into a number
    assert coerce(param("list[str]"), "sole, explicit") == ["sole", "explicit"]
    assert coerce(param("list[str]"), '["sole"]') == ["sole"]
    assert coerce(param("list[str]"), "") == []
    assert coerce(param("region"), "临夏州") == "甘肃省临夏回族自治州"
    assert coerce(param("region"), "晋") == "山西省"
    assert coerce(param("region"), "中国") is None  # the whole country: no filter


@pytest.mark.parametrize(
    ("parameter", "value", "reason"),
    [
        (param("int"), "twenty", "must be an integer"),
        (param("int"), "-3", "between 0 and"),
        (param("float"), "nan", "finite"),
        (param("bool"), "maybe", "true or false"),
        (param("str"), "a\x00b", "NUL"),
        (param("region"), "火星", "no region is named"),
        (param("str", allowed=("lead", "cooperate")), "chair", "not one of: lead, cooperate"),
        (param("list[str]", allowed=("sole",)), "sole,made_up", "'made_up' is not one of"),
        (param("int"), ["1", "2"], "give it once"),
    ],
)
def test_bad_values_name_the_parameter(parameter: Parameter, value: Any, reason: str) -> None:
    with pytest.raises(BadParameter, match=reason) as error:
        coerce(parameter, value)
    assert error.value.parameter == "p"


# --- answers on the seeds, both engines -----------------------------------------------------------------------------


def test_top_lead_agencies(seeded_store: GraphStore) -> None:
    answer = ask(seeded_store, "top_lead_agencies", {"limit": "5"})
    assert [(row["name"], row["task_count"]) for row in answer.rows] == TOP_FIVE
    assert answer.has_more is True
    assert len(answer.rows[0]["tasks"]) == 5  # task_cap's default
    page_two = ask(seeded_store, "top_lead_agencies", {"limit": "2", "offset": "2"})
    assert [(row["name"], row["task_count"]) for row in page_two.rows] == TOP_FIVE[2:4]


def test_top_lead_agencies_in_a_region_rolls_up(seeded_store: GraphStore) -> None:
    answer = ask(seeded_store, "top_lead_agencies", {"region": "甘肃", "limit": "1"})
    assert [(row["name"], row["task_count"]) for row in answer.rows] == [("临夏回族自治州卫生健康委员会", 14)]
    assert answer.parameters["region"] == "甘肃省"


def test_notice_lineage(seeded_store: GraphStore) -> None:
    rows = ask(seeded_store, "notice_lineage", {"key": LINXIA_DOC}).rows
    assert [(r["step"], r["key"], r["stub"], r["implements_parent"]) for r in rows] == [
        (0, LINXIA_DOC, False, "explicit"),
        (1, GANSU_STUB, True, "inferred"),
        (2, NATIONAL_2021, True, None),
    ]
    assert ask(seeded_store, "notice_lineage", {"key": "不存在〔2021〕1号"}).rows == []


def test_which_notices_implement_the_national_notice(seeded_store: GraphStore) -> None:
    rows = ask(seeded_store, "notice_descendants", {"key": NATIONAL_2021}).rows
    assert [(r["key"], r["distance"], r["hops"]) for r in rows] == [
        (SIXIAN_DOC, 1, ["inferred"]),
        (GANSU_STUB, 1, ["inferred"]),
        (XIZANG_DOC, 1, ["inferred"]),
        (LINXIA_DOC, 2, ["explicit", "inferred"]),
    ]


def test_tasks_mentioning_a_word(seeded_store: GraphStore) -> None:
    rows = ask(seeded_store, "tasks_mentioning", {"word": "DRG"}).rows
    assert [(r["document"], r["number"], r["title"], r["leads"]) for r in rows] == [
        ("晋政办发〔2022〕83号", "(八)", "推进医保支付方式改革", ["山西省医疗保障局"])
    ]


def test_notices_by_region(seeded_store: GraphStore) -> None:
    assert [r["key"] for r in ask(seeded_store, "notices", {"region": "甘肃"}).rows] == [LINXIA_DOC]
    # 临夏州's notice cites 甘政办发〔2021〕70号 and its own 2018 notice, 临州办发〔2018〕77号: stubs, newest first.
    stubs = ask(seeded_store, "notices", {"region": "甘肃", "stub": "true"}).rows
    assert [r["key"] for r in stubs] == [GANSU_STUB, "临州办发〔2018〕77号"]


def test_notices_that_need_review(seeded_store: GraphStore) -> None:
    rows = ask(seeded_store, "documents_review", {}).rows
    assert [(r["key"], r["reasons"]) for r in rows] == [(SIXIAN_DOC, ["no issuer", "no date"]),
                                                        (XIZANG_DOC, ["no date"])]  # fmt: skip
    assert [r["key"] for r in ask(seeded_store, "documents_review", {"region": "安徽"}).rows] == [SIXIAN_DOC]
    assert [r["key"] for r in ask(seeded_store, "documents_review", {"level": "provincial"}).rows] == [XIZANG_DOC]
    assert ask(seeded_store, "documents_review", {"year_from": "2022"}).rows == []


def test_tasks_due_needs_a_date(seeded_store: GraphStore) -> None:
    with pytest.raises(BadParameter, match="needs it") as error:
        ask(seeded_store, "tasks_due", {})
    assert error.value.parameter == "before"


def test_unknown_question_and_parameter(seeded_store: GraphStore) -> None:
    with pytest.raises(UnknownQuestion):
        ask(seeded_store, "who_is_in_charge")
    with pytest.raises(BadParameter, match="takes no such parameter") as error:
        ask(seeded_store, "notices", {"colour": "red"})
    assert error.value.parameter == "colour"
    with pytest.raises(BadParameter, match="needs it") as error:
        ask(seeded_store, "notice_lineage", {})
    assert error.value.parameter == "key"


# --- the API --------------------------------------------------------------------------------------------------------


def test_api_lists_the_questions(api: Any) -> None:
    answer = api.get("/questions")
    assert answer.status_code == 200
    listed = {q["name"]: q for q in answer.json()}
    assert set(listed) == set(questions())
    top = listed["agency_top_leads"]
    assert top["cypher"] == "cypher/agency_top_leads.cypher" and top["paged"] is True
    parameters = {p["name"]: p for p in top["parameters"]}
    assert parameters["limit"]["default"] == 50 and parameters["offset"]["default"] == 0
    assert parameters["collectives"] == {"name": "collectives", "type": "bool", "description": parameters[
        "collectives"]["description"], "default": False, "required": False, "allowed": None, "example": None}  # fmt: skip
    assert listed["documents_lineage_steps"]["example_url"] == f"/questions/documents_lineage_steps?key={LINXIA_DOC}"


def test_api_every_example_url_answers(api: Any, seeded_store: GraphStore) -> None:
    # tasks_due answers on the seeds once extraction reads their deadlines (2024年10月底前 …); until then none is due.
    due = "MATCH (t:Task) WHERE t.deadline_kind = 'by_date' AND t.deadline_date <= '2024-12-31' RETURN count(t) AS n"
    awaiting = set() if seeded_store.read(due)[0]["n"] else {"tasks_due"}
    for saved in api.get("/questions").json():
        answer = api.get(saved["example_url"])
        assert answer.status_code == 200, (saved["name"], answer.text)
        assert answer.json()["rows"] or saved["name"] in awaiting, saved["name"]  # every example answers on the seeds


def test_api_asks_a_question(api: Any) -> None:
    body = api.get("/questions/top_lead_agencies", params={"limit": 1, "collectives": "false"}).json()
    assert [(r["name"], r["task_count"]) for r in body["rows"]] == [(XIZANG_WJW, 17)]
    assert body["has_more"] is True and body["parameters"]["limit"] == 1
    assert body["columns"][:2] == ["key", "name"]


def test_api_answers_csv(api: Any) -> None:
    for url, params in [("/questions/tasks_mentioning.csv", {"word": "DRG"}),
                        ("/questions/tasks_mentioning", {"word": "DRG", "format": "csv"})]:  # fmt: skip
        answer = api.get(url, params=params)
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("text/csv")
        assert 'filename="tasks_mentioning.csv"' in answer.headers["content-disposition"]
        rows = list(csv.DictReader(io.StringIO(answer.text)))
        assert [(r["document"], r["number"], json.loads(r["leads"])) for r in rows] == [
            ("晋政办发〔2022〕83号", "(八)", ["山西省医疗保障局"])
        ]


@pytest.mark.parametrize(
    ("url", "params", "parameter"),
    [
        ("/questions/notices", {"colour": "red"}, "colour"),
        ("/questions/notices", {"year_from": "twenty"}, "year_from"),
        ("/questions/notices", {"level": "city"}, "level"),
        ("/questions/notices", {"region": "火星"}, "region"),
        ("/questions/notices", {"limit": "0"}, "limit"),
        ("/questions/notice_lineage", {}, "key"),
        ("/questions/notices", {"format": "xml"}, "format"),
    ],
)
def test_api_bad_parameters_are_422_naming_them(api: Any, url: str, params: dict[str, str], parameter: str) -> None:
    answer = api.get(url, params=params)
    assert answer.status_code == 422
    assert [problem["loc"] for problem in answer.json()["detail"]] == [["query", parameter]]


def test_api_unknown_question_is_404(api: Any) -> None:
    for name in ("who_is_in_charge", "who_is_in_charge.csv"):
        answer = api.get(f"/questions/{name}")
        assert answer.status_code == 404 and "who_is_in_charge" in answer.json()["detail"]


# --- the CLI --------------------------------------------------------------------------------------------------------


def test_cli_ask(seeded_store: GraphStore, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    settings = cli_settings(seeded_store.engine, request, tmp_path)
    listing = run_cli("ask", settings=settings)
    assert listing.returncode == 0, listing.stderr
    assert "tasks_mentioning" in listing.stdout and "documents_lineage_steps" in listing.stdout
    as_json = run_cli("ask", "top_lead_agencies", "-p", "limit=2", "--format", "json", settings=settings)
    assert as_json.returncode == 0, as_json.stderr
    assert [(r["name"], r["task_count"]) for r in json.loads(as_json.stdout)] == TOP_FIVE[:2]
    as_csv = run_cli("ask", "notice_lineage", "--param", f"key={LINXIA_DOC}", "-f", "csv", settings=settings)
    assert [r["key"] for r in csv.DictReader(io.StringIO(as_csv.stdout))] == [LINXIA_DOC, GANSU_STUB, NATIONAL_2021]
    table = run_cli("ask", "tasks_mentioning", "-p", "word=DRG", settings=settings)
    assert "推进医保支付方式改革" in table.stdout


def test_cli_ask_reports_errors_in_one_line(seeded_store: GraphStore, request: pytest.FixtureRequest,
                                            tmp_path: Path) -> None:  # fmt: skip
    settings = cli_settings(seeded_store.engine, request, tmp_path)
    for args, words in [(["who_is_in_charge"], "no saved question"), (["notices", "-p", "year_from=abc"], "year_from"),
                        (["notices", "-p", "colour=red"], "colour"), (["notices", "-f", "xml"], "--format")]:  # fmt: skip
        result = run_cli("ask", *args, settings=settings)
        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0] and "Traceback" not in result.stderr
