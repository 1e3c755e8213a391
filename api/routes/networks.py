"""Agency collaboration networks (牵头/配合) with their measures, the way UCINET or Gephi users compute them, plus a
league-table page in the explorer (`/explore/network`, whose JSON twins are these endpoints).

| route | answers |
| --- | --- |
| `GET /networks/agencies` | network measures and the agencies' league table (sort, page; directed flag) |
| `GET /networks/agencies/edges` | the weighted edge list, heaviest first |
| `GET /networks/agencies/adjacency.csv` | the agency × agency matrix for UCINET / Gephi |
| `GET /networks/task-agency` | the two-mode task–agency network: figures and the tasks naming the most agencies |

Every route takes the same slice: `document`, `level`, `region` (rolls up; 甘肃 → 甘肃省), `year_from`/`year_to`,
`collectives`. The rows come from cypher/network_task_agencies.cypher; analysis/network*.py computes.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, Response

from policygraph.analysis import network, network_two_mode
from policygraph.analysis.network import SortKey
from policygraph.api.deps import StoreDep
from policygraph.api.explorer import dumped, error_page, page
from policygraph.api.pagination import PageDep, PageParams, page_of
from policygraph.api.params import Collectives, Region, Year
from policygraph.api.schemas_networks import AgencyLeague, EdgeList, TwoMode
from policygraph.core.errors import ONE_OF, InvalidParameter, PolicyGraphError
from policygraph.core.i18n import N_
from policygraph.core.i18n import gettext as _
from policygraph.core.vocabulary import LEVELS, Level
from policygraph.visualize import urls

# The JSON routes live under /networks; the page under /explore. app.py includes `router`, which holds both.
api_router = APIRouter(prefix="/networks", tags=["networks"])
page_router = APIRouter(include_in_schema=False)

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No notice has that document key."}}
PAGE = urls.NETWORK
PAGE_ROWS = 50  # agencies, edges and tasks shown on the page


DocumentKey = Annotated[
    str | None,
    Query(min_length=1, max_length=300, examples=["临州办发〔2021〕76号"],
          description="Only this notice: its key (the 文号, or region|year|title)."),
]  # fmt: skip


def network_slice(
    store: StoreDep,
    document: DocumentKey = None,
    level: Annotated[Level | None, Query(description="Level of the notice.")] = None,
    region: Region = None,
    year_from: Year = None,
    year_to: Year = None,
    collectives: Annotated[
        Collectives, Query(description="Collectives (各县市人民政府 …) as nodes, or left out.")
    ] = "exclude",
) -> network.Slice:
    """The filters, checked: 422 for a region nobody knows or years in the wrong order, 404 for an unknown notice."""
    return network.slice_of(store, document=document, level=level, region=region, year_from=year_from,
                            year_to=year_to, collectives=collectives == "include")  # fmt: skip


SliceDep = Annotated[network.Slice, Depends(network_slice)]
Directed = Annotated[bool, Query(description="false: agencies linked by shared tasks; true: lead → cooperating.")]


@api_router.get(
    "/agencies",
    response_model=AgencyLeague,
    summary="The agency collaboration network: its measures and the agencies' league table",
    description=(
        "Builds the network of the agencies named on the tasks of the slice — undirected (two agencies linked when "
        "named on the same task, weight = shared tasks) or directed (lead → cooperating agency per task) — and "
        "returns the network's density, Freeman degree centralisation, components and main k-core, and a page of "
        "agencies with degree, weighted degree, betweenness, eigenvector centrality, PageRank, tasks led and "
        "cooperated, lead share and core/periphery position, highest first under `sort`."
    ),
    responses=NOT_FOUND,
)
def agency_league(
    store: StoreDep,
    where: SliceDep,
    page: PageDep,
    directed: Directed = False,
    sort: Annotated[SortKey, Query(description="The measure the table is sorted by (highest first).")] = "pagerank",
) -> dict[str, Any]:
    found = network.network_of(store, where, is_directed=directed, sort=sort)
    rows = network.league(found)[page.offset : page.offset + page.limit + 1]
    return {**page_of(rows, page), "network": asdict(found.network), "sort": sort, "filters": asdict(where)}


@api_router.get(
    "/agencies/edges",
    response_model=EdgeList,
    summary="The agency network's weighted edge list",
    description="Heaviest first, ties by source then target. Undirected edges are listed once, source < target.",
    responses=NOT_FOUND,
)
def agency_edges(store: StoreDep, where: SliceDep, page: PageDep, directed: Directed = False) -> dict[str, Any]:
    edges = network.edge_list(network.agency_network(network.fetch(store, where), is_directed=directed))
    return {**page_of(edges[page.offset : page.offset + page.limit + 1], page), "directed": directed,
            "filters": asdict(where)}  # fmt: skip


@api_router.get(
    "/agencies/adjacency.csv",
    response_class=Response,
    summary="The agency × agency adjacency matrix as CSV (UCINET, Gephi)",
    description=(
        "First row and first column: the agency keys (jurisdiction|name), sorted; each cell the number of shared "
        "tasks (directed: tasks the row agency leads and the column agency cooperates on); the diagonal is 0."
    ),
    responses={200: {"content": {"text/csv": {}}, "description": "The matrix."}, **NOT_FOUND},
)
def adjacency(store: StoreDep, where: SliceDep, directed: Directed = False) -> Response:
    text = network.adjacency_csv_of(store, where, is_directed=directed)
    headers = {"Content-Disposition": 'attachment; filename="agency-adjacency.csv"'}
    return Response(text, media_type="text/csv; charset=utf-8", headers=headers)


@api_router.get(
    "/task-agency",
    response_model=TwoMode,
    summary="The two-mode task–agency network",
    description=(
        "The bipartite network of tasks and the agencies named on them: its size, density, mean agencies per task "
        "and tasks per agency, components; and a page of tasks, most agencies first (ties by task key)."
    ),
    responses=NOT_FOUND,
)
def task_agency(store: StoreDep, where: SliceDep, page: PageDep) -> dict[str, Any]:
    rows = network.fetch(store, where)
    loads = [asdict(t) for t in network_two_mode.task_loads(rows)]
    summary = asdict(network_two_mode.summary(rows))
    return {**page_of(loads[page.offset : page.offset + page.limit + 1], page), "summary": summary,
            "filters": asdict(where)}  # fmt: skip


# --- the explorer page -----------------------------------------------------------------------------------------------


def _blank(text: str | None) -> str | None:
    """A form field: empty means not set."""
    return text.strip() if text and text.strip() else None


def _form_year(name: str, text: str | None) -> int | None:
    value = _blank(text)
    if value is None:
        return None
    if not value.isdigit() or not 1949 <= int(value) <= 2100:
        raise InvalidParameter(name, N_("%(name)s is a year between 1949 and 2100, not %(value)r"),
                               values={"name": name, "value": value})  # fmt: skip
    return int(value)


def _form_level(text: str | None) -> Level | None:
    value = _blank(text)
    for level in LEVELS:
        if level == value:
            return level
    if value is not None:
        raise InvalidParameter("level", ONE_OF, values={"name": "level", "choices": ", ".join(LEVELS), "value": value})
    return None


FormText = Annotated[str | None, Query(max_length=300)]


@page_router.get(PAGE, response_class=HTMLResponse)
def network_page(
    store: StoreDep,
    document: FormText = None,
    level: FormText = None,
    region: FormText = None,
    year_from: FormText = None,
    year_to: FormText = None,
    collectives: Collectives = "exclude",
    directed: bool = False,
    sort: SortKey = "pagerank",
) -> HTMLResponse:
    """The league table of the agencies of a slice, the network's measures, its heaviest edges and busiest tasks.
    Form fields left empty are no filter."""
    first = PageParams(limit=PAGE_ROWS, offset=0)
    try:
        key, chosen_level, place = _blank(document), _form_level(level), _blank(region)
        first_year, last_year = _form_year("year_from", year_from), _form_year("year_to", year_to)
        where = network_slice(store, key, chosen_level, place, first_year, last_year, collectives)
        league = dumped(AgencyLeague, agency_league(store, where, first, directed=directed, sort=sort))
        edges = dumped(EdgeList, agency_edges(store, where, first, directed=directed))
        tasks = dumped(TwoMode, task_agency(store, where, first))
    except PolicyGraphError as e:
        return error_page(e)
    filters = {"document": key, "level": chosen_level, "region": place, "year_from": first_year, "year_to": last_year,
               "collectives": collectives}  # fmt: skip
    twins = [
        urls.with_query("/networks/agencies", limit=PAGE_ROWS, directed=directed, sort=sort, **filters),
        urls.with_query("/networks/agencies/edges", limit=PAGE_ROWS, directed=directed, **filters),
        urls.with_query("/networks/task-agency", limit=PAGE_ROWS, **filters),
    ]
    adjacency_url = urls.with_query("/networks/agencies/adjacency.csv", directed=directed, **filters)
    return page("network.html", twins, title=_("Agency collaboration network"), league=league, edges=edges, tasks=tasks,
                filters={**filters, "directed": directed, "sort": sort}, json_links=twins, adjacency_url=adjacency_url)  # fmt: skip


router = APIRouter()
router.include_router(api_router)
router.include_router(page_router)
