"""Errors → HTTP answers. Never a stack trace: a status code and a one-line `detail`."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from policygraph.core.errors import (
    AuthenticationFailed,
    BadQuery,
    ConstraintViolation,
    EngineUnavailable,
    InputError,
    PolicyGraphError,
    QueryTimeout,
)

log = logging.getLogger("policygraph.api")

STATUS: list[tuple[type[PolicyGraphError], int]] = [
    (EngineUnavailable, 503),
    (AuthenticationFailed, 503),
    (QueryTimeout, 504),
    (ConstraintViolation, 409),
    (InputError, 422),
    (BadQuery, 400),
]


class NotFound(PolicyGraphError):
    """No node with that key."""


def status_of(error: PolicyGraphError) -> int:
    for kind, status in STATUS:
        if isinstance(error, kind):
            return status
    return 404 if isinstance(error, NotFound) else 500


def install(app: FastAPI) -> None:
    @app.exception_handler(PolicyGraphError)
    async def project_error(request: Request, error: PolicyGraphError) -> JSONResponse:
        status = status_of(error)
        if isinstance(error, EngineUnavailable | AuthenticationFailed):
            request.app.state.stores.forget()
        headers = {"Retry-After": "2"} if status == 503 else None
        return JSONResponse({"detail": str(error)}, status_code=status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        # FastAPI's own handler echoes the input, which may hold values JSON cannot encode (NaN): a 500 from a 422.
        problems = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
                    for e in error.errors()]  # fmt: skip
        return JSONResponse({"detail": problems}, status_code=422)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        return JSONResponse({"detail": "internal error (logged on the server)"}, status_code=500)
