"""Pagination shared by the list endpoints: `limit` and `offset` in, a page with `has_more` out."""

from __future__ import annotations

from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel

T = TypeVar("T")
MAX_LIMIT = 500


class PageParams(BaseModel):
    limit: int
    offset: int

    def query_params(self) -> dict[str, int]:
        """The Cypher parameters: one row more than asked, to know whether there is a next page."""
        return {"skip": self.offset, "limit": self.limit + 1}


def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Rows per page.")] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Rows to skip.")] = 0,
) -> PageParams:
    return PageParams(limit=limit, offset=offset)


PageDep = Annotated[PageParams, Depends(page_params)]


class Page(BaseModel, Generic[T]):
    items: list[T]
    limit: int
    offset: int
    has_more: bool


def page_of(rows: list[Any], params: PageParams) -> dict[str, Any]:
    return {
        "items": rows[: params.limit],
        "limit": params.limit,
        "offset": params.offset,
        "has_more": len(rows) > params.limit,
    }
