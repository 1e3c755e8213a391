"""Maps of where notices, lead tasks, programmes and national notices reach, by region: a page, an SVG, a CSV.

| route | answers |
| --- | --- |
| `GET /explore/map/{kind}` | page: the map (hover: the number; click: the region's notices), the regions, what is left out |
| `GET /maps/{kind}/map.svg` | the map alone, for print (no links) |
| `GET /maps/{kind}/map.csv` | its numbers, one row per region (visualize/map_csv.py) |

`kind` is notices, leads (needs `function`), programme (needs `name`) or reach (needs `key`); every route takes
`level` (province, prefecture, county) and the counted maps `year`. Numbers in analysis/maps.py, drawing in
visualize/maps.py; docs/maps.md.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, Response

from policygraph.analysis.map_units import MapLevel
from policygraph.analysis.maps import MapKind, RegionMap, empty_map, lead_functions, region_map
from policygraph.api.deps import StoreDep
from policygraph.api.explorer import error_page, page
from policygraph.api.params import Year
from policygraph.core.errors import PolicyGraphError
from policygraph.graph.store import GraphStore
from policygraph.visualize import map_csv, maps, render, urls

router = APIRouter(include_in_schema=False)

Text = Annotated[str | None, Query(min_length=1, max_length=300)]


def built(store: GraphStore, kind: MapKind, level: MapLevel | None, year: int | None, function: str | None,
          name: str | None, key: str | None) -> RegionMap:  # fmt: skip
    subject = {"leads": function, "programme": name, "reach": key}.get(kind)
    return region_map(store, kind, level, year, subject)


def given(level: MapLevel | None, year: int | None, function: str | None, name: str | None,
          key: str | None) -> dict[str, object]:  # fmt: skip
    return {k: v for k, v in {"level": level, "year": year, "function": function, "name": name, "key": key}.items()
            if v is not None}  # fmt: skip


@router.get(f"{urls.MAP}/{{kind}}", response_class=HTMLResponse)
def map_page(store: StoreDep, kind: MapKind, level: MapLevel | None = None, year: Year = None,
             function: Text = None, name: Text = None, key: Text = None) -> HTMLResponse:  # fmt: skip
    """The map with its form, the regions listed with their numbers, and what it could not place."""
    params = given(level, year, function, name, key)
    functions = lead_functions(store) if kind == "leads" else []
    if kind != "notices" and not (function or name or key):
        # No subject chosen yet: the form alone, with an empty map of the level.
        found = empty_map(kind, level or "province")
    else:
        try:
            found = built(store, kind, level, year, function, name, key)
        except PolicyGraphError as e:
            return error_page(e)
    files = [urls.map_file(kind, "csv", **params)]
    return page("map.html", files, region_map=found, params=params, links=True,
                missing=maps.without_shape(found), functions=functions)  # fmt: skip


@router.get(f"{urls.MAP_FILES}/{{kind}}/map.svg")
def map_svg(store: StoreDep, kind: MapKind, level: MapLevel | None = None, year: Year = None,
            function: Text = None, name: Text = None, key: Text = None) -> Response:  # fmt: skip
    found = built(store, kind, level, year, function, name, key)
    return Response(render.map_svg(found), media_type="image/svg+xml; charset=utf-8")


@router.get(f"{urls.MAP_FILES}/{{kind}}/map.csv")
def map_csv_file(store: StoreDep, kind: MapKind, level: MapLevel | None = None, year: Year = None,
                 function: Text = None, name: Text = None, key: Text = None) -> Response:  # fmt: skip
    found = built(store, kind, level, year, function, name, key)
    return Response(map_csv.csv_text(found), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="map-{kind}.csv"'})  # fmt: skip
