"""Programmes (三明医改经验, 紧密型县域医共体, DRG/DIP …): how far each spread, and where and when it was taken up."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from policygraph.api.deps import StoreDep
from policygraph.api.pagination import Page, PageDep, PageParams, page_of
from policygraph.api.schemas_programmes import ProgrammeAdoption, ProgrammeNotice, ProgrammeSummary
from policygraph.core.errors import NotFound
from policygraph.graph.store import GraphStore, Row
from policygraph.ingest import gazetteer

router = APIRouter(prefix="/programmes", tags=["programmes"])

PROFILE_NOTICES = 50
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No programme has that name (or synonym)."}}

Name = Annotated[str, Path(max_length=100, examples=["三明医改经验"],
                           description="A programme's name or one of its synonyms (三明经验, 医共体 …).")]  # fmt: skip


def canonical(name: str) -> str:
    """The programme a name or synonym denotes (三明经验 → 三明医改经验); other names unchanged."""
    text = name.strip()
    for programme in gazetteer.programmes():
        if text == programme.name or text in programme.synonyms:
            return programme.name
    return text


def _notices(store: GraphStore, name: str, page: PageParams) -> list[Row]:
    return store.run("programme_notices", {"name": name, **page.query_params()})


def _found(store: GraphStore, name: str) -> tuple[str, Row]:
    key = canonical(name)
    rows = store.run("programme_detail", {"name": key})
    if not rows:
        raise NotFound(f"no programme is named {name!r}")
    return key, rows[0]


@router.get(
    "",
    response_model=Page[ProgrammeSummary],
    summary="Every programme and how far it spread",
    description="Each programme with the notices, regions and tasks mentioning it; most notices first.",
)
def list_programmes(
    store: StoreDep,
    page: PageDep,
    q: Annotated[
        str | None,
        Query(min_length=1, max_length=100, description="Name substring.", examples=["医共体"]),
    ] = None,
) -> dict[str, Any]:
    return page_of(store.run("programme_list", {"q": q, **page.query_params()}), page)


@router.get(
    "/{name:path}/notices",
    response_model=Page[ProgrammeNotice],
    summary="The notices that mention a programme",
    description="By year and key, each with the tasks that mention the programme.",
    responses=NOT_FOUND,
)
def programme_notices(store: StoreDep, page: PageDep, name: Name) -> dict[str, Any]:
    key, _ = _found(store, name)
    return page_of(_notices(store, key, page), page)


@router.get(
    "/{name:path}",
    response_model=ProgrammeAdoption,
    summary="Where and when a programme was taken up",
    description=(
        "The notices (key, title, level, region, year) whose tasks mention the programme, with those tasks; the "
        "regions and years, with notice and task counts. A synonym (三明经验) finds its programme (三明医改经验)."
    ),
    responses=NOT_FOUND,
)
def programme_adoption(store: StoreDep, name: Name) -> ProgrammeAdoption:
    key, summary = _found(store, name)
    notices = _notices(store, key, PageParams(limit=PROFILE_NOTICES, offset=0))
    return ProgrammeAdoption.model_validate({
        **summary,
        "by_region": store.run("programme_regions", {"name": key}),
        "by_year": store.run("programme_years", {"name": key}),
        "notice_list": notices[:PROFILE_NOTICES], "notices_truncated": len(notices) > PROFILE_NOTICES,
    })  # fmt: skip
