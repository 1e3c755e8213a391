"""A cumulative step chart by year as inline SVG, drawn in Python: no JavaScript, no chart library, works offline.

Each series (one per tier) is a step line: its value for a year is held across that year's band, and a riser joins
it to the next year's. Series at the same value are drawn a few pixels apart so none hides another. Every text that
reaches the SVG (title, series names, labels) goes through `escape`: names come from documents, so they are untrusted.
The chart's own words (axis labels, the empty chart's line, a tier's name) are in the current language (core/i18n.py);
a caller may pass its own labels.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from policygraph.analysis.diffusion import ProgrammeDiffusion
from policygraph.core.i18n import gettext as _
from policygraph.core.terms import term

TIER_COLOURS = {"national": "#b2182b", "provincial": "#2166ac", "prefectural": "#1b7837", "county": "#e08214",
                "unknown": "#777777"}  # fmt: skip
OTHER_COLOURS = ("#762a83", "#35978f", "#8c510a", "#c51b7d")
WIDTH, HEIGHT = 760, 360
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 56, 150, 36, 48
OFFSET = 3  # pixels between series sharing a value
FONT = 'font-family="sans-serif" font-size="12"'


@dataclass(frozen=True)
class Series:
    name: str
    points: Sequence[tuple[int, int]]  # (year, cumulative value), one per year


@dataclass(frozen=True)
class Frame:
    """Where years and values land on the canvas."""

    first_year: int
    years: int
    top: int  # the highest value on the axis

    @property
    def band(self) -> float:
        return (WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / self.years

    def x(self, year: int) -> float:
        """The left edge of a year's band."""
        return MARGIN_LEFT + (year - self.first_year) * self.band

    def y(self, value: float) -> float:
        return HEIGHT - MARGIN_BOTTOM - value / self.top * (HEIGHT - MARGIN_TOP - MARGIN_BOTTOM)


def colour(name: str, position: int) -> str:
    return TIER_COLOURS.get(name, OTHER_COLOURS[position % len(OTHER_COLOURS)])


def value_ticks(top: int) -> list[int]:
    step = max(1, math.ceil(top / 5))
    return list(range(0, top + 1, step))


def _text(x: float, y: float, text: str, anchor: str = "middle", extra: str = "") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" {FONT}{extra}>{escape(text)}</text>'


def _axes(frame: Frame, x_label: str, y_label: str) -> list[str]:
    left, bottom, right = MARGIN_LEFT, HEIGHT - MARGIN_BOTTOM, frame.x(frame.first_year + frame.years)
    parts = [f'<g class="axes" stroke="#333" fill="none"><line x1="{left}" y1="{bottom}" x2="{right:.1f}" '
             f'y2="{bottom}"/><line x1="{left}" y1="{MARGIN_TOP}" x2="{left}" y2="{bottom}"/></g>']  # fmt: skip
    for value in value_ticks(frame.top):
        y = frame.y(value)
        parts.append(f'<line x1="{left - 4}" y1="{y:.1f}" x2="{right:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(_text(left - 8, y + 4, str(value), "end", ' class="y-tick"'))
    for year in range(frame.first_year, frame.first_year + frame.years):
        parts.append(_text(frame.x(year) + frame.band / 2, bottom + 16, str(year), extra=' class="x-tick"'))
    parts.append(_text((left + right) / 2, HEIGHT - 8, x_label, extra=' class="x-label"'))
    parts.append(_text(14, (MARGIN_TOP + bottom) / 2, y_label,
                       extra=f' class="y-label" transform="rotate(-90 14 {(MARGIN_TOP + bottom) / 2:.1f})"'))  # fmt: skip
    return parts


def _step_path(frame: Frame, points: Sequence[tuple[int, int]], shift: float) -> str:
    """Across each year's band at its value, with a riser at each band edge where the value changes."""
    moves: list[str] = []
    for year, value in sorted(points):
        y = frame.y(value) - shift
        moves.append(f"{'M' if not moves else 'L'}{frame.x(year):.1f},{y:.1f} L{frame.x(year + 1):.1f},{y:.1f}")
    return " ".join(moves)


def _series(frame: Frame, series: Series, position: int) -> str:
    stroke = colour(series.name, position)
    shift = position * OFFSET
    marks = "".join(
        f'<circle cx="{frame.x(year) + frame.band / 2:.1f}" cy="{frame.y(value) - shift:.1f}" r="3" fill="{stroke}">'
        f"<title>{escape(term(series.name))} {year}: {value}</title></circle>"
        for year, value in sorted(series.points)
    )
    path = _step_path(frame, series.points, shift)
    return (f'<g class="series" data-series="{escape(series.name)}"><path d="{path}" fill="none" stroke="{stroke}" '
            f'stroke-width="2"/>{marks}</g>')  # fmt: skip


def _legend(series: Sequence[Series]) -> list[str]:
    left = WIDTH - MARGIN_RIGHT + 16
    parts = ['<g class="legend">']
    for position, one in enumerate(series):
        y = MARGIN_TOP + position * 20
        last = max((value for _, value in one.points), default=0)
        parts.append(f'<rect x="{left}" y="{y}" width="14" height="4" fill="{colour(one.name, position)}"/>')
        parts.append(_text(left + 20, y + 6, f"{term(one.name)} ({last})", "start"))
    parts.append("</g>")
    return parts


def step_chart(
    series: Sequence[Series], *, title: str, x_label: str | None = None, y_label: str | None = None
) -> Markup:
    """The SVG element (safe to put into a page as is: every text in it is escaped). Axis labels: "Year" and
    "Regions" in the current language unless given."""
    x_label = _("Year") if x_label is None else x_label
    y_label = _("Regions") if y_label is None else y_label
    points = [p for one in series for p in one.points]
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
            f'height="{HEIGHT}" role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>')  # fmt: skip
    if not points:
        empty = _text(WIDTH / 2, HEIGHT / 2, _("No adoption to chart"), extra=' class="empty"')
        return Markup(f"{head}{empty}</svg>")
    years = [year for year, _ in points]
    frame = Frame(min(years), max(years) - min(years) + 1, max(1, max(value for _, value in points)))
    body = [*_axes(frame, x_label, y_label), *(_series(frame, s, i) for i, s in enumerate(series)), *_legend(series)]
    return Markup(head + "".join(body) + "</svg>")


def adoption_chart(diffusion: ProgrammeDiffusion) -> Markup:
    """A programme's cumulative adoption by year, one series per tier."""
    tiers = list(diffusion.regions_by_tier)
    series = [Series(tier, [(step.year, step.cumulative[tier]) for step in diffusion.series]) for tier in tiers]
    title = _("%(name)s: regions mentioning it, cumulative by year and tier", name=diffusion.name)
    return step_chart(series, title=title, y_label=_("Regions (cumulative)"))
