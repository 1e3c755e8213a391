"""Fetch one notice from a web address: `POST /documents/fetch {"url": …}`, behind the API key (api/security.py).

The fetcher of `policygraph ingest URL` (ingest/fetch.py) under the server's settings: http(s) only, private and
other non-global addresses refused unless POLICYGRAPH_ALLOW_PRIVATE_URLS is set (a server reachable from outside must
not be a way into its own network), robots.txt, timeouts, POLICYGRAPH_FETCH_MAX_MB, the fetch cache (`refresh`
fetches again). Then the upload's own path: extraction, load_one. A URL that fails is a 422 whose detail is one line,
`URL: reason`; nothing in the graph changes.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from policygraph.api.deps import SettingsDep, StoreDep
from policygraph.api.routes.uploads import STATUS_CODES, UploadResult, load_one
from policygraph.api.security import require_api_key
from policygraph.core.errors import InputError
from policygraph.graph.ingest_files import extract_url
from policygraph.ingest.fetch import Fetcher, FetchPolicy

router = APIRouter(tags=["uploads"])

EXAMPLE_URL = "https://wsjkw.example.gov.cn/art/2025/3/21/art_1.html"


class FetchRequest(BaseModel):
    url: str = Field(min_length=1, max_length=2000, description="An http(s) URL: the notice's page, or a short "
                     "landing page whose attachment (PDF, DOCX) is the notice.", examples=[EXAMPLE_URL])  # fmt: skip
    refresh: bool = Field(default=False, description="Fetch again even if the URL is in the fetch cache.")


class FetchResult(UploadResult):
    retrieved: str | None = Field(description="When the document was downloaded (ISO 8601, UTC).",
                                  examples=["2026-12-06T15:20:04Z"])  # fmt: skip


@router.post(
    "/documents/fetch",
    response_model=FetchResult,
    status_code=201,
    summary="Fetch one notice from a web address (requires the API key)",
    responses={
        200: {"model": FetchResult, "description": "Already in the graph: unchanged, or replaced by this version."},
        401: {"description": "Missing or wrong X-API-Key."},
        422: {
            "description": "The URL failed (`URL: reason`: DNS, timeout, HTTP 404, too large, not http(s), a "
            "private address, robots.txt, not a notice), or the graph refused the notice."
        },
        503: {"description": "Writes are disabled: no POLICYGRAPH_API_KEY on the server."},
    },
)
def fetch_document(body: FetchRequest, store: StoreDep, settings: SettingsDep,
                   _: Annotated[None, Depends(require_api_key)]) -> JSONResponse:  # fmt: skip
    """Download, read, extract and load one notice, exactly as `policygraph ingest URL` does; the notice's `source`
    is the URL and its `retrieved` date is kept."""
    with Fetcher(FetchPolicy.from_settings(settings, refresh=body.refresh)) as fetcher:
        extracted = extract_url(body.url.strip(), fetcher)
    if extracted.record is None:
        raise InputError(extracted.source, extracted.reason or "not fetched")
    outcome = load_one(store, settings, extracted.record)
    result = FetchResult(source=outcome.source, status=outcome.status, key=outcome.key, reason=outcome.reason,
                         tasks=len(extracted.record["tasks"]), retrieved=extracted.record.get("retrieved"))  # fmt: skip
    return JSONResponse(result.model_dump(), status_code=STATUS_CODES[outcome.status])
