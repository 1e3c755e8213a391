"""Errors → HTTP answers. Never a stack trace: a status code and a one-line `detail`, in the request's language
(api/language.py) when the catalogue has the message; field names and status codes never change."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from policygraph.core.errors import (
    AuthenticationFailed,
    BadInput,
    BadQuery,
    ConstraintViolation,
    EngineUnavailable,
    InvalidParameter,
    NotFound,
    PolicyGraphError,
    QueryTimeout,
)
from policygraph.core.i18n import gettext as _

log = logging.getLogger("policygraph.api")

# The one place an error becomes a status code; the first kind that matches decides.
STATUS: list[tuple[type[PolicyGraphError], int]] = [
    (EngineUnavailable, 503),
    (AuthenticationFailed, 503),
    (QueryTimeout, 504),
    (ConstraintViolation, 409),
    (BadQuery, 400),
    (NotFound, 404),
    (BadInput, 422),
]


def status_of(error: PolicyGraphError) -> int:
    return next((status for kind, status in STATUS if isinstance(error, kind)), 500)


def message_of(error: PolicyGraphError) -> str:
    """The error's one line in the current language: its catalogue entry with its values, else as raised."""
    return _(error.msgid or str(error), **error.values)


def detail_of(error: PolicyGraphError, request: Request) -> Any:
    """The answer's `detail`: one line, or for a refused parameter the list FastAPI gives for its own validation
    errors (location, name, message), so a client reads every 422 about a parameter alike."""
    if not isinstance(error, InvalidParameter):
        return message_of(error)
    return [{"loc": location(error, request), "msg": message_of(error), "type": "value_error"}]


def location(error: InvalidParameter, request: Request) -> list[str]:
    """Where the refused value came from, as the client named it: the store names its query's parameter (a key
    holding a NUL is `key` there, `document` in the URL), so a value it reports is looked up in the request."""
    sent = [("path", name, value) for name, value in request.path_params.items()]
    sent += [("query", name, value) for name, value in request.query_params.multi_items()]
    found = [[where, name] for where, name, value in sent if error.value is not None and value == error.value]
    return found[0] if found else ["query", error.parameter]


def install(app: FastAPI) -> None:
    @app.exception_handler(PolicyGraphError)
    async def project_error(request: Request, error: PolicyGraphError) -> JSONResponse:
        status = status_of(error)
        if isinstance(error, EngineUnavailable | AuthenticationFailed):
            request.app.state.stores.forget()
        headers = {"Retry-After": "2"} if status == 503 else None
        return JSONResponse({"detail": detail_of(error, request)}, status_code=status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        # FastAPI's own handler echoes the input, which may hold values JSON cannot encode (NaN): a 500 from a 422.
        problems = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
                    for e in error.errors()]  # fmt: skip
        return JSONResponse({"detail": problems}, status_code=422)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        return JSONResponse({"detail": _("internal error (logged on the server)")}, status_code=500)
