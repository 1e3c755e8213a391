"""Diffusion: how programmes and national notices spread down the tiers, as JSON and as explorer pages with a chart.

| route | answers |
| --- | --- |
| `GET /diffusion/programmes` (label, limit, offset) | every programme with its label and adoption totals |
| `GET /diffusion/programmes/{name}` | cumulative adoption by year and tier, the label, the mentioning notices |
| `GET /diffusion/notices` (limit, offset) | every national notice with how far it reached |
| `GET /diffusion/notices/{key}` | a national notice's descendants with kinds and lags, tiers reached and missing |
| `GET /explore/diffusion` | page: the programmes and national notices (twins: the two lists) |
| `GET /explore/diffusion/{name}` | page: the adoption chart (SVG drawn in Python) and tables (twin: the programme) |

Definitions in analysis/diffusion.py and analysis/diffusion_notices.py.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import HTMLResponse, RedirectResponse

from policygraph.analysis.diffusion import Label, find_programme
from policygraph.analysis.diffusion_notices import find_notice, notice_diffusions
from policygraph.analysis.diffusion_summary import programme_list
from policygraph.api.deps import StoreDep
from policygraph.api.explorer import dumped, error_page, page
from policygraph.api.pagination import MAX_LIMIT, Page, PageDep, PageParams, page_of
from policygraph.api.schemas_diffusion import (
    NoticeDiffusion,
    NoticeDiffusionSummary,
    ProgrammeDiffusion,
    ProgrammeDiffusionSummary,
)
from policygraph.core.errors import PolicyGraphError
from policygraph.core.i18n import gettext as _
from policygraph.graph.store import GraphStore
from policygraph.visualize import chart, urls

json_router = APIRouter(prefix="/diffusion", tags=["diffusion"])
pages_router = APIRouter(prefix=urls.DIFFUSION, include_in_schema=False)
router = APIRouter()  # both of the above, included at the end of this module (app.py includes `router`)

NO_PROGRAMME: dict[int | str, dict[str, Any]] = {404: {"description": "No programme has that name (or synonym)."}}
NO_NOTICE: dict[int | str, dict[str, Any]] = {404: {"description": "No national notice has that key."}}

Name = Annotated[str, Path(min_length=1, max_length=100, examples=["三明医改经验"],
                           description="A programme's name or one of its synonyms (三明经验, 医共体 …).")]  # fmt: skip
Key = Annotated[str, Path(min_length=1, max_length=300, examples=["国办发〔2021〕20号"],
                          description="A national notice's key (its 文号).")]  # fmt: skip


# --- answers (analysis/diffusion*.py) --------------------------------------------------------------------------------


def programmes_answer(store: GraphStore, label: Label | None) -> list[dict[str, Any]]:
    return [asdict(p) for p in programme_list(store, label)]


def notices_answer(store: GraphStore) -> list[dict[str, Any]]:
    return [notice.answer() for notice in notice_diffusions(store)]


def paged(items: list[Any], params: PageParams) -> dict[str, Any]:
    return page_of(items[params.offset : params.offset + params.limit + 1], params)


# --- JSON ------------------------------------------------------------------------------------------------------------


@json_router.get(
    "/programmes",
    response_model=Page[ProgrammeDiffusionSummary],
    summary="Every programme: how it spread, and whether top-down or bottom-up",
    description="Each programme with its label, notices, regions (per tier) and years; most regions first.",
)
def list_programmes(
    store: StoreDep,
    page_params: PageDep,
    label: Annotated[Label | None, Query(description="Only programmes with this label.")] = None,
) -> dict[str, Any]:
    return paged(programmes_answer(store, label), page_params)


@json_router.get(
    "/programmes/{name:path}",
    response_model=ProgrammeDiffusion,
    summary="A programme's cumulative adoption by year and tier",
    description=(
        "The regions first mentioning it each year and the running totals per tier (national, provincial, "
        "prefectural, county), its label (top-down, bottom-up, mixed) with the first national mention, and the "
        "notices mentioning it. A synonym (三明经验) finds its programme (三明医改经验)."
    ),
    responses=NO_PROGRAMME,
)
def programme_diffusion(store: StoreDep, name: Name) -> ProgrammeDiffusion:
    return ProgrammeDiffusion.model_validate(asdict(find_programme(store, name)))


@json_router.get(
    "/notices",
    response_model=Page[NoticeDiffusionSummary],
    summary="Every national notice and how far down the tiers it reached",
    description="National notices (registry stubs included), oldest first, with descendants, tiers and median lag.",
)
def list_notices(store: StoreDep, page_params: PageDep) -> dict[str, Any]:
    return paged(notices_answer(store), page_params)


@json_router.get(
    "/notices/{key:path}",
    response_model=NoticeDiffusion,
    summary="A national notice's implementations, with lags",
    description=(
        "The local notices descending from it through IMPLEMENTS (transitively; each hop explicit or inferred), "
        "the days from its date to each one's (null when a date is missing), the tiers reached and missing."
    ),
    responses=NO_NOTICE,
)
def notice_diffusion(store: StoreDep, key: Key) -> NoticeDiffusion:
    return NoticeDiffusion.model_validate(find_notice(store, key).answer())


# --- pages -----------------------------------------------------------------------------------------------------------


@pages_router.get("", response_class=HTMLResponse)
def index_page(store: StoreDep) -> HTMLResponse:
    """Every programme with its label and a link to its chart; every national notice with its reach."""
    try:
        found = dumped(list[ProgrammeDiffusionSummary], programmes_answer(store, None))
        notices = dumped(list[NoticeDiffusionSummary], notices_answer(store))
    except PolicyGraphError as e:
        return error_page(e)
    twins = [urls.with_query("/diffusion/programmes", limit=MAX_LIMIT), urls.with_query("/diffusion/notices",
                                                                                         limit=MAX_LIMIT)]  # fmt: skip
    return page("diffusion.html", twins, title=_("Diffusion"), programme=None, programmes=found, notices=notices)


@pages_router.get("/", include_in_schema=False)
def index_with_slash() -> RedirectResponse:
    """`/explore/diffusion/` is the index too (registered before the chart route, which would read an empty name)."""
    return RedirectResponse(urls.DIFFUSION, status_code=307)


@pages_router.get("/{name:path}", response_class=HTMLResponse)
def chart_page(store: StoreDep, name: Name) -> HTMLResponse:
    """A programme's cumulative adoption as a step chart by year, one line per tier, with the notices behind it."""
    try:
        found = find_programme(store, name)
    except PolicyGraphError as e:
        return error_page(e)
    answer = dumped(ProgrammeDiffusion, asdict(found))
    twins = [f"/diffusion/programmes/{urls.encode(name)}"]
    return page("diffusion.html", twins, title=_("%(name)s: diffusion", name=found.name), programme=answer,
                svg=chart.adoption_chart(found))  # fmt: skip


router.include_router(json_router)
router.include_router(pages_router)
