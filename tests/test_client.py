"""The Python client (`import policygraph as pg; g = pg.connect()`) on both engines over the five seeds: each method
answers the very rows of the API endpoint (or CLI command) it mirrors, `.to_pandas()` works on every answer, values
are escaped in Jupyter's HTML, and a bad value raises the library's one-line error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import policygraph as pg
from policygraph.client import Diffusion, Document, Lineage, Network, Rows
from policygraph.client.frames import MISSING
from policygraph.core.errors import BadQuery, InvalidParameter, NotFound
from policygraph.graph.store import GraphStore
from tests.support.cli import run_cli
from tests.support.engines import NEO4J_PASSWORD, SEEDED_GRAPH, cli_settings
from tests.support.paths import ROOT, SEEDS

LINXIA = "临州办发〔2021〕76号"
GANSU = "甘政办发〔2021〕70号"
SHANXI = "晋政办发〔2022〕83号"
NATIONAL_2021 = "国办发〔2021〕20号"
SIXIAN = "安徽省宿州市泗县|2021|泗县深化医药卫生体制改革2021年-2022年重点工作任务"
XIZANG_WJW = "西藏自治区|西藏自治区卫生健康委员会"
LINXIA_CHAIN = f"{LINXIA} → {GANSU} (explicit, stub) → {NATIONAL_2021} (inferred, stub)"


@pytest.fixture(scope="module")
def g(seeded_store: GraphStore) -> pg.Graph:
    """The client over the seeded store of each engine (not closed: the module's other fixtures share the store)."""
    return pg.Graph(seeded_store)


def as_json(value: Any) -> Any:
    """What the API would send for this value."""
    return json.loads(json.dumps(value, ensure_ascii=False))


def answer(api: Any, path: str, **params: Any) -> Any:
    found = api.get(path, params=params)
    assert found.status_code == 200, found.text
    return found.json()


def same_as_api(mine: Any, theirs: Any) -> bool:
    """Every field the API answers has the same value in the client's answer (which may hold more: `tier`)."""
    if isinstance(theirs, dict):
        return isinstance(mine, dict) and all(k in mine and same_as_api(mine[k], v) for k, v in theirs.items())
    if isinstance(theirs, list):
        return isinstance(mine, list) and len(mine) == len(theirs) and all(map(same_as_api, mine, theirs))
    return bool(mine == theirs)


# --- the same rows as the API -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 5},
        {"region": "甘肃", "limit": 3},
        {"level": "county", "year_from": 2021, "year_to": 2021, "limit": 3},
        {"basis": "sole", "limit": 4},
        {"collectives": True, "limit": 500},
        {"group_by": "function", "limit": 5},
    ],
)
def test_top_leads_are_the_apis_rows(g: pg.Graph, api: Any, params: dict[str, Any]) -> None:
    query = {**params, "collectives": "include" if params.get("collectives") else "exclude"}
    expected = answer(api, "/agencies/top-leads", **query)
    rows = g.top_leads(**params)
    assert isinstance(rows, Rows) and as_json(rows) == expected["items"]
    assert rows.has_more is expected["has_more"]


def test_top_leads_hand_checked(g: pg.Graph) -> None:
    rows = g.top_leads(limit=3)
    assert [(r["agency"]["key"], r["tasks"]) for r in rows] == [(XIZANG_WJW, 17), ("安徽省宿州市泗县|泗县卫生健康委员会", 15),
                                                                ("甘肃省临夏回族自治州|临夏回族自治州卫生健康委员会", 14)]  # fmt: skip
    frame = rows.to_pandas()
    assert list(frame["agency.name"]) == [r["agency"]["name"] for r in rows] and list(frame["tasks"]) == [17, 15, 14]


@pytest.mark.parametrize(
    "params",
    [{}, {"level": "provincial"}, {"region": "甘肃", "stub": True}, {"year_from": 2022}, {"stub": True, "limit": 3}],
)
def test_documents_are_the_apis_rows(g: pg.Graph, api: Any, params: dict[str, Any]) -> None:
    expected = answer(api, "/documents", **{"limit": 100, **params})
    rows = g.documents(**params)
    assert as_json(rows) == expected["items"] and rows.has_more is expected["has_more"]


def test_a_document_is_the_apis_answer(g: pg.Graph, api: Any) -> None:
    for key in (LINXIA, GANSU):
        notice = g.document(key)
        assert isinstance(notice, Document) and same_as_api(as_json(notice), answer(api, f"/documents/{key}"))
    tasks = g.document(SHANXI).to_pandas()
    assert len(tasks) == 20 and tasks.loc[0, "leads"] == "山西省发展和改革委员会"
    assert tasks["leads"].str.contains("山西省卫生健康委员会").sum() == 9  # it leads 9 tasks (test_api_agencies)


def test_lineage_is_the_apis_answer(g: pg.Graph, api: Any) -> None:
    for notice in g.documents():
        found = g.lineage(notice["key"])
        assert isinstance(found, Lineage)
        assert same_as_api(as_json(found), answer(api, f"/documents/{notice['key']}/lineage"))
    linxia = g.lineage(LINXIA)
    assert str(linxia) == LINXIA_CHAIN
    chain = linxia.to_pandas()
    assert list(chain["key"]) == [LINXIA, GANSU, NATIONAL_2021] and list(chain["relation"][1:]) == [
        "explicit",
        "inferred",
    ]
    assert [gap["region"] for gap in g.lineage(SIXIAN)["missing_tiers"]] == ["安徽省宿州市", "安徽省"]


def test_search_is_the_apis_rows(g: pg.Graph, api: Any) -> None:
    expected = answer(api, "/search", q="医共体", region="安徽", limit=3)
    rows = g.search("医共体", region="安徽", limit=3)
    assert as_json(rows) == expected["items"] and rows and rows.has_more is expected["has_more"]


def test_network_is_the_apis_answer(g: pg.Graph, api: Any) -> None:
    found = g.network(region="临夏州", sort="degree")
    expected = answer(api, "/networks/agencies", region="临夏州", sort="degree", limit=500)
    assert isinstance(found, Network)
    assert as_json(found.measures) == expected["network"] and as_json(found.agencies) == expected["items"]
    assert as_json(found.edges()) == answer(api, "/networks/agencies/edges", region="临夏州", limit=500)["items"]
    assert found.graph.number_of_nodes() == 17 and found.graph.number_of_edges() == 64
    frame = found.to_pandas()
    assert len(frame) == 17 and frame.loc[0, "key"] == found.agencies[0]["key"]


def test_network_is_the_cli_answer(g: pg.Graph, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    done = run_cli("network", "--document", SHANXI, "--directed", "--format", "json",
                   settings=cli_settings(g.engine, request, tmp_path))  # fmt: skip
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    found = g.network(document=SHANXI, directed=True)
    assert as_json(found.measures) == printed["network"]
    assert [{k: v for k, v in row.items() if k != "rank"} for row in as_json(found.agencies)] == printed["agencies"]


def test_programmes_and_diffusion_are_the_apis_answers(g: pg.Graph, api: Any) -> None:
    assert as_json(g.programmes()) == answer(api, "/diffusion/programmes", limit=500)["items"]
    assert as_json(g.programmes(label="top-down")) == []
    sanming = g.diffusion("三明经验")
    assert isinstance(sanming, Diffusion)
    assert same_as_api(as_json(sanming), answer(api, "/diffusion/programmes/三明经验"))
    by_year = sanming.to_pandas()
    assert list(by_year["year"]) == [2021, 2022, 2023, 2024] and list(by_year["total"]) == [1, 2, 2, 3]
    assert "provincial: 广东省" in by_year["added"].iloc[-1]
    assert sanming.chart().startswith("<svg") and sanming.chart()._repr_svg_() == sanming.chart()


def test_ask_is_the_apis_answer(g: pg.Graph, api: Any) -> None:
    expected = answer(api, "/questions/tasks_mentioning", word="DRG", limit=2)
    rows = g.ask("tasks_mentioning", word="DRG", limit=2)
    assert as_json(rows) == expected["rows"] and rows.has_more is expected["has_more"]
    assert "tasks_mentioning" in [q["name"] for q in g.questions()]


def test_query_runs_text_or_a_named_query_read_only(g: pg.Graph) -> None:
    rows = g.query("MATCH (d:Document) WHERE d.stub = false AND d.year = $year RETURN d.key AS key ORDER BY key",
                   year=2022)  # fmt: skip
    assert rows == [{"key": SHANXI}]
    assert g.query("engine_ping") == [{"ok": 1}]
    with pytest.raises(BadQuery):
        g.query("CREATE (:Document {key: $key})", key="written")
    assert g.query("MATCH (d:Document {key: 'written'}) RETURN d.key AS key") == []


def test_ingest_reports_each_file(g: pg.Graph, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    outcomes = g.ingest([SEEDS, empty])
    assert sorted(row["status"] for row in outcomes) == ["failed"] + ["unchanged"] * 5
    [failed] = [row for row in outcomes if row["status"] == "failed"]
    assert failed["source"] == str(empty) and failed["reason"]
    assert g.ingest(SEEDS / "003_2022_山西省_晋政办发〔2022〕83号.txt")[0]["key"] == SHANXI


# --- errors ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "parameter"),
    [
        (lambda g: g.top_leads(level="city"), "level"),
        (lambda g: g.top_leads(region="亚特兰蒂斯"), "region"),
        (lambda g: g.top_leads(basis=["guess"]), "basis"),
        (lambda g: g.top_leads(year_from=2024, year_to=2021), "year_from"),
        (lambda g: g.top_leads(limit=0), "limit"),
        (lambda g: g.top_leads(group_by="region"), "group_by"),
        (lambda g: g.documents(region="火星"), "region"),
        (lambda g: g.documents(year_from=2024, year_to=2021), "year_to"),
        (lambda g: g.search("医改", level="city"), "level"),
        (lambda g: g.network(sort="size"), "sort"),
        (lambda g: g.network(region="火星"), "region"),
        (lambda g: g.programmes(label="sideways"), "label"),
        (lambda g: g.ask("tasks_mentioning"), "word"),
    ],
)
def test_a_bad_value_is_an_invalid_parameter_naming_it(g: pg.Graph, call: Any, parameter: str) -> None:
    with pytest.raises(InvalidParameter) as refused:
        call(g)
    assert refused.value.parameter == parameter and "\n" not in str(refused.value)


@pytest.mark.parametrize(
    "call",
    [
        lambda g: g.lineage("no such notice"),
        lambda g: g.document("no such notice"),
        lambda g: g.network(document="no such notice"),
        lambda g: g.diffusion("不存在的计划"),
        lambda g: g.ask("no_such_question"),
    ],
)
def test_a_key_that_names_nothing_is_not_found(g: pg.Graph, call: Any) -> None:
    with pytest.raises(NotFound) as missing:
        call(g)
    assert "\n" not in str(missing.value)


# --- connecting ------------------------------------------------------------------------------------------------------


def test_connect_takes_the_cli_settings(g: pg.Graph, request: pytest.FixtureRequest) -> None:
    if g.engine == "neo4j":
        where = {"neo4j_uri": request.getfixturevalue("neo4j_uri"), "neo4j_password": NEO4J_PASSWORD}
    else:
        where = {"falkordb_url": request.getfixturevalue("falkordb_url"), "graph_name": SEEDED_GRAPH}
    with pg.connect(g.engine, start=False, **where) as connected:
        assert connected.engine == g.engine and connected.top_leads(limit=3) == g.top_leads(limit=3)


def test_connect_reads_the_environment(
    g: pg.Graph, request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in cli_settings(g.engine, request, tmp_path).items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)  # no .env of the checkout
    with pg.connect(start=False) as connected:
        assert connected.engine == g.engine and len(connected.documents()) == 5


def test_connect_refuses_unknown_settings_and_values() -> None:
    with pytest.raises(InvalidParameter, match="'graph' is not a setting"):
        pg.connect(graph="policygraph")
    with pytest.raises(InvalidParameter, match="setting engine") as refused:
        pg.connect(engine="mysql")  # type: ignore[arg-type]
    assert refused.value.parameter == "engine"


def test_importing_settings_does_not_load_the_library() -> None:
    code = (
        "import sys, policygraph.core.settings\n"
        "assert not [m for m in sys.modules if m.startswith(('policygraph.client', 'policygraph.graph'))]\n"
        "import policygraph as pg\n"
        "assert pg.connect.__module__ == 'policygraph.client.connection' and 'policygraph.client' in sys.modules\n"
        "try:\n    pg.nothing\nexcept AttributeError:\n    pass\nelse:\n    raise SystemExit('no AttributeError')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


# --- shown in Jupyter, turned into pandas ----------------------------------------------------------------------------

HOSTILE = '<script>alert("x")</script>'


def test_html_escapes_every_value_and_column() -> None:
    rows = Rows([{HOSTILE: HOSTILE, "nested": {"name": HOSTILE}, "list": [HOSTILE]}], title=HOSTILE)
    page = rows._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" in page
    for answer_html in (
        Lineage({"key": HOSTILE, "title": HOSTILE, "hops": [{"key": HOSTILE, "relation": HOSTILE}], "missing_tiers": [],
                 "reaches_national": False})._repr_html_(),
        Document({"key": HOSTILE, "tasks": [], "citations": [{"quote": HOSTILE}]})._repr_html_(),
    ):  # fmt: skip
        assert "<script>" not in answer_html and "&lt;script&gt;" in answer_html


def test_real_answers_show_as_tables(g: pg.Graph) -> None:
    assert "西藏自治区卫生健康委员会" in g.top_leads(limit=2)._repr_html_()
    assert LINXIA_CHAIN in g.lineage(LINXIA)._repr_html_()
    assert "<table" in g.document(LINXIA)._repr_html_() and "<table" in g.diffusion("三明医改经验")._repr_html_()
    assert "17 agencies" in g.network(region="临夏州")._repr_html_()


def test_long_answers_show_their_first_rows() -> None:
    rows = Rows({"n": n} for n in range(120))
    assert rows._repr_html_().count("<tr>") == 1 + 50 and "the first 50 shown" in rows._repr_html_()
    assert isinstance(rows[:3], Rows) and rows[:3] == [{"n": 0}, {"n": 1}, {"n": 2}] and rows[5] == {"n": 5}


def test_to_pandas_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails, as when it is not installed
    with pytest.raises(ImportError) as missing:
        Rows([{"a": 1}]).to_pandas()
    assert str(missing.value) == MISSING and "pip install 'policygraph[pandas]'" in MISSING


def test_an_empty_answer_is_an_empty_frame() -> None:
    assert Rows().to_pandas().empty
