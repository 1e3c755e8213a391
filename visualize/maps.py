"""Maps of China as SVG, drawn in Python from the cached shapes (visualize/map_shapes.py): no script, no tiles, no
CDN, so a page works offline and the same file prints.

Each region is an `<a>` (a click opens its notices in the explorer) around a `<path>` whose `<title>` is what a
hover shows. Counts (notices, lead tasks) are coloured in up to five classes from their quantiles; programme and
reach maps colour each region by its tier (chart.py's colours), over the level's units. Every visible word comes
from `texts`, given by the template (visualize/templates/_map_svg.html) so that it can be translated; every text
from the graph goes through `escape`. A region with no shape is written under the map, never dropped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from markupsafe import Markup, escape

from policygraph.analysis.map_units import RANK
from policygraph.analysis.maps import Area, RegionMap
from policygraph.visualize import urls
from policygraph.visualize.chart import TIER_COLOURS
from policygraph.visualize.map_shapes import CHINA, Shapes, shape_of, shapes

BLUES = ("#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
ZERO = "#f0f0f0"  # a unit with nothing in it
UNDER = "#fcdcae"  # a tier map's unit with some mark inside it
FONT = 'font-family="sans-serif"'
LINE = 16  # height of a text line under the map
PER_LINE = 60  # characters of names per line in the list of regions without a shape


@dataclass(frozen=True)
class Legend:
    colour: str
    label: str
    opacity: float = 1.0


def class_bounds(values: Sequence[int], classes: int = len(BLUES)) -> list[int]:
    """The upper bounds of up to `classes` classes of the positive values, from their quantiles (each bound is a
    value that occurs, so no class is empty)."""
    positive = np.array(sorted(v for v in values if v > 0))
    if positive.size == 0:
        return []
    shares = np.round(np.linspace(0, 1, classes + 1)[1:], 9)  # 0.6, not 0.6000000000000001
    cuts = np.quantile(positive, shares, method="inverted_cdf")
    return sorted({int(c) for c in cuts})


def class_colour(value: int, bounds: Sequence[int]) -> str:
    if value <= 0:
        return ZERO
    index = next(i for i, bound in enumerate(bounds) if value <= bound)
    return BLUES[index + len(BLUES) - len(bounds)]


def class_legend(bounds: Sequence[int], zero: str) -> list[Legend]:
    legend = [Legend(ZERO, zero)]
    lower = 1
    for bound in bounds:
        legend.append(Legend(class_colour(bound, bounds), str(bound) if bound == lower else f"{lower}–{bound}"))
        lower = bound + 1
    return legend


def year_opacity(year: int, first: int, last: int) -> float:
    """Earlier adopters darker: the first year at 1.0, the last at 0.4."""
    return 1.0 if last == first else round(1.0 - 0.6 * (year - first) / (last - first), 2)


# --- one region -------------------------------------------------------------------------------------------------------


def hover(area: Area, kind: str, texts: Mapping[str, str]) -> str:
    tier = texts.get(f"tier_{area.tier}", area.tier or "")
    if kind == "programme" and area.tier:
        return f"{area.unit.name} · {tier} · {area.value}"
    if kind == "reach" and area.tier:
        return f"{area.unit.name} · {tier} · {area.value} · {texts.get(f'kind_{area.kind}', area.kind or '')}"
    return f"{area.unit.name}: {area.value}"


def region_link(area: Area, year: int | None, group_by: str | None = None) -> str:
    """The explorer home filtered to the region (and year): its notices and the agencies (or functions) leading there."""
    region = None if area.unit.code == CHINA else area.unit.path
    return urls.with_query(urls.HOME, region=region, year_from=year, year_to=year, group_by=group_by)


def shape(area: Area, fill: str, title: str, link: str | None, opacity: float = 1.0) -> str:
    d = shape_of(area.unit.code)
    faded = f' fill-opacity="{opacity:g}"' if opacity < 1 else ""
    path = (f'<path d="{d}" fill="{fill}"{faded} data-code="{area.unit.code}" data-value="{area.value}">'
            f"<title>{escape(title)}</title></path>")  # fmt: skip
    return f'<a href="{escape(link)}">{path}</a>' if link else path


# --- layers -------------------------------------------------------------------------------------------------------------


def count_layer(found: RegionMap, texts: Mapping[str, str], links: bool) -> tuple[list[str], list[Legend]]:
    bounds = class_bounds([a.value for a in found.areas])
    parts = [shape(a, class_colour(a.value, bounds), hover(a, found.kind, texts),
                   region_link(a, found.year, "function" if found.kind == "leads" else None) if links else None)
             for a in found.areas if shape_of(a.unit.code)]  # fmt: skip
    return parts, class_legend(bounds, texts["zero"])


def tier_layers(found: RegionMap, texts: Mapping[str, str], links: bool) -> tuple[list[str], list[Legend]]:
    """The level's units (reached or not), then the marks from the highest tier down, each at its own level."""
    parts = [shape(a, UNDER if a.value else ZERO, hover(a, "count", texts), region_link(a, None) if links else None)
             for a in found.areas if shape_of(a.unit.code)]  # fmt: skip
    marks = sorted(found.marks, key=lambda a: (RANK.get(a.unit.tier, 0), a.unit.code))
    years = [a.value for a in found.marks] if found.kind == "programme" else [0]
    first, last = min(years, default=0), max(years, default=0)
    for a in marks:
        if shape_of(a.unit.code):
            opacity = year_opacity(a.value, first, last) if found.kind == "programme" else 1.0
            year = a.value if found.kind == "programme" else None
            parts.append(shape(a, TIER_COLOURS.get(a.tier or "", "#777777"), hover(a, found.kind, texts),
                               region_link(a, year) if links else None, opacity))  # fmt: skip
    tiers = sorted({a.tier or "" for a in found.marks}, key=lambda t: RANK.get(t, 9))
    legend = [Legend(TIER_COLOURS.get(t, "#777777"), texts.get(f"tier_{t}", t)) for t in tiers]
    if found.kind == "programme" and last > first:
        legend += [Legend("#555555", f"{texts['earlier']} {first}"), Legend("#555555", f"{texts['later']} {last}", 0.4)]
    legend += [Legend(UNDER, texts["reached"]), Legend(ZERO, texts["zero"])]
    return parts, legend


def province_borders(drawn: Shapes) -> str:
    d = "".join(p for code, p in drawn.paths.items() if code.endswith("0000") and code != CHINA)
    return f'<path class="borders" d="{d}" fill="none" stroke="#555" stroke-width="0.6" pointer-events="none"/>'


def inset(drawn: Shapes, label: str) -> str:
    """The 南海诸岛 box: the country's outline and the maritime boundary, smaller, in the lower right corner."""
    x, y, w, h = drawn.inset_box
    view = " ".join(f"{v:g}" for v in drawn.inset_view)
    return (f'<g class="inset"><rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" fill="#fff" stroke="#555"/>'
            f'<svg x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" viewBox="{view}">'
            f'<path d="{drawn.paths[CHINA]}" fill="#ddd" stroke="#555" stroke-width="1"/>'
            f'<path d="{drawn.maritime}" fill="none" stroke="#555" stroke-width="2.5"/></svg>'
            f'<text x="{x + w - 6:g}" y="{y + h - 8:g}" text-anchor="end" font-size="13" {FONT}>{escape(label)}</text>'
            "</g>")  # fmt: skip


def legend_group(title: str, entries: Sequence[Legend], height: float) -> str:
    top = height - 24 - LINE * (len(entries) + 1)
    parts = [
        f'<g class="legend" font-size="13" {FONT}><text x="16" y="{top:g}" font-weight="bold">{escape(title)}</text>'
    ]
    for i, entry in enumerate(entries):
        y = top + LINE * (i + 0.5)
        faded = f' fill-opacity="{entry.opacity:g}"' if entry.opacity < 1 else ""
        parts.append(f'<rect x="16" y="{y:g}" width="18" height="12" fill="{entry.colour}"{faded} stroke="#999" '
                     f'stroke-width="0.5"/><text x="40" y="{y + 10:g}">{escape(entry.label)}</text>')  # fmt: skip
    return "".join(parts) + "</g>"


def without_shape(found: RegionMap) -> list[Area]:
    """The regions of the map that no shape draws (new divisions the data predates): listed under the map."""
    return [a for a in [*found.areas, *found.marks] if shape_of(a.unit.code) is None]


def missing_lines(found: RegionMap, label: str) -> list[str]:
    names = [f"{a.unit.name} ({a.value})" for a in without_shape(found)]
    if not names:
        return []
    lines, line = [], label
    for name in names:
        if len(line) + len(name) > PER_LINE:
            lines.append(line)
            line = ""
        line = f"{line} {name}".strip()
    return [*lines, line]


def draw(found: RegionMap, texts: Mapping[str, str], *, links: bool = True) -> Markup:
    """The map as one <svg> element (safe to put into a page as is: every text in it is escaped)."""
    drawn = shapes()
    layers, legend = (count_layer if found.kind in ("notices", "leads") else tier_layers)(found, texts, links)
    notes = missing_lines(found, texts["no_shape"])
    height = drawn.height + LINE * len(notes) + (8 if notes else 0)
    role = "" if links else ' role="img"'  # an image has no parts for assistive technology: not with links inside
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="0 0 {drawn.width:g} {height:g}" '
            f'width="{drawn.width:g}" height="{height:g}"{role} aria-label="{escape(texts["title"])}">'
            f'<title>{escape(texts["title"])}</title><rect width="100%" height="100%" fill="#fff"/>'
            f'<text x="16" y="28" font-size="18" {FONT}>{escape(texts["title"])}</text>')  # fmt: skip
    # The country first: a gap between units (a tract the data gives no division code) shows as land, not as sea.
    body = [f'<path class="country" d="{drawn.paths[CHINA]}" fill="{ZERO}" fill-rule="evenodd"/>',
            f'<g class="regions" stroke="#fff" stroke-width="0.4" fill-rule="evenodd">{"".join(layers)}</g>',
            province_borders(drawn) if found.level != "province" or found.marks else "",
            f'<path class="maritime" d="{drawn.maritime}" fill="none" stroke="#555" stroke-width="1"/>',
            inset(drawn, texts["inset"]), legend_group(texts["legend"], legend, drawn.height)]  # fmt: skip
    body += [f'<text class="no-shape" x="16" y="{drawn.height + LINE * (i + 1):g}" font-size="13" {FONT}>'
             f"{escape(line)}</text>" for i, line in enumerate(notes)]  # fmt: skip
    return Markup(head + "".join(body) + "</svg>")
