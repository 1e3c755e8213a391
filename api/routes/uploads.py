"""Upload one notice: `POST /documents/upload`, behind the API key (api/security.py).

The body is streamed and counted as it arrives (a Content-Length is only a first hint, never trusted alone), so a
file over POLICYGRAPH_MAX_UPLOAD_MB is refused with a 413 after at most that much has been read. Then the same path
as `policygraph ingest`: ingest.readers.read_bytes → ingest.extract.extract_text → graph.loader.load_records, which
writes the notice whole or not at all and recomputes lineage; uploads run one at a time in this process, so two
lineage refreshes never interleave. Then the analysts' corrections file is applied, as at every ingest.
"""

from __future__ import annotations

import re
import threading
from collections.abc import AsyncGenerator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from policygraph.api.deps import SettingsDep, StoreDep
from policygraph.api.security import require_api_key
from policygraph.core.settings import Settings
from policygraph.graph.ingest_files import apply_corrections, extract_source
from policygraph.graph.loader import Outcome, load_records
from policygraph.graph.store import GraphStore
from policygraph.graph.writer import one_writer
from policygraph.ingest import corrections, readers

router = APIRouter(tags=["uploads"])

FIELD = "file"
FORM_OVERHEAD = 64 * 1024  # multipart boundaries and part headers around the file, at most
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f]")
_LOCK = threading.Lock()
STATUS_CODES = {"new": 201, "replaced": 200, "unchanged": 200, "failed": 422}
GUANGDONG = "004_2024_广东省_粤办函〔2024〕267号.txt"


class UploadResult(BaseModel):
    source: str = Field(description="The uploaded file's name, as recorded on the notice.", examples=[GUANGDONG])
    status: Literal["new", "unchanged", "replaced", "failed"] = Field(
        description="new: not in the graph before (201); unchanged: the same content is already there; replaced: "
                    "a changed version replaced the notice's tasks and edges; failed: the graph refused it (422, "
                    "see reason).", examples=["new"])  # fmt: skip
    key: str | None = Field(description="The notice's key: its 文号, or region|year|title without one.",
                            examples=["粤办函〔2024〕267号"])  # fmt: skip
    reason: str | None = Field(description="Why it failed.", examples=[None])
    tasks: int = Field(ge=0, description="Numbered tasks extracted from the notice.", examples=[22])


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


class TooLarge(Exception):
    """The body went past the size limit while it was being read."""


def limit_bytes(max_upload_mb: float) -> int:
    """The configured limit, never above what the reader itself accepts."""
    return min(int(max_upload_mb * 2**20), readers.MAX_BYTES)


def too_large(limit: int) -> HTTPException:
    return HTTPException(413, f"file too large: the limit is {limit / 2**20:.2f} MB (POLICYGRAPH_MAX_UPLOAD_MB)")


async def capped(stream: AsyncGenerator[bytes, None], cap: int) -> AsyncGenerator[bytes, None]:
    """The request body, chunk by chunk, raising TooLarge as soon as more than `cap` bytes have come."""
    seen = 0
    async for chunk in stream:
        seen += len(chunk)
        if seen > cap:
            raise TooLarge
        yield chunk


def file_name(raw: str | None) -> str:
    """The base name of the uploaded file (no folders, no control characters), or `upload` without one."""
    name = PurePosixPath(_UNSAFE_NAME.sub("", raw or "").replace("\\", "/")).name.strip()
    return name[-200:] or "upload"


async def read_upload(request: Request, settings: SettingsDep, _: Annotated[None, Depends(require_api_key)]) -> Upload:
    """The file of a multipart/form-data body (field `file`), read up to the limit and no further."""
    limit = limit_bytes(settings.max_upload_mb)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit + FORM_OVERHEAD:
        raise too_large(limit)
    if not request.headers.get("content-type", "").lower().startswith("multipart/form-data"):
        raise HTTPException(415, f"send the file as multipart/form-data, in a field named {FIELD!r}")
    parser = MultiPartParser(
        request.headers, capped(request.stream(), limit + FORM_OVERHEAD), max_files=1, max_fields=10
    )
    try:
        form = await parser.parse()
    except TooLarge:
        raise too_large(limit) from None
    except MultiPartException as e:
        raise HTTPException(422, f"malformed multipart body: {e.message}") from e
    try:
        upload = form.get(FIELD)
        if not isinstance(upload, UploadFile):
            raise HTTPException(422, f"no file: send it in a multipart field named {FIELD!r}")
        data = await upload.read(limit + 1)
        if len(data) > limit:
            raise too_large(limit)
        return Upload(file_name(upload.filename), data)
    finally:
        await form.close()


def load_one(store: GraphStore, settings: Settings, record: dict[str, Any]) -> Outcome:
    """Load one extracted notice as `policygraph ingest` does, then the corrections file; uploads and fetches run one
    at a time in this process."""
    listed = corrections.read_file(settings.corrections_path)  # a file refused refuses the upload, as ingest does
    with _LOCK, one_writer(store):  # one_writer: also not while a `policygraph ingest` loads the same graph
        loaded = load_records(store, [record])
        apply_corrections(store, listed, str(settings.corrections_path), loaded)
        return loaded.outcomes[0]


MULTIPART_BODY = {
    "required": True,
    "content": {"multipart/form-data": {"schema": {
        "type": "object",
        "required": [FIELD],
        "properties": {FIELD: {"type": "string", "format": "binary",
                               "description": "The notice: .txt (UTF-8, GBK or Big5), .html, .docx or .pdf."}},
    }}},
}  # fmt: skip


@router.post(
    "/documents/upload",
    response_model=UploadResult,
    status_code=201,
    summary="Upload one notice (requires the API key)",
    openapi_extra={"requestBody": MULTIPART_BODY},
    responses={
        200: {"model": UploadResult, "description": "Already in the graph: unchanged, or replaced by this version."},
        401: {"description": "Missing or wrong X-API-Key."},
        413: {"description": "Larger than POLICYGRAPH_MAX_UPLOAD_MB."},
        415: {"description": "Not a multipart/form-data body."},
        422: {"description": "Not a readable notice (the reader's one-line reason), or the graph refused it."},
        503: {"description": "Uploads are disabled: no POLICYGRAPH_API_KEY on the server."},
    },
)
def upload_document(upload: Annotated[Upload, Depends(read_upload)], store: StoreDep,
                    settings: SettingsDep) -> JSONResponse:  # fmt: skip
    """Read, extract and load one notice, exactly as `policygraph ingest` does: the notice is written whole or not
    at all, a notice whose content is already in the graph is left alone, a changed one replaces its tasks and
    edges, and lineage is recomputed. A file that cannot be read, or in which no notice is found (neither a title
    nor numbered tasks), is a 422 with the reason."""
    record = extract_source(readers.read_bytes(upload.data, upload.name), upload.name)
    outcome = load_one(store, settings, record)
    result = UploadResult(source=outcome.source, status=outcome.status, key=outcome.key, reason=outcome.reason,
                          tasks=len(record["tasks"]))  # fmt: skip
    return JSONResponse(result.model_dump(), status_code=STATUS_CODES[outcome.status])
