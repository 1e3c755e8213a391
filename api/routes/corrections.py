"""Analysts' corrections of one notice: `GET` lists them, `POST` adds one behind the API key (api/security.py).

A correction posted here goes where `policygraph correct` puts it: appended to the corrections file
(POLICYGRAPH_CORRECTIONS, docs/corrections.md) and applied to the graph at once; every later ingest applies the
file again. The notice page's corrections form posts here with the key in the X-API-Key header.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path
from pydantic import BaseModel, Field

from policygraph.api.deps import SettingsDep, StoreDep
from policygraph.api.security import require_api_key
from policygraph.core.errors import BadInput, NotFound
from policygraph.core.i18n import N_
from policygraph.core.vocabulary import DeadlineKind, Level
from policygraph.graph import corrections
from policygraph.ingest import corrections as correction_file
from policygraph.ingest.corrections import Correction

router = APIRouter(prefix="/documents", tags=["corrections"])
_LOCK = threading.Lock()
KeyPath = Annotated[
    str, Path(min_length=1, max_length=300, description="The notice's key: its 文号, or region|year|title.")
]
Name = Annotated[str, Field(min_length=1, max_length=200)]


class DeadlineIn(BaseModel):
    kind: DeadlineKind
    date: dt.date | None = Field(None, description="With kind by_date.")
    as_written: str | None = Field(None, max_length=200, examples=["2023年底前"])


class CorrectionIn(BaseModel):
    """Either the notice's fields or one task's (task, number and title name it as printed, to detect drift)."""

    task: int | None = Field(None, ge=1, description="The task's position in the notice.", examples=[3])
    number: str | None = Field(None, max_length=50, description="The task's number as printed.", examples=["(三)"])
    title: str | None = Field(None, max_length=500, description="The task's title as printed.")
    lead: list[Name] | None = Field(None, max_length=50, description="Lead agencies' full names; [] for none.")
    cooperating: list[Name] | None = Field(None, max_length=50, description="Cooperating agencies' full names.")
    deadline: DeadlineIn | None = None
    doc_no: str | None = Field(None, max_length=100, examples=["临州办发〔2021〕76号"])
    issuer: str | None = Field(None, max_length=200)
    level: Level | None = None
    region: str | None = Field(None, max_length=200, examples=["甘肃省临夏回族自治州"])
    date: dt.date | None = None
    parent: str | None = Field(None, max_length=300, description="The key of the notice it implements.")
    note: str = Field(min_length=1, max_length=2000, description="Why: the evidence for the correction.")
    corrected_on: dt.date | None = Field(None, description="Default: today.")


class CorrectionOut(BaseModel):
    line: int = Field(description="Where the correction sits in the corrections file.")
    correction: dict[str, Any] = Field(description="The correction's table, as written in the file.")
    orphaned: str | None = Field(None, description="Why it cannot be applied now (its target is gone), or null.")


class CorrectionList(BaseModel):
    notice: str
    corrections: list[CorrectionOut]


def as_table(key: str, body: CorrectionIn) -> dict[str, Any]:
    table: dict[str, Any] = body.model_dump(exclude_none=True, mode="json")
    if "deadline" in table:
        table["deadline"] = {k: v for k, v in table["deadline"].items() if v is not None}
    return {"notice": key, "corrected_on": dt.date.today().isoformat()} | table


def listed(store: StoreDep, settings: SettingsDep, key: str) -> CorrectionList:
    mine = [c for c in correction_file.read_file(settings.corrections_path) if c.notice == key]
    _, orphans = corrections.check(store, mine)
    why = {id(o.correction): o.reason for o in orphans}
    return CorrectionList(notice=key, corrections=[
        CorrectionOut(line=c.line, correction=c.to_table(), orphaned=why.get(id(c))) for c in mine
    ])  # fmt: skip


@router.get("/{key:path}/corrections", response_model=CorrectionList, summary="The corrections of one notice")
def list_corrections(store: StoreDep, settings: SettingsDep, key: KeyPath) -> CorrectionList:
    """Every correction of the notice in the corrections file, with its line, and why it is orphaned if it is."""
    return listed(store, settings, key)


@router.post(
    "/{key:path}/corrections",
    response_model=CorrectionOut,
    status_code=201,
    summary="Correct a notice or one of its tasks (requires the API key)",
    responses={
        401: {"description": "Missing or wrong X-API-Key."},
        404: {"description": "No notice has this key in the graph."},
        422: {"description": "The correction is refused: the reason, with the file and line it would take."},
        503: {"description": "Writes are disabled: no POLICYGRAPH_API_KEY on the server."},
    },
)
def add_correction(
    store: StoreDep, settings: SettingsDep, key: KeyPath, body: CorrectionIn,
    _: Annotated[None, Depends(require_api_key)],
) -> CorrectionOut:  # fmt: skip
    """Append the correction to the corrections file and apply it to the graph at once. Refused whole (nothing
    written) when it names a task that is not the notice's as printed, or contradicts an earlier correction."""
    if not corrections.notices(store, [key]):
        raise NotFound(N_("no notice has the key %(key)r in the graph"), values={"key": key})
    try:
        correction: Correction = correction_file.from_table(as_table(key, body))
    except ValueError as e:
        raise BadInput(f"correction refused: {e}") from None
    with _LOCK:
        written = corrections.add(store, settings.corrections_path, correction)
    return CorrectionOut(line=written.line, correction=written.to_table(), orphaned=None)
