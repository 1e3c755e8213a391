"""Full-text search over task titles and texts, in Chinese, with the same answers on FalkorDB and Neo4j
(graph/search.py)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from policygraph.api.deps import StoreDep
from policygraph.api.pagination import Page, PageDep, page_of
from policygraph.core.vocabulary import Level
from policygraph.graph.search import search as search_tasks
from policygraph.ingest.divisions import region_prefix

router = APIRouter(tags=["search"])

MAX_QUERY = 100

_TEXT = (
    "(一)加强组织领导。各县市把医改工作摆在重要位置,调整完善医改领导小组成员和各领导小组工作任务,"
    "充分发挥医改领导小组的统筹协调作用。确保完成年内制定的工作任务。(各县市人民政府负责)"
)


class Highlight(BaseModel):
    """A piece of the text; `match` when it is an occurrence of a searched word. The pieces join to the text."""

    text: str = Field(examples=["医改"])
    match: bool = Field(examples=[True])


class SearchHit(BaseModel):
    key: str = Field(description="The task's key: document key # position.", examples=["临州办发〔2021〕76号#1"])
    number: str | None = Field(description="The task's number as printed.", examples=["(一)"])
    title: str | None = Field(examples=["加强组织领导"])
    text: str | None = Field(description="The task's whole text.", examples=[_TEXT])
    document_key: str = Field(examples=["临州办发〔2021〕76号"])
    document_title: str | None = Field(
        examples=["临夏回族自治州人民政府办公室关于印发加快推进临夏州深化医药卫生体制改革2021年重点工作任务的通知"]
    )
    level: str | None = Field(description="The notice's level.", examples=["prefectural"])
    region: str | None = Field(description="The notice's region, full path.", examples=["甘肃省临夏回族自治州"])
    year: int | None = Field(examples=[2021])
    hits: int = Field(
        description="Occurrences of the words in the title and text: the ranking, the same on both engines.",
        examples=[3],
    )
    score: float = Field(
        description="The engine's own full-text relevance (Lucene on Neo4j, RediSearch on "
        "FalkorDB): informative, not comparable across engines.",
        examples=[1.8],
    )
    title_highlights: list[Highlight] = Field(
        description="The title cut around the occurrences of the words.",
        examples=[[{"text": "加强组织领导", "match": False}]],
    )
    text_highlights: list[Highlight] = Field(
        description="The text cut around the occurrences of the words (plain text: escape it when rendering).",
        examples=[
            [
                {"text": "(一)加强组织领导。各县市把", "match": False},
                {"text": "医改", "match": True},
                {"text": "工作摆在重要位置,…", "match": False},
            ]
        ],
    )


class SearchPage(Page[SearchHit]):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [],
                    "limit": 20,
                    "offset": 0,
                    "has_more": False,
                    "q": "医改",
                    "words": ["医改"],
                    "ignored": [],
                }
            ]
        }
    )

    q: str = Field(description="The query as received.")
    words: list[str] = Field(
        description="The words searched: runs of Chinese characters and of ASCII letters and digits, folded "
        "(half-width, simplified, lower case). Every one must occur in the task's title or text.",
        examples=[["drg", "付费"]],
    )
    ignored: list[str] = Field(
        description="Single Chinese characters, which the bigram index cannot search: left out of the query.",
        examples=[["省"]],
    )


@router.get(
    "/search",
    response_model=SearchPage,
    summary="Full-text search of the tasks, in Chinese",
    description=(
        "Tasks whose title or text contains every word of `q` (a word is a run of Chinese characters or of ASCII "
        "letters and digits: `医共体 DRG` is two words; case, full-width forms and traditional characters do not "
        "matter). Most occurrences first, then newest notice, then task key: the same page on FalkorDB and Neo4j. "
        "Each hit carries its title and text cut into highlight fragments around the words. Nothing in `q` is "
        "query syntax: quotes, brackets, operators are separators."
    ),
    responses={422: {"description": "q empty or longer than 100 characters, bad filter or page"}},
)
def search(
    store: StoreDep,
    page: PageDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=MAX_QUERY,
            description="The words to look for.",
            examples=["三明", "家庭医生 签约", "DRG"],
        ),
    ],
    level: Annotated[Level | None, Query(description="Only tasks of notices at this level.")] = None,
    region: Annotated[
        str | None,
        Query(
            max_length=60,
            description="Only tasks of notices of this region or inside it, in any common form "
            "(甘肃, 临夏州, 安徽省宿州市泗县, 晋).",
            examples=["山西"],
        ),
    ] = None,
    year: Annotated[int | None, Query(ge=1949, le=2100, description="Only tasks of notices of this year.")] = None,
) -> dict[str, Any]:
    found = search_tasks(store, q, level=level, region=region_prefix(region), year=year, **page.query_params())
    return {**page_of(found.rows, page), "q": q, "words": found.words, "ignored": found.ignored}
