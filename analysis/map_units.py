"""Which regions a map of a given level is made of, and which of them a region falls in.

A map of one level covers the whole country without gaps or overlaps, so its *units* are:
- the regions of that level (the 333 prefectures on a prefecture map);
- where the tree skips the level, the regions below it (the districts of the four municipalities and the county-level
  units a province governs directly, such as 湖北省仙桃市, on a prefecture map);
- where a branch stops above the level, its last region (东莞市, which has no counties, on a county map; 台湾, 香港
  and 澳门 on every map).

A region is counted in the unit that is itself or contains it. A region above every unit (a province on a county
map) and the country itself are *above the level*: the map says how many notices that leaves out.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal, get_args

from policygraph.ingest import divisions
from policygraph.ingest.divisions import Region

MapLevel = Literal["province", "prefecture", "county"]
MAP_LEVELS: tuple[MapLevel, ...] = get_args(MapLevel)
RANK = {"national": 0, "provincial": 1, "prefectural": 2, "county": 3}
LEVEL_RANK: dict[MapLevel, int] = {"province": 1, "prefecture": 2, "county": 3}


@dataclass(frozen=True)
class Unit:
    """A region as a map draws it."""

    code: str
    name: str
    path: str  # full path (甘肃省临夏回族自治州): what the explorer's region filter takes
    tier: str  # provincial | prefectural | county


def unit_of_region(region: Region) -> Unit:
    return Unit(region.code, region.name, divisions.full_path(region), region.level)


@cache
def _with_children() -> frozenset[str]:
    return frozenset(p.code for r in divisions.all_regions() for p in divisions.parents(r)[:1])


def is_unit(region: Region, level: MapLevel) -> bool:
    rank, wanted = RANK[region.level], LEVEL_RANK[level]
    if rank == 0:
        return False
    if rank == wanted:
        return True
    if rank > wanted:
        parent = divisions.parents(region)[0]
        return RANK[parent.level] < wanted
    return region.code not in _with_children()


@cache
def units(level: MapLevel) -> tuple[Unit, ...]:
    """Every unit of a map of this level, by code."""
    return tuple(unit_of_region(r) for r in divisions.all_regions() if is_unit(r, level))


@cache
def unit_code_of(code: str, level: MapLevel) -> str | None:
    """The unit of this level that is the region or contains it; None when the region is above the level or unknown."""
    region = divisions.region_by_code(code)
    if region is None:
        return None
    return next((r.code for r in [region, *divisions.parents(region)] if is_unit(r, level)), None)


@cache
def region_of_path(path: str) -> Region | None:
    """A region from a full path or name as the graph stores it (agencies' jurisdictions, stubs' regions)."""
    return divisions.resolve(path) if path else None
