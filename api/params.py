"""Query parameters that several resources take alike."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query

from policygraph.core.errors import InvalidParameter

Region = Annotated[str | None, Query(max_length=50, description="A region in any common form (甘肃省, 临夏州, 晋); "
                                     "includes everything below it.", examples=["临夏州"])]  # fmt: skip
Year = Annotated[int | None, Query(ge=1949, le=2100, examples=[2021])]
Collectives = Literal["include", "exclude"]  # collectives (各县市人民政府 …) counted, or left out
GroupBy = Literal["agency", "function"]  # rank agencies, or functions pooled across regions


def check_year_range(year_from: int | None, year_to: int | None) -> None:
    """A range whose start is after its end names no year: refused, naming year_from."""
    if year_from is not None and year_to is not None and year_from > year_to:
        raise InvalidParameter("year_from", f"year_from must not be after year_to ({year_from} > {year_to})")
