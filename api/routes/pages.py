"""The explorer's HTML pages. Each renders the very answers of the JSON routes it names in its `Link` header.

A page calls the JSON route's own function with the same parameters and passes the result through that route's
response model (what FastAPI would send), then renders it; `Link: <…>; rel="alternate"; type="application/json"`
lists those JSON URLs, the first being the page's main twin:

| page | JSON twins |
| --- | --- |
| `/` (filters: level, region, year_from, year_to, collectives, group_by; search: q) | /agencies/top-leads, /documents, /programmes; with q: /search, /agencies?q, /programmes?q |
| `/explore/notice/{key}/compare` (with) | /documents/{key}/compare |
| `/explore/notice/{key}` (depth, limit) | /documents/{key}/lineage, /documents/{key}, /subgraph?kind=document |
| `/explore/agency/{key}` (depth, limit) | /agencies/{key}, /subgraph?kind=agency |
| `/explore/programme/{name}` (depth, limit) | /programmes/{name}, /subgraph?kind=programme |
| `/explore/graph` (JSON: styled nodes and edges, for "expand") | /subgraph |

Static files (vis-network from the installed pyvis, our script and stylesheet) are served under /explore/static/.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.routing import APIRoute

from policygraph.analysis.agencies import GroupBy
from policygraph.analysis.compare import partners as compare_partners
from policygraph.api.deps import SettingsDep, StoreDep
from policygraph.api.explorer import dumped, error_page, page
from policygraph.api.pagination import PageParams
from policygraph.api.params import Collectives, Year
from policygraph.api.routes import agencies, corrections, documents, programmes, search, subgraph
from policygraph.core.errors import NotFound, PolicyGraphError
from policygraph.core.i18n import N_
from policygraph.core.i18n import gettext as _
from policygraph.core.vocabulary import Level
from policygraph.graph.subgraph import MAX_LIMIT, Kind
from policygraph.ingest.corrections import CorrectionError
from policygraph.visualize import assets, compare_rows, lineage, network, urls

router = APIRouter(include_in_schema=False)

TOP_LEADS = 15
NOTICES = 50
PROGRAMMES = 20
FOUND = 20  # search results per kind
GRAPH_LIMIT = 300  # nodes drawn at first; "show more" doubles it up to MAX_LIMIT
EXPAND_LIMIT = 150

Depth = Annotated[int, Query(ge=1, le=3)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
KeyPath = Annotated[str, Path(min_length=1, max_length=300)]


# --- the JSON routes' answers ----------------------------------------------------------------------------------------


@cache
def _response_models() -> dict[Callable[..., Any], Any]:
    modules = (agencies, documents, programmes, search, subgraph)
    return {r.endpoint: r.response_model for m in modules for r in m.router.routes if isinstance(r, APIRoute)}


def answer(endpoint: Callable[..., Any], **arguments: Any) -> dict[str, Any]:
    """What GET on a JSON route answers: its function's result through its response model, as JSON values."""
    answered: dict[str, Any] = dumped(_response_models()[endpoint], endpoint(**arguments))
    return answered


def first(limit: int) -> PageParams:
    return PageParams(limit=limit, offset=0)


def subgraph_answer(
    store: Any, settings: Any, kind: str, key: str, depth: int, limit: int
) -> tuple[dict[str, Any], str]:
    """The subgraph and the URL of its JSON twin."""
    found = answer(subgraph.subgraph, store=store, settings=settings, kind=kind, key=key, depth=depth, limit=limit)
    return found, urls.with_query("/subgraph", kind=kind, key=key, depth=depth, limit=limit)


def more_url(path: str, graph: dict[str, Any], depth: int, limit: int) -> str | None:
    """The same page with twice the nodes, while the subgraph was cut and the cap allows more."""
    if not graph["truncated"] or limit >= MAX_LIMIT:
        return None
    return urls.with_query(path, depth=depth, limit=min(MAX_LIMIT, limit * 2))


# --- pages -----------------------------------------------------------------------------------------------------------


@router.get(urls.HOME, response_class=HTMLResponse)
def home(
    store: StoreDep,
    q: Annotated[str | None, Query(max_length=100)] = None,
    level: Level | None = None,
    region: Annotated[str | None, Query(max_length=50)] = None,
    year_from: Year = None,
    year_to: Year = None,
    collectives: Collectives = "exclude",
    group_by: GroupBy = "agency",
) -> HTMLResponse:
    """Explorer home: search, the agencies that lead the most tasks (with filters), the notices, the programmes."""
    q = q.strip() if q and q.strip() else None
    region = region.strip() if region and region.strip() else None
    filters = {"level": level, "region": region, "year_from": year_from, "year_to": year_to}
    try:
        top = answer(agencies.top_leads, store=store, page=first(TOP_LEADS), basis=None, collectives=collectives,
                     group_by=group_by, **filters)  # fmt: skip
        notices = answer(documents.list_documents, store=store, page=first(NOTICES), level=level, year=None,
                         region=region, year_from=year_from, year_to=year_to, stub=False)  # fmt: skip
        adopted = answer(programmes.list_programmes, store=store, page=first(PROGRAMMES), q=None)
        twins = [
            urls.with_query(
                "/agencies/top-leads", limit=TOP_LEADS, collectives=collectives, group_by=group_by, **filters
            ),
            urls.with_query(
                "/documents", limit=NOTICES, level=level, region=region, year_from=year_from, year_to=year_to
            ),
            urls.with_query("/programmes", limit=PROGRAMMES),
        ]
        found = _search(store, q, level, region, twins) if q else None
    except PolicyGraphError as e:
        return error_page(e)
    return page("home.html", twins, title=_("Explorer"), q=q, top=top, notices=notices, programmes=adopted, found=found,
                filters={**filters, "collectives": collectives, "group_by": group_by})  # fmt: skip


def _search(store: Any, q: str, level: str | None, region: str | None, twins: list[str]) -> dict[str, Any]:
    """Tasks (full text, grouped by notice), agencies and programmes matching q; their JSON URLs go to twins."""
    tasks = answer(search.search, store=store, page=first(FOUND), q=q, level=level, region=region, year=None)
    named = answer(agencies.list_agencies, store=store, page=first(FOUND), q=q, jurisdiction=None, kind=None)
    progs = answer(programmes.list_programmes, store=store, page=first(FOUND), q=q)
    twins += [urls.with_query("/search", q=q, limit=FOUND, level=level, region=region),
              urls.with_query("/agencies", q=q, limit=FOUND), urls.with_query("/programmes", q=q, limit=FOUND)]  # fmt: skip
    by_notice: dict[str, dict[str, Any]] = {}
    for hit in tasks["items"]:
        notice = by_notice.setdefault(hit["document_key"], {"key": hit["document_key"], "title": hit["document_title"],
                                                             "year": hit["year"], "region": hit["region"], "hits": []})  # fmt: skip
        notice["hits"].append(hit)
    return {"tasks": tasks, "notices": list(by_notice.values()), "agencies": named, "programmes": progs}


PARTNER_LABELS = {"parent": "上级文件", "sibling": "同级文件", "previous_year": "上一年度"}
SHOWN_SIBLINGS = 12  # links to siblings on a page; a parent with hundreds of children lists the first by key


def partner_links(store: Any, key: str) -> list[dict[str, Any]]:
    """The notices worth comparing this one with (those with tasks: a stub has none), each with its label."""
    found = compare_partners(store, key)
    previous = [found["previous_year"]] if found["previous_year"] else []
    groups = [
        ("parent", found["parents"]),
        ("sibling", found["siblings"][:SHOWN_SIBLINGS]),
        ("previous_year", previous),
    ]
    return [{**p, "relation": relation, "label": PARTNER_LABELS[relation]}
            for relation, notices in groups for p in notices if p["task_count"]]  # fmt: skip


# Registered before the notice page: `{key:path}` would otherwise take ".../compare" as part of the key.
@router.get(f"{urls.NOTICE}/{{key:path}}/compare", response_class=HTMLResponse)
def compare_page(
    store: StoreDep,
    key: KeyPath,
    with_: Annotated[str | None, Query(alias="with", min_length=1, max_length=300)] = None,
) -> HTMLResponse:
    """对照: the other notice (by default the parent) left, the notice right, aligned tasks facing, the differing
    characters marked, added and dropped tasks alone on their side, the changes of each pair between."""
    try:
        result = answer(documents.compare, key=key, store=store, with_=with_)
        others = [p for p in partner_links(store, key) if p["key"] != result["other"]["key"]]
    except PolicyGraphError as e:
        return error_page(e)
    twin = urls.with_query(f"/documents/{urls.encode(key)}/compare", **{"with": with_})
    name = result["notice"]["doc_no"] or result["notice"]["title"] or key
    return page("compare.html", [twin], title=_("Compared: %(name)s", name=name), result=result, rows=compare_rows.side_by_side(result),
                partners=others)  # fmt: skip


@router.get(f"{urls.NOTICE}/{{key:path}}", response_class=HTMLResponse)
def notice_page(store: StoreDep, settings: SettingsDep, key: KeyPath, depth: Depth = 3,
                limit: Limit = GRAPH_LIMIT) -> HTMLResponse:  # fmt: skip
    """A notice: its lineage up to the national notice (hierarchical: national at the top), stubs and missing tiers
    marked; its tasks and their agencies; the analysts' corrections and a form to add one."""
    try:
        chain = answer(documents.lineage, key=key, store=store)
        detail = answer(documents.get_document, key=key, store=store)
        sub, sub_url = subgraph_answer(store, settings, "document", key, depth, limit)
        compared = [] if detail["stub"] or not detail["tasks"] else partner_links(store, key)
    except PolicyGraphError as e:
        return error_page(e)
    graph = network.graph_payload(lineage.with_lineage(sub, chain), "layered", graph_url=urls.GRAPH)
    base = f"/documents/{urls.encode(key)}"
    fixes, refused = notice_corrections(store, settings, key)
    return page("notice.html", [f"{base}/lineage", base, sub_url], title=detail["doc_no"] or detail["title"] or key,
                lineage=chain, detail=detail, graph=graph, more_url=more_url(urls.notice(key), graph, depth, limit),
                corrections=fixes, corrections_refused=refused, compared=compared)  # fmt: skip


def notice_corrections(store: Any, settings: Any, key: str) -> tuple[list[dict[str, Any]], str | None]:
    """The notice's corrections; a refused corrections file is said on the page (line and reason, not the server's
    path) instead of taking the whole page down."""
    try:
        return corrections.listed(store, settings, key).model_dump(mode="json")["corrections"], None
    except CorrectionError as e:
        return [], _("line %(n)s", n=e.where.rsplit(":", 1)[-1]) + f": {e.reason}"


@router.get(f"{urls.AGENCY}/{{key:path}}", response_class=HTMLResponse)
def agency_page(store: StoreDep, settings: SettingsDep, key: KeyPath, depth: Depth = 2,
                limit: Limit = GRAPH_LIMIT) -> HTMLResponse:  # fmt: skip
    """An agency's neighbourhood: the tasks it leads and cooperates on, its collaborators, its programmes, its
    predecessors and successors after reforms, and its series including the predecessors it continues."""
    try:
        profile = answer(agencies.agency_profile, store=store, key=key)
        sub, sub_url = subgraph_answer(store, settings, "agency", key, depth, limit)
    except PolicyGraphError as e:
        return error_page(e)
    graph = network.graph_payload(sub, "radial", graph_url=urls.GRAPH)
    return page("agency.html", [f"/agencies/{urls.encode(key)}", sub_url], title=profile["name"], profile=profile,
                rolled=_rolled_series(profile), graph=graph,
                more_url=more_url(urls.agency(key), graph, depth, limit))  # fmt: skip


def _rolled_series(profile: dict[str, Any]) -> list[dict[str, Any]] | None:
    """The series with its predecessors, when some year counts a predecessor's tasks (else it repeats by_year)."""
    rows: list[dict[str, Any]] = profile["by_year_rolled"]
    return rows if any(key != profile["key"] for row in rows for key in row["agencies"]) else None


@router.get(f"{urls.PROGRAMME}/{{name:path}}", response_class=HTMLResponse)
def programme_page(store: StoreDep, settings: SettingsDep, name: KeyPath, depth: Depth = 2,
                   limit: Limit = GRAPH_LIMIT) -> HTMLResponse:  # fmt: skip
    """A programme's adoption: the regions and years that took it up, the notices and tasks that mention it."""
    try:
        adoption = answer(programmes.programme_adoption, store=store, name=name)
        sub, sub_url = subgraph_answer(store, settings, "programme", adoption["name"], depth, limit)
    except PolicyGraphError as e:
        return error_page(e)
    graph = network.graph_payload(sub, "radial", graph_url=urls.GRAPH)
    return page("programme.html", [f"/programmes/{urls.encode(name)}", sub_url], title=adoption["name"],
                adoption=adoption, graph=graph, more_url=more_url(urls.programme(name), graph, depth, limit))  # fmt: skip


@router.get(urls.GRAPH)
def graph_json(store: StoreDep, settings: SettingsDep, kind: Kind,
               key: Annotated[str, Query(min_length=1, max_length=300)], depth: Depth = 1,
               limit: Limit = EXPAND_LIMIT) -> JSONResponse:  # fmt: skip
    """The styled, placed nodes and edges of a subgraph: what a page adds when a node is expanded."""
    sub, sub_url = subgraph_answer(store, settings, kind, key, depth, limit)
    body = network.graph_payload(sub, "radial", graph_url=urls.GRAPH)
    return JSONResponse(body, headers={"Link": f'<{sub_url}>; rel="alternate"; type="application/json"'})


@router.get(f"{urls.STATIC}/{{name}}")
def static(name: str) -> FileResponse:
    asset = assets.ASSETS.get(name)
    if asset is None:
        raise NotFound(N_("no static file is named %(name)r"), values={"name": name})
    return FileResponse(asset.path, media_type=asset.media_type, headers={"Cache-Control": "public, max-age=3600"})
