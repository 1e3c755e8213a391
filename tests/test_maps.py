"""The four maps on the five seeds, on both engines: their numbers known exactly, and the same numbers through the
SVG and CSV routes and the `policygraph map` command.

The seeds: 晋政办发〔2022〕83号 (山西省), 粤办函〔2024〕267号 (广东省), the 西藏 2021 notice, 临州办发〔2021〕76号 (甘肃省
临夏回族自治州) and the 泗县 2021 plan (安徽省宿州市泗县); 甘政办发〔2021〕70号 and 国办发〔2021〕20号 are stubs.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from policygraph.analysis import maps
from policygraph.core.errors import InvalidParameter, NotFound
from policygraph.graph.store import GraphStore
from policygraph.visualize import map_shapes
from tests.support.cli import run_cli
from tests.support.engines import cli_settings

SVG = "{http://www.w3.org/2000/svg}"
NATIONAL_2021 = "国办发〔2021〕20号"
COUNTY_SHAPES = 2852 - 5  # every county-map unit but the five the data predates (test_map_shapes.py)


@pytest.fixture(scope="module", autouse=True)
def prepared_shapes() -> None:
    """The shapes built (or read from the cache file) before any request: a first build takes 20-60 s, longer than a
    test client waits."""
    map_shapes.shapes()


def numbers(found: maps.RegionMap) -> dict[str, int]:
    return {a.unit.name: a.value for a in found.areas if a.value}


def marks(found: maps.RegionMap) -> set[tuple[str, str | None, int]]:
    return {(a.unit.name, a.tier, a.value) for a in found.marks}


def test_every_region_of_the_seeds_has_a_shape(seeded_store: GraphStore) -> None:
    codes = [row["code"] for row in seeded_store.run("map_notices", {"year": None})]
    assert sorted(codes) == ["140000", "341324", "440000", "540000", "622900"]
    assert map_shapes.missing(codes) == []


def test_notices_per_region_roll_up_to_each_level(seeded_store: GraphStore) -> None:
    province = maps.notices_map(seeded_store, "province")
    assert numbers(province) == {"山西省": 1, "安徽省": 1, "广东省": 1, "西藏自治区": 1, "甘肃省": 1}
    assert (province.above, province.unplaced, len(province.areas)) == (0, 0, 34)
    prefecture = maps.notices_map(seeded_store, "prefecture")
    assert numbers(prefecture) == {"宿州市": 1, "临夏回族自治州": 1} and prefecture.above == 3
    county = maps.notices_map(seeded_store, "county")
    assert numbers(county) == {"泗县": 1} and county.above == 4
    assert numbers(maps.notices_map(seeded_store, "province", 2021)) == {"安徽省": 1, "西藏自治区": 1, "甘肃省": 1}
    assert numbers(maps.notices_map(seeded_store, "province", 2024)) == {"广东省": 1}


def test_lead_tasks_per_region_of_one_function(seeded_store: GraphStore) -> None:
    province = maps.leads_map(seeded_store, "卫生健康委员会", "province")
    assert numbers(province) == {"山西省": 9, "安徽省": 15, "西藏自治区": 17, "甘肃省": 14}
    assert province.total == 55 and province.above == 0
    prefecture = maps.leads_map(seeded_store, "卫生健康委员会", "prefecture")
    assert numbers(prefecture) == {"宿州市": 15, "临夏回族自治州": 14} and prefecture.above == 26
    assert numbers(maps.leads_map(seeded_store, "医疗保障局", "province")) == {"山西省": 4, "安徽省": 2,
                                                                              "西藏自治区": 10, "甘肃省": 4}  # fmt: skip
    assert numbers(maps.leads_map(seeded_store, "卫生健康委员会", "province", 2019)) == {}
    with pytest.raises(NotFound):
        maps.leads_map(seeded_store, "没有这个局", "province")


def test_a_programme_map_marks_each_adopter_at_its_own_level(seeded_store: GraphStore) -> None:
    found = maps.programme_map(seeded_store, "三明经验")  # a synonym finds 三明医改经验
    assert found.subject == "三明医改经验"
    assert marks(found) == {("泗县", "county", 2021), ("山西省", "provincial", 2022), ("广东省", "provincial", 2024)}
    assert numbers(found) == {"安徽省": 1, "山西省": 1, "广东省": 1}
    with pytest.raises(NotFound):
        maps.programme_map(seeded_store, "没有这个计划")


def test_a_reach_map_shows_the_implementing_regions_and_those_without(seeded_store: GraphStore) -> None:
    found = maps.reach_map(seeded_store, NATIONAL_2021)
    assert marks(found) == {("泗县", "county", 1), ("西藏自治区", "provincial", 1), ("甘肃省", "provincial", 1),
                            ("临夏回族自治州", "prefectural", 1)}  # fmt: skip
    assert numbers(found) == {"安徽省": 1, "西藏自治区": 1, "甘肃省": 2}
    assert sum(1 for a in found.areas if a.value == 0) == 31  # provinces with no implementing notice, drawn as such
    with pytest.raises(NotFound):
        maps.reach_map(seeded_store, "晋政办发〔2022〕83号")  # not a national notice
    with pytest.raises(InvalidParameter):
        maps.region_map(seeded_store, "reach")


def svg_values(svg: str) -> dict[str, int]:
    root = ET.fromstring(svg)
    return {
        p.get("data-code", ""): int(p.get("data-value", "0")) for p in root.iter(f"{SVG}path") if p.get("data-code")
    }


def test_the_svg_and_csv_routes_give_the_same_numbers(api: Any) -> None:
    svg = api.get("/maps/notices/map.svg", params={"level": "county"})
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    drawn = svg_values(svg.text)
    assert len(drawn) == COUNTY_SHAPES and drawn["341324"] == 1 and sum(drawn.values()) == 1
    assert "南沙区 (0)" in svg.text  # a unit without a shape is written under the map
    table = api.get("/maps/reach/map.csv", params={"key": NATIONAL_2021})
    assert table.status_code == 200 and table.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(table.text)))
    regions = {(r["name"], r["tier"], r["implementing_notices"], r["kind"]) for r in rows if r["layer"] == "region"}
    assert regions == {("泗县", "county", "1", "inferred"), ("西藏自治区", "provincial", "1", "inferred"),
                       ("甘肃省", "provincial", "1", "inferred"), ("临夏回族自治州", "prefectural", "1", "inferred")}  # fmt: skip
    units = [r for r in rows if r["layer"] == "unit"]
    assert len(units) == 34 and sum(1 for r in units if r["implementing_notices"] == "0") == 31
    leads = list(
        csv.DictReader(io.StringIO(api.get("/maps/leads/map.csv", params={"function": "卫生健康委员会"}).text))
    )
    assert {r["name"]: int(r["lead_tasks"]) for r in leads if r["lead_tasks"] != "0"} == {
        "山西省": 9, "安徽省": 15, "西藏自治区": 17, "甘肃省": 14}  # fmt: skip


def test_the_map_routes_refuse_bad_input(api: Any) -> None:
    assert api.get("/maps/leads/map.svg").status_code == 422  # no function
    assert api.get("/maps/notices/map.svg", params={"level": "village"}).status_code == 422
    assert api.get("/maps/atlas/map.svg").status_code == 422
    assert api.get("/maps/programme/map.csv", params={"name": "没有这个计划"}).status_code == 404
    assert api.get("/maps/programme/map.csv", params={"name": "三明医改经验", "year": 2021}).status_code == 422
    page = api.get("/explore/map/programme", params={"name": "<b>没有</b>"})
    assert page.status_code == 404 and "<b>没有</b>" not in page.text and "&lt;b&gt;没有&lt;/b&gt;" in page.text


def test_the_map_command_writes_an_svg_and_prints_csv(
    seeded_store: GraphStore, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    settings = cli_settings(seeded_store.engine, request, tmp_path)
    out = tmp_path / "sanming.svg"
    written = run_cli("map", "programme", "三明医改经验", "--level", "prefecture", "-o", str(out), settings=settings)
    assert written.returncode == 0, written.stderr
    drawn = svg_values(out.read_text(encoding="utf-8"))
    assert drawn["140000"] == 2022 and drawn["440000"] == 2024 and drawn["341324"] == 2021
    printed = run_cli("map", "notices", "--level", "prefecture", "--year", "2021", settings=settings)
    assert printed.returncode == 0, printed.stderr
    rows = list(csv.DictReader(io.StringIO(printed.stdout)))
    assert {r["name"]: r["notices"] for r in rows if r["notices"] != "0"} == {"宿州市": "1", "临夏回族自治州": "1"}
    refused = run_cli("map", "notices", "-o", str(tmp_path / "map.png"), settings=settings)
    assert refused.returncode != 0 and "map.png" in refused.stderr


def test_the_reach_page_says_which_tiers_were_reached(api: Any) -> None:
    page = api.get("/explore/map/reach", params={"key": NATIONAL_2021, "level": "prefecture"})
    assert page.status_code == 200
    assert "Tiers reached: provincial, prefectural, county." in page.text and "Tiers missing: —." in page.text
    assert page.text.count('<a href="/?region=') >= 453  # every unit of the level is a link to its notices
