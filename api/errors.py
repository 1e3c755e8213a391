"""Errors → HTTP answers. Never a stack trace: a status code and a one-line `detail`, in the request's language
(api/language.py) when the catalogue has the message; field names and status codes never change."""

from __future__ import annotations

import logging
from collections.abc import Mapping
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
    QueryTooLarge,
)
from policygraph.core.i18n import N_
from policygraph.core.i18n import gettext as _

log = logging.getLogger("policygraph.api")

# The one place an error becomes a status code; the first kind that matches decides.
STATUS: list[tuple[type[PolicyGraphError], int]] = [
    (EngineUnavailable, 503),
    (AuthenticationFailed, 503),
    (QueryTimeout, 504),
    (QueryTooLarge, 503),  # the engine's limit, not the request's fault: it may pass when the engine is less busy
    (ConstraintViolation, 409),
    (BadQuery, 400),
    (NotFound, 404),
    (BadInput, 422),
]


# FastAPI's (pydantic's) own messages for a refused parameter, by error type, with pydantic's `ctx` values: said in
# the request's language. In English, and for a type not listed, pydantic's message is sent as it is.
VALIDATION = {
    "missing": N_("Field required"),
    "int_parsing": N_("Input should be a valid integer, unable to parse string as an integer"),
    "float_parsing": N_("Input should be a valid number, unable to parse string as a number"),
    "bool_parsing": N_("Input should be a valid boolean, unable to interpret input"),
    "greater_than_equal": N_("Input should be greater than or equal to %(ge)s"),
    "less_than_equal": N_("Input should be less than or equal to %(le)s"),
    "literal_error": N_("Input should be %(expected)s"),
    "enum": N_("Input should be %(expected)s"),
    "string_too_short": N_("String should have at least %(min_length)s characters"),
    "string_too_long": N_("String should have at most %(max_length)s characters"),
}


def validation_message(problem: Mapping[str, Any]) -> str:
    """One of FastAPI's validation problems in the current language; our own refusal raised in a validator (a
    PolicyGraphError in `ctx.error`) as the API says it elsewhere."""
    context = problem.get("ctx") or {}
    refused = context.get("error")
    if isinstance(refused, PolicyGraphError) and message_of(refused) != str(refused):
        return message_of(refused)
    message = VALIDATION.get(str(problem.get("type", "")))
    if message is None or _(message) == message:
        return str(problem.get("msg", ""))
    try:
        return _(message) % {name: str(value) for name, value in context.items()}
    except (KeyError, TypeError, ValueError):  # a ctx without the value the message names: pydantic's words
        return str(problem.get("msg", ""))


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
        problems = [{"loc": list(e.get("loc", ())), "msg": validation_message(e), "type": str(e.get("type", ""))}
                    for e in error.errors()]  # fmt: skip
        return JSONResponse({"detail": problems}, status_code=422)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        return JSONResponse({"detail": _("internal error (logged on the server)")}, status_code=500)
