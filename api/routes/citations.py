"""Citation hygiene: citations the graph cannot tie to a known notice (analysis/citations.py), overall or per notice."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from policygraph.analysis.citations import Reason, summary, unresolved
from policygraph.api.deps import StoreDep
from policygraph.api.pagination import Page, PageDep, page_of

router = APIRouter(prefix="/citations", tags=["citations"])

SHANXI = "晋政办发〔2022〕83号"


class UnresolvedCitation(BaseModel):
    document: str = Field(description="Key of the citing notice.", examples=[SHANXI])
    document_title: str | None = Field(
        None, examples=["山西省人民政府办公厅关于印发山西省深化医药卫生体制改革2022年重点工作任务的通知"]
    )
    cited: str = Field(
        description="Key of the stub cited: 《title》 or the 文号.",
        examples=["《山西省推动公立医院高质量发展实施方案》"],
    )
    doc_no: str | None = Field(None, description="The 文号 cited, if any.")
    title: str | None = Field(
        None, description="The title cited, if any.", examples=["山西省推动公立医院高质量发展实施方案"]
    )
    relation: str | None = Field(None, description="basis or reference.", examples=["reference"])
    quote: str | None = Field(
        None, description="The citation as printed.", examples=["《山西省推动公立医院高质量发展实施方案》"]
    )
    span: list[int] = Field(description="[start, end) of the quote in the citing notice's original text.")
    reason: Reason = Field(description="title_unknown, title_ambiguous or issuer_unknown.", examples=["title_unknown"])
    detail: str = Field(description="Why, in words (the normalised title, the notices it matches, the 代字).")


class UnresolvedCitations(Page[UnresolvedCitation]):
    total: int = Field(description="Unresolved citations under the filters (all pages).", examples=[6])
    by_reason: dict[str, int] = Field(description="The total split by reason.")
    by_document: dict[str, int] = Field(description="The total split by citing notice.")


@router.get(
    "/unresolved",
    response_model=UnresolvedCitations,
    summary="Citations that resolve to no known notice",
    description=(
        "A notice cited by 《title》 only whose normalised title no known notice carries (title_unknown) or several do "
        "(title_ambiguous), and a notice cited by 文号 whose 代字 is not in the shipped table (issuer_unknown). Each with "
        "the citing notice, the quote and its span. `document` restricts to one citing notice (404 if unknown)."
    ),
    responses={404: {"description": "No notice has that key."}},
)
def unresolved_citations(
    store: StoreDep,
    page: PageDep,
    document: Annotated[
        str | None,
        Query(min_length=1, max_length=300, description="Key of the citing notice.", examples=[SHANXI]),
    ] = None,
    reason: Annotated[Reason | None, Query(description="Only this reason.")] = None,
) -> dict[str, Any]:
    items = unresolved(store, document, reason)
    rows = [u.to_json() for u in items[page.offset : page.offset + page.limit + 1]]
    return {**page_of(rows, page), **summary(items)}
