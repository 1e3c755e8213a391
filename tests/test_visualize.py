"""visualize/ without a browser: escaping, colours and shapes by kind, dashed inferred edges, layouts, the lineage
overlay, the assets, and no link to the internet anywhere in the pages' sources."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from policygraph.core import i18n
from policygraph.visualize import assets, layout, lineage, network, render, style, urls

ROOT = Path(__file__).resolve().parent.parent
XSS = "<img src=x onerror=alert(1)>"
LINXIA = "临州办发〔2021〕76号"
GANSU = "甘政办发〔2021〕70号"
NATIONAL = "国办发〔2021〕20号"


def node(id_: str, kind: str, **fields: Any) -> dict[str, Any]:
    base = {"id": id_, "kind": kind, "label": id_, "hop": 1, "level": None, "stub": None, "kind_detail": None,
            "task_count": None, "title": None}  # fmt: skip
    return {**base, **fields}


def edge(source: str, target: str, type_: str, **fields: Any) -> dict[str, Any]:
    return {"source": source, "target": target, "type": type_, "relation": None, "basis": None, "quote": None,
            "reason": None, **fields}  # fmt: skip


def sample() -> dict[str, Any]:
    """A notice with one task, one lead agency and its lineage, shaped like GET /subgraph."""
    nodes = [
        node(LINXIA, "Document", hop=0, level="prefectural", stub=False, task_count=26, title=XSS),
        node(GANSU, "Document", level="provincial", stub=True),
        node(f"{LINXIA}#1", "Task", label="(一)加强组织领导", level="prefectural"),
        node("甘肃省临夏回族自治州|临夏回族自治州医疗保障局", "Agency", hop=2, level="prefectural", kind_detail="agency",
             task_count=9, label="临夏回族自治州医疗保障局"),
    ]  # fmt: skip
    edges = [
        edge(LINXIA, GANSU, "IMPLEMENTS", relation="explicit", reason="cited as its basis"),
        edge(LINXIA, f"{LINXIA}#1", "HAS_TASK"),
        edge("甘肃省临夏回族自治州|临夏回族自治州医疗保障局", f"{LINXIA}#1", "LEADS", basis="explicit",
             quote="(牵头单位:州医保局</script>)"),
    ]  # fmt: skip
    return {"nodes": nodes, "edges": edges, "truncated": False}


# --- escaping ------------------------------------------------------------------------------------------------------


def test_script_json_escapes_what_could_end_or_break_a_script_and_stays_json() -> None:
    value = {"title": f"</script>{XSS}&'\u2028\u2029"}
    text = str(render.script_json(value))
    for raw in ("<", ">", "&", "'", "\u2028", "\u2029"):
        assert raw not in text
    assert json.loads(text) == value


def test_standalone_page_shows_a_hostile_title_as_text() -> None:
    subgraph = sample()
    graph = network.graph_payload(subgraph, "layered", links=False)
    html = render.standalone(graph, title=XSS, subtitle=f"</script>{XSS}")
    assert XSS not in html and "</script><img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # the heading, escaped
    data = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    assert data is not None
    assert XSS in json.loads(data.group(1))["nodes"][0]["title"]  # intact once parsed


def test_standalone_page_has_no_reference_outside_itself() -> None:
    html = render.standalone(network.graph_payload(sample(), links=False), title="t")
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', html)
    assert "<script src" not in html and '<link rel="stylesheet"' not in html  # everything inlined
    for name in assets.SCRIPTS:
        assert "</script" not in assets.text(name).lower()  # safe to inline


def test_no_page_source_links_to_the_internet() -> None:
    pattern = re.compile(r'(src|href)\s*=\s*["\']?https?:', re.I)
    for folder in ("visualize", "api"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix in (".py", ".html", ".js", ".css"):
                assert not pattern.search(path.read_text(encoding="utf-8")), path


# --- style ---------------------------------------------------------------------------------------------------------


def test_colour_and_shape_by_kind() -> None:
    levels = {style.node_colour(node("d", "Document", level=level)) for level in style.LEVEL_COLOURS}
    assert len(levels) == len(style.LEVEL_COLOURS)  # one colour per level
    kinds = {style.node_colour(node("a", "Agency", kind_detail=kind)) for kind in style.AGENCY_COLOURS}
    assert len(kinds) == len(style.AGENCY_COLOURS)
    assert style.node_colour(node("t", "Task")) == style.TASK_COLOUR
    assert style.node_colour(node("p", "Programme")) == style.PROGRAMME_COLOUR
    shapes = {
        kind: style.node_visuals(node("x", kind))["shape"] for kind in ("Document", "Task", "Agency", "Programme")
    }
    assert len(set(shapes.values())) == 4


def test_stub_is_hollow_with_a_dashed_border() -> None:
    full = style.node_visuals(node("d", "Document", level="provincial", stub=False))
    stub = style.node_visuals(node("d", "Document", level="provincial", stub=True))
    assert full["color"]["background"] == style.LEVEL_COLOURS["provincial"]
    assert stub["color"]["background"] == "#ffffff" and stub["color"]["border"] == style.LEVEL_COLOURS["provincial"]
    assert stub["shapeProperties"]["borderDashes"]


def test_size_grows_with_task_count() -> None:
    sizes = [style.node_size(node("a", "Agency", task_count=n)) for n in (0, 1, 10, 100, 10_000)]
    assert sizes == sorted(sizes) and sizes[0] < sizes[2] and sizes[-1] == 40.0


def test_inferred_edges_are_dashed_explicit_ones_solid() -> None:
    assert style.edge_visuals(edge("a", "b", "IMPLEMENTS", relation="inferred"))["dashes"]
    assert style.edge_visuals(edge("a", "b", "LEADS", basis="standing_clause"))["dashes"]
    assert style.edge_visuals(edge("a", "b", "IMPLEMENTS", relation="explicit"))["dashes"] is False
    assert style.edge_visuals(edge("a", "b", "LEADS", basis="sole"))["dashes"] is False
    widths = {t: style.edge_visuals(edge("a", "b", t))["width"] for t in ("IMPLEMENTS", "LEADS", "COOPERATES_ON")}
    assert widths["IMPLEMENTS"] > widths["LEADS"] > widths["COOPERATES_ON"]


def test_legend_lists_every_edge_type_and_level() -> None:
    sections = style.legend()
    assert {e.edge_type for e in sections["Edges"] if e.edge_type} == set(style.EDGE_STYLES)
    assert any(e.line == "dashed" for e in sections["Edges"])
    assert len([e for e in sections["Notices"] if "notice" in e.label]) >= len(style.LEVEL_COLOURS)


# --- the network -----------------------------------------------------------------------------------------------------


def test_payload_carries_tooltips_pages_and_positions() -> None:
    with i18n.using("zh"):
        chinese = {n["id"]: n for n in network.graph_payload(sample(), "layered")["nodes"]}
    assert "26 项任务" in chinese[LINXIA]["title"] and "市级文件" in chinese[LINXIA]["title"]
    with i18n.using("en"):
        graph = network.graph_payload(sample(), "layered", graph_url="/explore/graph")
    by_id = {n["id"]: n for n in graph["nodes"]}
    centre = by_id[LINXIA]
    assert centre["title"].startswith(f"{LINXIA}\n{XSS}") and "26 tasks" in centre["title"]
    assert centre["page"] == urls.notice(LINXIA) and centre["expand"] == "document"
    assert by_id[f"{LINXIA}#1"]["page"] == urls.notice(LINXIA)  # a task opens its notice
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in graph["nodes"])
    leads = next(e for e in graph["edges"] if e["type"] == "LEADS")
    assert "(牵头单位:州医保局</script>)" in leads["title"] and leads["from"].endswith("医疗保障局")
    assert graph["edge_types"] == ["IMPLEMENTS", "HAS_TASK", "LEADS"]
    assert graph["options"]["physics"]["enabled"] is False


def test_without_links_nodes_open_nothing() -> None:
    graph = network.graph_payload(sample(), links=False)
    assert all(n["page"] is None and n["expand"] is None for n in graph["nodes"])


def test_long_labels_are_cut_and_whole_in_the_tooltip() -> None:
    long = "西藏自治区深化医药卫生体制改革领导小组关于印发通知"
    graph = network.graph_payload({"nodes": [node(long, "Document", hop=0)], "edges": []})
    assert graph["nodes"][0]["label"].endswith("…") and len(graph["nodes"][0]["label"]) == network.LABEL_CHARS
    assert graph["nodes"][0]["full_label"] == long


def test_urls_encode_the_whole_key() -> None:
    key = "安徽省宿州市泗县|2021|a/b#c?d"
    assert (
        urls.notice(key)
        == "/explore/notice/%E5%AE%89%E5%BE%BD%E7%9C%81%E5%AE%BF%E5%B7%9E%E5%B8%82%E6%B3%97%E5%8E%BF%7C2021%7Ca%2Fb%23c%3Fd"
    )
    assert urls.task_notice(f"{key}#3") == urls.notice(key)
    assert urls.with_query("/x", a=None, b=True, c=[1, 2], d="") == "/x?b=true&c=1&c=2"


# --- layouts -------------------------------------------------------------------------------------------------------


def test_layered_puts_national_on_top_then_each_tier_then_tasks_then_agencies() -> None:
    subgraph = sample()
    subgraph["nodes"].append(node(NATIONAL, "Document", level="national", stub=True))
    subgraph["nodes"].append(node("泗县", "Document", level="county"))
    y = {k: v[1] for k, v in layout.layered(subgraph["nodes"], subgraph["edges"]).items()}
    assert (
        y[NATIONAL]
        < y[GANSU]
        < y[LINXIA]
        < y["泗县"]
        < y[f"{LINXIA}#1"]
        < y["甘肃省临夏回族自治州|临夏回族自治州医疗保障局"]
    )


def test_layered_wraps_long_rows() -> None:
    nodes = [node("d", "Document", hop=0, level="county")] + [node(f"t{i}", "Task") for i in range(400)]
    positions = layout.layered(nodes, [edge("d", f"t{i}", "HAS_TASK") for i in range(400)])
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    assert max(xs) - min(xs) < 4 * (max(ys) - min(ys))  # not one line 48,000 px wide


def test_radial_rings_grow_with_the_hop() -> None:
    subgraph = sample()
    positions = layout.radial(subgraph["nodes"], subgraph["edges"])
    distance = {k: (x * x + y * y) ** 0.5 for k, (x, y) in positions.items()}
    assert distance[LINXIA] == 0
    assert distance[GANSU] > 0 and distance[f"{LINXIA}#1"] < distance["甘肃省临夏回族自治州|临夏回族自治州医疗保障局"]


def test_radial_places_two_thousand_nodes_apart() -> None:
    nodes = [node("c", "Agency", hop=0)] + [node(f"t{i}", "Task") for i in range(1999)]
    positions = layout.radial(nodes, [edge("c", f"t{i}", "LEADS") for i in range(1999)])
    assert len(set(positions.values())) == 2000


# --- lineage overlay -------------------------------------------------------------------------------------------------

SIXIAN = "安徽省宿州市泗县|2021|泗县深化医药卫生体制改革2021年-2022年重点工作任务"
SIXIAN_LINEAGE = {
    "key": SIXIAN, "doc_no": None, "title": "泗县…", "level": "county", "region": "安徽省宿州市泗县", "year": 2021,
    "stub": False, "reaches_national": True,
    "hops": [{"key": NATIONAL, "doc_no": NATIONAL, "title": "国务院办公厅…", "level": "national", "region": "中国",
              "year": 2021, "stub": True, "relation": "inferred", "reason": "nearest higher tier"}],
    "missing_tiers": [{"level": "prefectural", "region": "安徽省宿州市", "year": 2021, "below": SIXIAN},
                      {"level": "provincial", "region": "安徽省", "year": 2021, "below": SIXIAN}],
}  # fmt: skip


def test_lineage_adds_the_chain_and_marks_missing_tiers() -> None:
    subgraph = {"nodes": [node(SIXIAN, "Document", hop=0, level="county")], "edges": [], "truncated": True}
    with i18n.using("zh"):
        chinese = [
            n["label"] for n in lineage.with_lineage(subgraph, SIXIAN_LINEAGE)["nodes"] if n["kind"] == "Missing"
        ]
    assert chinese == ["缺安徽省宿州市 2021 年文件", "缺安徽省 2021 年文件"]
    with i18n.using("en"):
        drawn = lineage.with_lineage(subgraph, SIXIAN_LINEAGE)
    kinds = {n["id"]: n["kind"] for n in drawn["nodes"]}
    assert kinds[NATIONAL] == "Document"
    missing = [n for n in drawn["nodes"] if n["kind"] == "Missing"]
    assert [m["label"] for m in missing] == ["no 2021 notice of 安徽省宿州市", "no 2021 notice of 安徽省"]
    path = [(e["source"], e["target"]) for e in drawn["edges"] if e["type"] == "MISSING_TIER"]
    assert path == [(SIXIAN, missing[0]["id"]), (missing[0]["id"], missing[1]["id"]), (missing[1]["id"], NATIONAL)]
    implements = [e for e in drawn["edges"] if e["type"] == "IMPLEMENTS"]
    assert len(implements) == 1 and style.is_inferred(implements[0])
    y = {k: v[1] for k, v in layout.layered(drawn["nodes"], drawn["edges"]).items()}
    assert y[NATIONAL] < y[missing[1]["id"]] < y[missing[0]["id"]] < y[SIXIAN]


def test_lineage_adds_nothing_twice() -> None:
    subgraph = sample()
    chain = {**SIXIAN_LINEAGE, "key": LINXIA, "missing_tiers": [],
             "hops": [{"key": GANSU, "doc_no": GANSU, "title": None, "level": "provincial", "stub": True,
                       "relation": "explicit", "reason": "cited as its basis"}]}  # fmt: skip
    drawn = lineage.with_lineage(subgraph, chain)
    assert len(drawn["nodes"]) == len(subgraph["nodes"]) and len(drawn["edges"]) == len(subgraph["edges"])


# --- assets --------------------------------------------------------------------------------------------------------


def test_assets_exist_where_the_pages_load_them() -> None:
    for name, asset in assets.ASSETS.items():
        assert asset.path.is_file(), name
    assert "vis-network" in assets.text("vis-network.min.js")[:2000]
