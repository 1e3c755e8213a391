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

from dataclasses import asdict, dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Query
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


@dataclass
class MapFilter:
    """The query parameters every map route takes (FastAPI reads them from the fields)."""

    level: MapLevel | None = None
    year: Year = None
    function: Text = None  # the leads map's subject
    name: Text = None  # the programme map's
    key: Text = None  # the reach map's national notice

    def subject(self, kind: MapKind) -> str | None:
        return {"leads": self.function, "programme": self.name, "reach": self.key}.get(kind)

    def given(self) -> dict[str, object]:
        return {k: v for k, v in asdict(self).items() if v is not None}

    def built(self, store: GraphStore, kind: MapKind) -> RegionMap:
        return region_map(store, kind, self.level, self.year, self.subject(kind))


MapFilterDep = Annotated[MapFilter, Depends()]


@router.get(f"{urls.MAP}/{{kind}}", response_class=HTMLResponse)
def map_page(store: StoreDep, kind: MapKind, chosen: MapFilterDep) -> HTMLResponse:
    """The map with its form, the regions listed with their numbers, and what it could not place."""
    params = chosen.given()
    functions = lead_functions(store) if kind == "leads" else []
    if kind != "notices" and not (chosen.function or chosen.name or chosen.key):
        # No subject chosen yet: the form alone, with an empty map of the level.
        found = empty_map(kind, chosen.level or "province")
    else:
        try:
            found = chosen.built(store, kind)
        except PolicyGraphError as e:
            return error_page(e)
    files = [urls.map_file(kind, "csv", **params)]
    return page("map.html", files, region_map=found, params=params, links=True,
                missing=maps.without_shape(found), functions=functions)  # fmt: skip


@router.get(f"{urls.MAP_FILES}/{{kind}}/map.svg")
def map_svg(store: StoreDep, kind: MapKind, chosen: MapFilterDep) -> Response:
    return Response(render.map_svg(chosen.built(store, kind)), media_type="image/svg+xml; charset=utf-8")


@router.get(f"{urls.MAP_FILES}/{{kind}}/map.csv")
def map_csv_file(store: StoreDep, kind: MapKind, chosen: MapFilterDep) -> Response:
    return Response(map_csv.csv_text(chosen.built(store, kind)), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="map-{kind}.csv"'})  # fmt: skip
