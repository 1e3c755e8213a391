"""Exports on both engines: networkx reads every format back with the graph's node and edge counts; filters; year
spells for Gephi's timeline; Chinese and hostile text survive; the API and the CLI.

Hand-checked on the seeds (tests/test_loader.py, tests/gold/): 112 tasks (26+19+25+20+22) and 121 LEADS edges
(27+19+55+20+0). 临夏州's notice (seed 000, 2021) has 26 tasks and 27 lead mentions; it cites 甘政办发〔2021〕70号 (a
stub, its explicit parent, which implements 国办发〔2021〕20号) and its region chain is 临夏回族自治州 622900 → 甘肃省
620000 → 中国 100000. 三明医改经验 is mentioned in 2021 (临夏州), 2022 (山西) and 2024 (广东).
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from policygraph.analysis.export_formats import export_bytes, to_gexf
from policygraph.analysis.exports import ExportFilter, read_graph
from policygraph.core.errors import BadInput
from policygraph.graph.store import GraphStore
from policygraph.ingest.divisions import region_prefix
from tests.support.cli import run_cli
from tests.support.engines import cli_settings

LINXIA_DOC = "临州办发〔2021〕76号"
GANSU_STUB = "甘政办发〔2021〕70号"
NATIONAL_2021 = "国办发〔2021〕20号"
GEXF = "{http://www.gexf.net/1.2draft}"


def relationships(graph: nx.MultiDiGraph) -> Counter[str]:
    return Counter(data["relationship"] for _, _, data in graph.edges(data=True))


def labels(graph: nx.MultiDiGraph) -> Counter[str]:
    return Counter(data["labels"] for _, data in graph.nodes(data=True))


def edge_triples(graph: nx.MultiDiGraph, type_key: str = "relationship") -> Counter[tuple[str, str, str]]:
    return Counter((str(u), str(v), str(data[type_key])) for u, v, data in graph.edges(data=True))


def from_csv_zip(data: bytes) -> nx.MultiDiGraph:
    """The graph rebuilt from nodes.csv and edges.csv with the csv module, as a spreadsheet user would."""
    graph = nx.MultiDiGraph()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for row in csv.DictReader(io.TextIOWrapper(archive.open("nodes.csv"), encoding="utf-8", newline="")):
            graph.add_node(row.pop("id"), **row)
        for row in csv.DictReader(io.TextIOWrapper(archive.open("edges.csv"), encoding="utf-8", newline="")):
            graph.add_edge(row.pop("source"), row.pop("target"), relationship=row.pop("type"), **row)
    return graph


READERS = {
    "gexf": lambda data: nx.read_gexf(io.BytesIO(data)),
    "graphml": lambda data: nx.read_graphml(io.BytesIO(data)),
    "csv": from_csv_zip,
    "json": lambda data: nx.node_link_graph(json.loads(data), edges="edges"),
}


# --- the whole graph ----------------------------------------------------------------------------------------------


def test_the_whole_graph_is_exported(seeded_store: GraphStore) -> None:
    graph = read_graph(seeded_store)
    summary = seeded_store.run("graph_summary")[0]
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (summary["nodes"], summary["edges"])
    assert labels(graph)["Task"] == 26 + 19 + 25 + 20 + 22
    assert labels(graph)["Document"] == summary["documents"] + summary["stubs"]
    assert relationships(graph)["LEADS"] == 27 + 19 + 55 + 20 + 0
    assert graph.nodes[LINXIA_DOC]["label"] == LINXIA_DOC and graph.nodes[LINXIA_DOC]["labels"] == "Document"
    assert graph.nodes["620000"]["name"] == "甘肃省"  # regions are keyed by their code
    assert "search_text" not in graph.nodes[f"{LINXIA_DOC}#1"]


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "csv", "json"])
def test_every_format_reads_back_with_the_same_nodes_and_edges(seeded_store: GraphStore, fmt: str) -> None:
    graph = read_graph(seeded_store)
    back = READERS[fmt](export_bytes(graph, fmt))
    assert back.is_directed() and back.is_multigraph()
    assert (back.number_of_nodes(), back.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    assert set(map(str, back.nodes)) == set(graph.nodes)
    # GEXF keeps the relationship type as the edge label (and as the `relationship` attribute).
    assert edge_triples(back, "label" if fmt == "gexf" else "relationship") == edge_triples(graph)
    assert back.nodes[LINXIA_DOC]["title"] == graph.nodes[LINXIA_DOC]["title"]
    assert "临夏回族自治州" in back.nodes[LINXIA_DOC]["title"]


# --- the timeline -------------------------------------------------------------------------------------------------


def spells(data: bytes) -> tuple[ET.Element, dict[str, tuple[str | None, str | None]]]:
    graph = ET.fromstring(data).find(f"{GEXF}graph")
    assert graph is not None
    nodes = {n.get("id", ""): (n.get("start"), n.get("end")) for n in graph.iter(f"{GEXF}node")}
    return graph, nodes


def test_gexf_is_dynamic_with_year_spells(seeded_store: GraphStore) -> None:
    graph, nodes = spells(to_gexf(read_graph(seeded_store)))
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    assert nodes[LINXIA_DOC] == ("2021-01-01", "2021-12-31")
    assert nodes["晋政办发〔2022〕83号#8"] == ("2022-01-01", "2022-12-31")
    assert nodes["三明医改经验"] == ("2021-01-01", "2024-12-31")  # from its first to its last notice
    assert nodes["西藏自治区|西藏自治区卫生健康委员会"] == ("2021-01-01", "2021-12-31")
    assert nodes["100000"] == (None, None)  # 中国: on the map at every date
    leads = [e for e in graph.iter(f"{GEXF}edge") if e.get("label") == "LEADS"]
    assert len(leads) == 121 and all(e.get("start") and e.get("end") for e in leads)
    back = nx.read_gexf(io.BytesIO(to_gexf(read_graph(seeded_store))))
    assert back.nodes[LINXIA_DOC]["start"] == "2021-01-01"


# --- filters ------------------------------------------------------------------------------------------------------


def test_a_region_filter_keeps_the_notices_below_it_with_their_lineage(seeded_store: GraphStore) -> None:
    graph = read_graph(seeded_store, ExportFilter(region=region_prefix("甘肃")))
    tasks = [n for n, d in graph.nodes(data=True) if d["labels"] == "Task"]
    assert len(tasks) == 26 and all(t.startswith(f"{LINXIA_DOC}#") for t in tasks)
    assert relationships(graph)["LEADS"] == 27 and relationships(graph)["HAS_TASK"] == 26
    assert {n for n, d in graph.nodes(data=True) if d["labels"] == "Region"} == {"622900", "620000", "100000"}
    assert relationships(graph)["PART_OF"] == 2
    implements = {(u, v) for u, v, d in graph.edges(data=True) if d["relationship"] == "IMPLEMENTS"}
    assert implements == {(LINXIA_DOC, GANSU_STUB), (GANSU_STUB, NATIONAL_2021)}
    assert read_graph(seeded_store, ExportFilter(region=region_prefix("临夏州"))).number_of_edges() == (
        graph.number_of_edges()
    )


def test_a_document_filter_on_a_national_notice_shows_who_implements_it(seeded_store: GraphStore) -> None:
    graph = read_graph(seeded_store, ExportFilter(document=NATIONAL_2021))
    implementing = {u for u, v, d in graph.edges(data=True) if d["relationship"] == "IMPLEMENTS" and v == NATIONAL_2021}
    assert implementing == {GANSU_STUB, "安徽省宿州市泗县|2021|泗县深化医药卫生体制改革2021年-2022年重点工作任务",
                            "西藏自治区|2021|西藏自治区深化医药卫生体制改革领导小组关于印发《西藏自治区2021年深化医药卫生体制"
                            "改革重点工作任务》的通知"}  # fmt: skip
    citing = {u for u, v, d in graph.edges(data=True) if d["relationship"] == "CITES"}
    assert citing == {LINXIA_DOC}  # 临夏州 cites it (its basis paragraph); no task of anyone comes with it
    assert labels(graph) == Counter({"Document": 5})


def test_year_and_level_filters(seeded_store: GraphStore) -> None:
    in_2022 = read_graph(seeded_store, ExportFilter(year_from=2022, year_to=2022))
    assert labels(in_2022)["Task"] == 20  # 山西 only
    counties = read_graph(seeded_store, ExportFilter(level="county"))
    assert labels(counties)["Task"] == 19  # 泗县 only
    assert read_graph(seeded_store, ExportFilter(year_from=2030)).number_of_nodes() == 0


def test_bad_filters_are_named(seeded_store: GraphStore) -> None:
    for selection, parameter in [(ExportFilter(document="不存在〔2021〕1号"), "document"),
                                 (ExportFilter(level="city"), "level"),
                                 (ExportFilter(year_from=2024, year_to=2021), "year_from")]:  # fmt: skip
        with pytest.raises(BadInput) as error:
            read_graph(seeded_store, selection)
        assert error.value.parameter == parameter
    with pytest.raises(BadInput, match="no region is named"):
        region_prefix("火星")


# --- hostile text -------------------------------------------------------------------------------------------------

HOSTILE = "卫健委 \"引号\" <script>alert(1)</script> & ]]> '单' \\ 😀\n第二行\t制表\r回车,逗号;"


def test_chinese_and_hostile_text_survive_every_format(store: GraphStore) -> None:
    store.write(
        "CREATE (d:Document {key: $doc, title: $text, year: 2021, stub: false, level: 'county', region: $text})"
        "-[:HAS_TASK]->(t:Task {key: $task, title: $text, year: 2021, span: [3, 9]}),"
        " (:Agency {key: $agency, name: $text, aliases: [$text, '州卫健委']})-[:LEADS {quote: $text, basis: 'sole'}]->(t)",
        {"doc": f"{HOSTILE}〔2021〕1号", "task": f"{HOSTILE}#1", "agency": f"x|{HOSTILE}", "text": HOSTILE + "\x07"},
    )
    graph = read_graph(store)
    expected = HOSTILE + "\ufffd"  # a control character XML cannot hold becomes U+FFFD, in every format alike
    for fmt, read in READERS.items():
        back = read(export_bytes(graph, fmt))
        assert (back.number_of_nodes(), back.number_of_edges()) == (3, 2), fmt
        assert back.nodes[f"{HOSTILE}〔2021〕1号"]["title"] == expected, fmt
        # Lists are JSON text, where a control character is an escape (\u0007): it survives as it was.
        assert json.loads(back.nodes[f"x|{HOSTILE}"]["aliases"]) == [HOSTILE + "\x07", "州卫健委"], fmt
        assert back.nodes[f"{HOSTILE}#1"]["span"] == "[3, 9]", fmt
        quotes = [d["quote"] for _, _, d in back.edges(data=True) if d.get("quote")]  # CSV: every column, "" if none
        assert quotes == [expected], fmt


# --- the API ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "media", "name"),
    [("gexf", "application/gexf+xml", "policygraph.gexf"), ("graphml", "application/graphml+xml", "policygraph.graphml"),
     ("csv", "application/zip", "policygraph.zip"), ("json", "application/json", "policygraph.json")],
)  # fmt: skip
def test_api_exports_every_format(api: Any, seeded_store: GraphStore, fmt: str, media: str, name: str) -> None:
    answer = api.get("/export", params={"format": fmt})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith(media)
    assert answer.headers["content-disposition"] == f'attachment; filename="{name}"'
    back = READERS[fmt](answer.content)
    summary = seeded_store.run("graph_summary")[0]
    assert (back.number_of_nodes(), back.number_of_edges()) == (summary["nodes"], summary["edges"])


def test_api_filters(api: Any) -> None:
    answer = api.get("/export", params={"format": "csv", "region": "临夏州"})
    assert answer.status_code == 200
    assert 'filename="policygraph-filtered.zip"' in answer.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(answer.content)) as archive:
        assert sorted(archive.namelist()) == ["edges.csv", "nodes.csv"]
    graph = from_csv_zip(answer.content)
    assert sum(1 for _, d in graph.nodes(data=True) if d["labels"] == "Task") == 26
    assert int(answer.headers["x-node-count"]) == graph.number_of_nodes()


@pytest.mark.parametrize(
    ("params", "status", "parameter"),
    [({"region": "火星"}, 422, "region"), ({"year_from": 2024, "year_to": 2021}, 422, "year_from"),
     ({"level": "city"}, 422, "level"), ({"format": "pdf"}, 422, "format"), ({"document": "不存在〔2021〕1号"}, 404, None)],
)  # fmt: skip
def test_api_bad_filters(api: Any, params: dict[str, Any], status: int, parameter: str | None) -> None:
    answer = api.get("/export", params=params)
    assert answer.status_code == status
    if parameter:
        assert [p["loc"] for p in answer.json()["detail"]] == [["query", parameter]]
    else:
        assert "不存在〔2021〕1号" in answer.json()["detail"]


# --- the CLI ------------------------------------------------------------------------------------------------------


def test_cli_export(seeded_store: GraphStore, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    settings = cli_settings(seeded_store.engine, request, tmp_path)
    summary = seeded_store.run("graph_summary")[0]
    counts = (summary["nodes"], summary["edges"])
    graphml = run_cli("export", "--format", "graphml", "-o", str(tmp_path / "g.graphml"), settings=settings)
    assert graphml.returncode == 0, graphml.stderr
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert (back.number_of_nodes(), back.number_of_edges()) == counts
    assert f"{counts[0]} nodes, {counts[1]} edges" in graphml.stderr
    as_json = run_cli("export", "--format", "json", "--region", "临夏州", settings=settings)  # no --output: stdout
    graph = nx.node_link_graph(json.loads(as_json.stdout), edges="edges")
    assert sum(1 for _, d in graph.nodes(data=True) if d["labels"] == "Task") == 26
    directory = run_cli(
        "export", "--format", "csv", "--document", LINXIA_DOC, "-o", str(tmp_path / "csv"), settings=settings
    )
    assert directory.returncode == 0, directory.stderr
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == ["edges.csv", "nodes.csv"]
    failed = run_cli("export", "--region", "火星", settings=settings)
    assert failed.returncode == 1 and len(failed.stderr.strip().splitlines()) == 1 and "Traceback" not in failed.stderr


def test_cli_exports_the_agency_adjacency_matrix(
    seeded_store: GraphStore, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    # 临夏州's notice names 17 agencies once collectives are left out, and 州卫健委 and 州医保局 share 13 tasks
    # (hand-counted from tests/gold; the same figures as tests/test_network.py).
    settings = cli_settings(seeded_store.engine, request, tmp_path)
    done = run_cli(
        "export", "--format", "adjacency", "--document", LINXIA_DOC, "-o", str(tmp_path / "m.csv"), settings=settings
    )
    assert done.returncode == 0, done.stderr
    with (tmp_path / "m.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    assert len(header) == 18 and len(body) == 17 and all(len(row) == 18 for row in body)
    health = "甘肃省临夏回族自治州|临夏回族自治州卫生健康委员会"
    insurance = "甘肃省临夏回族自治州|临夏回族自治州医疗保障局"
    row = next(row for row in body if row[0] == health)
    assert row[header.index(insurance)] == "13"
    graph = nx.Graph()
    for line in body:
        for name, weight in zip(header[1:], line[1:], strict=True):
            if int(weight):
                graph.add_edge(line[0], name, weight=int(weight))
    # 深改办 shares no task with another agency once the collective 各相关部门 is out: 16 of the 17 have a link
    assert graph.number_of_nodes() == 16 and graph[health][insurance]["weight"] == 13
    unknown_notice = ["--document", "不存在〔2021〕1号", "-o", str(tmp_path / "x.csv")]
    unknown = run_cli("export", "--format", "adjacency", *unknown_notice, settings=settings)
    assert unknown.returncode == 1 and "no notice has the key" in unknown.stderr


def test_an_empty_graph_reads_back_empty() -> None:
    empty = nx.MultiDiGraph()
    for fmt, read in READERS.items():
        back = read(export_bytes(empty, fmt))
        assert (back.number_of_nodes(), back.number_of_edges()) == (0, 0), fmt
