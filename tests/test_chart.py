"""visualize/chart.py: the step chart is well-formed SVG, escapes every text, and copes with no data and one year."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from policygraph.core import i18n
from policygraph.visualize.chart import HEIGHT, MARGIN_BOTTOM, Series, step_chart, value_ticks

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script>&amp;'


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # raises on anything that is not well-formed XML


def texts(root: ET.Element) -> list[str]:
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def test_hostile_title_and_series_names_stay_text() -> None:
    svg = str(step_chart([Series(HOSTILE, [(2020, 1), (2021, 2)])], title=HOSTILE, y_label=HOSTILE))
    assert "<script" not in svg and "&lt;script&gt;" in svg
    root = parse(svg)
    assert root.find(f"{SVG}title") is not None and "".join(root.find(f"{SVG}title").itertext()) == HOSTILE  # type: ignore[union-attr]
    assert root.get("aria-label") == HOSTILE
    assert f"{HOSTILE} (2)" in texts(root)  # the legend: name and last value
    assert HOSTILE in texts(root)  # the y axis label
    assert [g.get("data-series") for g in root.iter(f"{SVG}g") if g.get("class") == "series"] == [HOSTILE]


def test_empty_chart_says_so_and_draws_no_series() -> None:
    for language, says in (("en", "No adoption to chart"), ("zh", "暂无采纳数据")):
        for series in ([], [Series("county", [])]):
            with i18n.using(language):
                root = parse(str(step_chart(series, title="nothing")))
            assert says in texts(root)
            assert root.findall(f".//{SVG}path") == []


def test_one_year_is_one_step_across_its_band() -> None:
    root = parse(str(step_chart([Series("provincial", [(2022, 3)])], title="one year")))
    (path,) = root.iter(f"{SVG}path")
    moves = re.findall(r"([ML])([\d.]+),([\d.]+)", path.get("d", ""))
    assert [m[0] for m in moves] == ["M", "L"]
    (_, x0, y0), (_, x1, y1) = moves
    assert float(x1) > float(x0) and y0 == y1  # horizontal, at the top value
    assert "2022" in texts(root) and "2021" not in texts(root) and "2023" not in texts(root)


def steps(language: str) -> ET.Element:
    with i18n.using(language):
        chart = step_chart([Series("provincial", [(2021, 0), (2022, 1), (2023, 1), (2024, 2)]),
                            Series("county", [(2021, 1), (2022, 1), (2023, 1), (2024, 1)])], title="t")  # fmt: skip
    return parse(str(chart))


def test_steps_rise_where_the_value_grows_and_series_are_kept_apart() -> None:
    root = steps("en")
    provincial, county = (p.get("d", "") for p in root.iter(f"{SVG}path"))
    levels = [float(y) for y in re.findall(r"[\d.]+,([\d.]+)", provincial)]
    assert len(levels) == 8 and levels[0] == levels[1] > levels[2] == levels[4] > levels[6]  # SVG y grows downwards
    assert levels[0] == HEIGHT - MARGIN_BOTTOM  # zero sits on the x axis
    county_levels = {float(y) for y in re.findall(r"[\d.]+,([\d.]+)", county)}
    assert len(county_levels) == 1 and county_levels != {levels[2]}  # same value 1, drawn a few pixels apart
    assert [t for t in texts(root) if t.startswith("20")] == ["2021", "2022", "2023", "2024"]
    assert {"provincial (2)", "county (1)", "Year"} <= set(texts(root))
    # The same chart in Chinese: tiers and axis named in Chinese, the series still keyed by their codes.
    chinese = steps("zh")
    assert {"省级 (2)", "县级 (1)", "年份", "地区数"} <= set(texts(chinese))
    assert [g.get("data-series") for g in chinese.iter(f"{SVG}g") if g.get("class") == "series"] == [
        "provincial",
        "county",
    ]
    assert len(list(root.iter(f"{SVG}circle"))) == 8


def test_value_ticks_are_whole_numbers_from_zero() -> None:
    assert value_ticks(1) == [0, 1]
    assert value_ticks(5) == [0, 1, 2, 3, 4, 5]
    assert value_ticks(12) == [0, 3, 6, 9, 12]
