"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from policygraph.core.errors import PolicyGraphError

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str


class Ready(BaseModel):
    ready: bool
    engine: str
    version: str | None = None
    schema_applied: bool = False
    detail: str | None = None


@router.get("/health", response_model=Health, summary="The API process answers")
def health() -> Health:
    return Health(status="ok")


@router.get(
    "/ready",
    response_model=Ready,
    summary="The engine answers and the schema is in place",
    responses={503: {"model": Ready, "description": "engine unreachable or schema missing"}},
)
def ready(request: Request) -> JSONResponse:
    stores = request.app.state.stores
    try:
        store = stores.get()
        store.ping()
        constraints = [row for row in store.describe_schema() if row["kind"] == "constraint"]
        answer = Ready(ready=bool(constraints), engine=store.engine, version=store.version(),
                       schema_applied=bool(constraints))  # fmt: skip
    except PolicyGraphError as e:
        stores.forget()
        answer = Ready(ready=False, engine=stores.settings.engine, detail=str(e))
    return JSONResponse(answer.model_dump(), status_code=200 if answer.ready else 503)
