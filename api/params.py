"""Query parameters that several resources take alike."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query

Region = Annotated[str | None, Query(max_length=50, description="A region in any common form (甘肃省, 临夏州, 晋); "
                                     "includes everything below it.", examples=["临夏州"])]  # fmt: skip
Year = Annotated[int | None, Query(ge=1949, le=2100, examples=[2021])]
Collectives = Literal["include", "exclude"]  # collectives (各县市人民政府 …) counted, or left out
