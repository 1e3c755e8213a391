"""The numbers of the maps: which regions to colour and with what, from the graph, joined on Region codes.

Four maps (docs/maps.md):
- `notices`: notices per region, rolled up to the map's level (optionally of one year);
- `leads`: the tasks led by agencies of one function (卫生健康委员会 …), by the region of the task's notice;
- `programme`: a programme's adopters, each region at its own level with the year of its first mention and its tier
  (adoption as analysis/diffusion.py defines it), over the map's units;
- `reach`: the notices implementing a national notice (IMPLEMENTS, transitively, as analysis/diffusion_notices.py
  finds them), each region at its own level with its tier, over the map's units: a unit with no implementing notice
  inside it has the value 0 and is drawn as such.

Every unit of the level is in `areas`, with 0 when nothing falls in it: a region is never silently left out.
What cannot be placed is counted: `above` (the country, or a tier above the level's units) and `unplaced` (a notice
whose region resolved to none).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, get_args

from policygraph.analysis.diffusion import find_programme
from policygraph.analysis.diffusion_notices import find_notice
from policygraph.analysis.map_units import MapLevel, Unit, region_of_path, unit_code_of, unit_of_region, units
from policygraph.core.errors import InvalidParameter, NotFound
from policygraph.graph.store import GraphStore
from policygraph.ingest import divisions

MapKind = Literal["notices", "leads", "programme", "reach"]
MAP_KINDS: tuple[MapKind, ...] = get_args(MapKind)
FUNCTIONS_SHOWN = 30
SUBJECT_PARAMETER: dict[MapKind, str] = {"notices": "", "leads": "function", "programme": "name", "reach": "key"}


@dataclass(frozen=True)
class Area:
    """One region on a map with its number: notices, lead tasks, first year (programme) or implementing notices."""

    unit: Unit
    value: int
    tier: str | None = None  # the tier of the notices behind a mark (programme, reach)
    notices: int = 0  # programme: notices mentioning it in this region
    kind: str | None = None  # reach: explicit when some chain up to the national notice was cited all the way


@dataclass
class RegionMap:
    kind: MapKind
    level: MapLevel
    year: int | None = None
    subject: str | None = None  # the programme, national notice or agency function
    areas: list[Area] = field(default_factory=list)  # every unit of the level
    marks: list[Area] = field(default_factory=list)  # programme, reach: regions at their own level, over the areas
    above: int = 0  # notices (or tasks) of the country or a tier above the level's units
    unplaced: int = 0  # notices (or tasks) whose region resolved to none

    @property
    def total(self) -> int:
        return sum(a.value for a in self.areas) if self.kind in ("notices", "leads") else len(self.marks)


def rolled_up(counts: Iterable[tuple[str | None, int]], level: MapLevel) -> tuple[Counter[str], int, int]:
    """Counts by region code → by unit of the level, and what fell above it and nowhere."""
    by_unit: Counter[str] = Counter()
    above = unplaced = 0
    for code, count in counts:
        unit = unit_code_of(code, level) if code else None
        if unit is not None:
            by_unit[unit] += count
        elif code and divisions.region_by_code(code) is not None:
            above += count
        else:
            unplaced += count
    return by_unit, above, unplaced


def counted_map(kind: MapKind, rows: list[dict[str, object]], column: str, level: MapLevel, year: int | None,
                subject: str | None = None) -> RegionMap:  # fmt: skip
    counts: dict[str | None, int] = {}
    for row in rows:
        code = row["code"] if isinstance(row["code"], str) else None
        counts[code] = counts.get(code, 0) + int(str(row[column]))
    by_unit, above, unplaced = rolled_up(counts.items(), level)
    areas = [Area(u, by_unit.get(u.code, 0)) for u in units(level)]
    return RegionMap(kind, level, year, subject, areas, [], above, unplaced)


def notices_map(store: GraphStore, level: MapLevel, year: int | None = None) -> RegionMap:
    return counted_map("notices", store.run("map_notices", {"year": year}), "notices", level, year)


def lead_functions(store: GraphStore) -> list[dict[str, object]]:
    return store.run("map_functions", {"limit": FUNCTIONS_SHOWN})


def leads_map(store: GraphStore, function: str, level: MapLevel, year: int | None = None) -> RegionMap:
    rows = store.run("map_leads", {"function": function, "year": year})
    if not rows and (year is None or not store.run("map_leads", {"function": function, "year": None})):
        raise NotFound(f"no agency of the function {function!r} leads a task")
    return counted_map("leads", rows, "tasks", level, year, function)


# --- tier maps: regions at their own level ----------------------------------------------------------------------


def region_codes(store: GraphStore, keys: list[str]) -> dict[str, str | None]:
    return {row["key"]: row["code"] for row in store.run("map_region_codes", {"keys": keys})}


def code_of(code: str | None, path: str | None) -> str | None:
    """The notice's Region code; a stub has none, so its region path is resolved (甘政办发 → 甘肃省)."""
    if code:
        return code
    region = region_of_path(path) if path else None
    return region.code if region else None


def marked_unit(code: str) -> Unit | None:
    region = divisions.region_by_code(code)
    return unit_of_region(region) if region is not None and region.level != "national" else None


def with_areas(found: RegionMap, counts: Counter[str]) -> RegionMap:
    """The level's units under the marks, each with how many of the marks' notices fall inside it."""
    by_unit, _, _ = rolled_up(counts.items(), found.level)
    found.areas = [Area(u, by_unit.get(u.code, 0)) for u in units(found.level)]
    return found


def programme_map(store: GraphStore, name: str, level: MapLevel = "province") -> RegionMap:
    """Each adopting region at its own level: the year of its first mention, its tier, its mentioning notices."""
    diffusion = find_programme(store, name)
    codes = region_codes(store, [m.key for m in diffusion.mentions])
    first: dict[str, tuple[int, str]] = {}
    notices: Counter[str] = Counter()
    found = RegionMap("programme", level, subject=diffusion.name)
    for m in sorted(diffusion.mentions, key=lambda m: (m.year or 9999, m.date or "9999", m.key)):
        code = code_of(codes.get(m.key), m.region)
        if code is None or m.year is None:
            found.unplaced += 1
            continue
        notices[code] += 1
        first.setdefault(code, (m.year, m.tier))
    for code, (year, tier) in sorted(first.items()):
        unit = marked_unit(code) or Unit(code, "中国", "中国", "national")
        found.marks.append(Area(unit, year, tier, notices[code]))
    return with_areas(found, notices)


def reach_map(store: GraphStore, key: str, level: MapLevel = "province") -> RegionMap:
    """Each region with a notice implementing the national notice, at its own level: its tier, the notices there,
    and explicit when one of them is cited up to the national notice all the way."""
    reach = find_notice(store, key)
    codes = region_codes(store, [i.key for i in reach.implementations])
    notices: Counter[str] = Counter()
    tiers: dict[str, str] = {}
    explicit: set[str] = set()
    found = RegionMap("reach", level, subject=reach.doc_no or reach.key)
    for i in reach.implementations:
        code = code_of(codes.get(i.key), i.region)
        if code is None or marked_unit(code) is None:
            found.unplaced += 1
            continue
        notices[code] += 1
        tiers[code] = i.tier
        if i.kind == "explicit":
            explicit.add(code)
    for code in sorted(notices):
        kind = "explicit" if code in explicit else "inferred"
        found.marks.append(Area(marked_unit(code), notices[code], tiers[code], notices[code], kind))  # type: ignore[arg-type]
    return with_areas(found, notices)


def empty_map(kind: MapKind, level: MapLevel) -> RegionMap:
    """The level's units with nothing in them: a map whose subject is not chosen yet."""
    return RegionMap(kind, level, areas=[Area(u, 0) for u in units(level)])


def region_map(store: GraphStore, kind: MapKind, level: MapLevel | None = None, year: int | None = None,
               subject: str | None = None) -> RegionMap:  # fmt: skip
    """One of the four maps. `subject` is the programme (programme), the national notice's key (reach) or the agency
    function (leads); `year` applies to the counted maps (notices, leads)."""
    if kind == "notices":
        return notices_map(store, level or "province", year)
    if not subject:
        raise InvalidParameter(SUBJECT_PARAMETER[kind], f"the {kind} map needs a {SUBJECT_PARAMETER[kind]}")
    if kind == "leads":
        return leads_map(store, subject, level or "province", year)
    if year is not None:  # an adoption or a reach spans the years: a year would be silently ignored
        raise InvalidParameter("year", f"the {kind} map shows every year; only the notices and leads maps take a year")
    if kind == "programme":
        return programme_map(store, subject, level or "province")
    return reach_map(store, subject, level or "province")
