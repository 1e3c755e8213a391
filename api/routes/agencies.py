"""Agencies: who leads the most tasks (by region, level, year, basis), the agency list, and each agency's profile."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from policygraph.analysis import agencies
from policygraph.analysis.agencies import GroupBy
from policygraph.api.deps import StoreDep
from policygraph.api.pagination import Page, PageDep, page_of
from policygraph.api.params import Collectives, Region, Year
from policygraph.api.schemas_agencies import AgencyProfile, AgencySummary, AgencyTask, Collaborator, TopLeads
from policygraph.core.vocabulary import AgencyKind, Basis, Level, Role
from policygraph.ingest.divisions import region_prefix

router = APIRouter(prefix="/agencies", tags=["agencies"])

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No agency has that key."}}

Key = Annotated[str, Path(max_length=300, description="Agency key: jurisdiction|canonical name.",
                          examples=["甘肃省临夏回族自治州|临夏回族自治州医疗保障局"])]  # fmt: skip


@router.get(
    "/top-leads",
    response_model=TopLeads,
    summary="Agencies (or functions) that lead the most tasks",
    description=(
        "Ranks agencies by the number of distinct tasks they lead (牵头), with the tasks behind each count. Filters apply "
        "to the notice (level, region including everything below it, year range) and to the LEADS edge (basis). "
        "Collectives such as 各市人民政府 are left out unless collectives=include. group_by=function pools agencies of "
        "the same function across regions (every 卫生健康委员会 together)."
    ),
)
def top_leads(
    store: StoreDep,
    page: PageDep,
    level: Annotated[Level | None, Query(description="Level of the notice.")] = None,
    region: Region = None,
    year_from: Year = None,
    year_to: Year = None,
    basis: Annotated[
        list[Basis] | None, Query(max_length=5, description="Count only LEADS edges with these bases (repeatable).")
    ] = None,
    collectives: Annotated[Collectives, Query(description="Count collective leads (各县市人民政府 …).")] = "exclude",
    group_by: Annotated[GroupBy, Query(description="Rank agencies, or functions across regions.")] = "agency",
) -> dict[str, Any]:
    rows = agencies.top_leads(store, level=level, region=region, year_from=year_from, year_to=year_to,
                              basis=basis or [], collectives=collectives == "include", group_by=group_by,
                              **page.query_params())  # fmt: skip
    return {**page_of(rows, page), "group_by": group_by, "region": region_prefix(region)}


@router.get(
    "",
    response_model=Page[AgencySummary],
    summary="List and search agencies",
    description=(
        "Agencies by key (jurisdiction|name), with the number of tasks each leads and cooperates on. `q` matches a "
        "substring of the key or of a form the notices write (州卫健委); `jurisdiction` includes everything below it."
    ),
)
def list_agencies(
    store: StoreDep,
    page: PageDep,
    q: Annotated[
        str | None,
        Query(min_length=1, max_length=100, description="Name substring.", examples=["卫健委"]),
    ] = None,
    jurisdiction: Region = None,
    kind: Annotated[AgencyKind | None, Query(description="Kind of agency.")] = None,
) -> dict[str, Any]:
    return page_of(agencies.listing(store, q, jurisdiction, kind, **page.query_params()), page)


@router.get(
    "/{key:path}/tasks",
    response_model=Page[AgencyTask],
    summary="The tasks an agency leads or cooperates on",
    description="One row per task and role, by year, notice and position, with the basis of the attribution.",
    responses=NOT_FOUND,
)
def agency_tasks(
    store: StoreDep,
    page: PageDep,
    key: Key,
    role: Annotated[Role | None, Query(description="Only this role.")] = None,
) -> dict[str, Any]:
    return page_of(agencies.tasks(store, key, role, **page.query_params()), page)


@router.get(
    "/{key:path}/collaborators",
    response_model=Page[Collaborator],
    summary="The agencies named on the same tasks as this one",
    description="Most shared tasks first, split by who leads and who cooperates.",
    responses=NOT_FOUND,
)
def agency_collaborators(store: StoreDep, page: PageDep, key: Key) -> dict[str, Any]:
    return page_of(agencies.collaborators(store, key, **page.query_params()), page)


@router.get(
    "/{key:path}",
    response_model=AgencyProfile,
    summary="An agency's profile",
    description=(
        "Its properties and the forms it is written in; tasks led and cooperated on per year, and the first of them; "
        "the agencies it works with (shared tasks, by role); the programmes its tasks mention; the notices it issued; "
        "its predecessors and successors after reforms (卫生和计划生育委员会 → 卫生健康委员会) and its tasks per year "
        "including the predecessors it continues."
    ),
    responses=NOT_FOUND,
)
def agency_profile(store: StoreDep, key: Key) -> AgencyProfile:
    return AgencyProfile.model_validate(agencies.profile(store, key))
