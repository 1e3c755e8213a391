"""Programmes (三明医改经验, 紧密型县域医共体, DRG/DIP …): how far each spread, and where and when it was taken up."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from policygraph.analysis import programmes
from policygraph.api.deps import StoreDep
from policygraph.api.pagination import Page, PageDep, page_of
from policygraph.api.schemas_programmes import ProgrammeAdoption, ProgrammeNotice, ProgrammeSummary

router = APIRouter(prefix="/programmes", tags=["programmes"])

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No programme has that name (or synonym)."}}

Name = Annotated[str, Path(max_length=100, examples=["三明医改经验"],
                           description="A programme's name or one of its synonyms (三明经验, 医共体 …).")]  # fmt: skip


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
    return page_of(programmes.listing(store, q, **page.query_params()), page)


@router.get(
    "/{name:path}/notices",
    response_model=Page[ProgrammeNotice],
    summary="The notices that mention a programme",
    description="By year and key, each with the tasks that mention the programme.",
    responses=NOT_FOUND,
)
def programme_notices(store: StoreDep, page: PageDep, name: Name) -> dict[str, Any]:
    return page_of(programmes.mentioning_notices(store, name, **page.query_params()), page)


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
    return ProgrammeAdoption.model_validate(programmes.adoption(store, name))
