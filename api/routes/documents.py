"""The notices: list with filters, detail with tasks and agencies, lineage up to the national notice, the notices
that implement one, and the stub parents analysts are missing. Every query is a `cypher/documents_*.cypher` file."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from policygraph.analysis import documents
from policygraph.analysis.compare import compare as compare_notices
from policygraph.analysis.lineage import lineage as notice_lineage
from policygraph.api.deps import StoreDep
from policygraph.api.pagination import Page, PageDep, page_of
from policygraph.api.schemas_compare import Comparison
from policygraph.api.schemas_documents import (
    LINXIA,
    SIXIAN,
    Child,
    DocumentDetail,
    DocumentSummary,
    Lineage,
    StubParent,
)
from policygraph.core.vocabulary import Level

router = APIRouter(prefix="/documents", tags=["documents"])

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No notice (full or stub) has that key."}}

KeyPath = Annotated[
    str,
    Path(
        min_length=1,
        max_length=300,
        description="A notice's key: its 文号, or region|year|title for a notice without one (may contain '|' and '/').",
        examples=[LINXIA, SIXIAN],
    ),
]
RegionQuery = Annotated[
    str | None,
    Query(
        max_length=50,
        description="Region in any common form (甘肃, 甘肃省, 临夏州, 宿州市泗县, 晋). Rolls up: 甘肃 includes 临夏州's "
        "notices; 中国 means any region. An unknown region is a 422.",
        examples=["甘肃"],
    ),
]
YearQuery = Annotated[
    int | None,
    Query(ge=1949, le=2100, description="Exactly this year (with year_from/year_to: all must hold).", examples=[2021]),
]
YearFrom = Annotated[int | None, Query(ge=1949, le=2100, description="From this year (inclusive).", examples=[2021])]
YearTo = Annotated[int | None, Query(ge=1949, le=2100, description="Up to this year (inclusive).", examples=[2022])]


@router.get("", response_model=Page[DocumentSummary], summary="List notices, filtered and paginated")
def list_documents(
    store: StoreDep,
    page: PageDep,
    level: Annotated[Level | None, Query(description="Only notices of this level.", examples=["provincial"])] = None,
    region: RegionQuery = None,
    year: YearQuery = None,
    year_from: YearFrom = None,
    year_to: YearTo = None,
    stub: Annotated[
        bool,
        Query(
            description="false (default): notices loaded in full. true: stubs, notices known only as cited or from the "
            "registry of national notices (no tasks).",
            examples=[False],
        ),
    ] = False,
) -> Page[DocumentSummary]:
    """The notices, newest first (then by key). Filters combine; `has_more` says whether another page follows."""
    rows = documents.notices(store, level=level, region=region, year=year, year_from=year_from, year_to=year_to,
                             stub=stub, **page.query_params())  # fmt: skip
    return Page[DocumentSummary].model_validate(page_of(rows, page))


@router.get("/stubs", response_model=Page[StubParent], summary="Missing tiers: stub parents and who waits on them")
def stub_parents(
    store: StoreDep,
    page: PageDep,
    region: RegionQuery = None,
    year: Annotated[int | None, Query(ge=1949, le=2100, description="The parent's year.", examples=[2021])] = None,
) -> Page[StubParent]:
    """Parent notices known only as stubs (cited, or in the national registry, never loaded), each with the notices
    that implement it, oldest first. `region` keeps the parents some of whose children are in that region (and
    lists only those children): region=安徽 shows 国办发〔2021〕20号 with the 泗县 notice."""
    rows = documents.stub_parents(store, region=region, year=year, **page.query_params())
    return Page[StubParent].model_validate(page_of(rows, page))


@router.get(
    "/{key:path}/lineage",
    response_model=Lineage,
    summary="A notice's chain up to the national notice",
    responses=NOT_FOUND,
)
def lineage(key: KeyPath, store: StoreDep) -> Lineage:
    """Hop by hop up the IMPLEMENTS chain: each parent with the relation (explicit: cited as its basis; inferred:
    the nearest higher-tier notice of its year) and the reason; the tiers skipped on the way with no notice at all;
    whether the chain reaches the national notice. A national notice's lineage is empty and reaches national."""
    return Lineage.model_validate(notice_lineage(store, key))


@router.get(
    "/{key:path}/children",
    response_model=Page[Child],
    summary="The notices that implement this one",
    responses=NOT_FOUND,
)
def children(key: KeyPath, store: StoreDep, page: PageDep) -> Page[Child]:
    """The notices whose IMPLEMENTS edge points at this one, by key, each with its relation and reason:
    国办发〔2021〕20号 has the 泗县 and 西藏 notices and the stub 甘政办发〔2021〕70号."""
    rows = documents.children(store, key, **page.query_params())
    return Page[Child].model_validate(page_of(rows, page))


COMPARE_REFUSED: dict[int | str, dict[str, Any]] = {
    404: {"description": "No notice has the key (or the `with` key)."},
    422: {"description": "A notice compared with itself, a stub (no tasks to compare), or no parent and no `with`."},
}


# Registered before the detail route: `{key:path}` would otherwise take ".../compare" as part of the key.
@router.get(
    "/{key:path}/compare",
    response_model=Comparison,
    summary="What changed: the notice against its parent (or another notice), task by task",
    responses=COMPARE_REFUSED,
)
def compare(
    key: KeyPath,
    store: StoreDep,
    with_: Annotated[
        str | None,
        Query(
            alias="with",
            min_length=1,
            max_length=300,
            description="The other notice's key; omitted: the notice's parent (the explicit one, else the nearest).",
            examples=[SIXIAN],
        ),
    ] = None,
) -> Comparison:
    """Each task of the notice aligned with the other's (graph/align.py): `inherited` pairs with what changed (lead
    by agency function, cooperating units, deadline, targets, programmes), `added` (only in the notice), `dropped`
    (only in the other), and the `shares` inherited and taken up. docs/compare.md has the rules."""
    return Comparison.model_validate(compare_notices(store, key, with_))


@router.get(
    "/{key:path}", response_model=DocumentDetail, summary="One notice with its citations and tasks", responses=NOT_FOUND
)
def get_document(key: KeyPath, store: StoreDep) -> DocumentDetail:
    """The notice's properties, the notices it cites (basis or reference, with the quote), the parent it implements,
    and its tasks in order, each with its lead and cooperating agencies (basis, quote, as written), programmes and
    targets. A stub has `stub: true`, a `note`, and no tasks."""
    return DocumentDetail.model_validate(documents.detail(store, key))
