"""The language of each answer: `?lang=zh|en` (which also sets a cookie, so the choice holds on the next pages), else
the cookie, else `Accept-Language`, else the `POLICYGRAPH_LANG` setting (zh by default). An unknown value is passed
over. The choice is the context of the whole request (core/i18n.py), so pages, charts and error messages all speak it;
the answer says it in `Content-Language` and varies on what chose it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from http.cookies import CookieError, SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from policygraph.core import i18n

COOKIE_AGE = 365 * 24 * 3600
# The path and query of the request being answered, for the language switch on a page.
_here: ContextVar[tuple[str, str] | None] = ContextVar("policygraph_here", default=None)


def switch_urls() -> dict[str, str] | None:
    """The current page in each language (its other query parameters kept), or None outside a request."""
    here = _here.get()
    if here is None:
        return None
    path, query = here
    kept = [(name, value) for name, value in parse_qsl(query, keep_blank_values=True) if name != "lang"]
    return {language: f"{path}?{urlencode([*kept, ('lang', language)])}" for language in i18n.LANGUAGES}


def _query_value(query: str, name: str) -> str | None:
    return next((value for key, value in parse_qsl(query, keep_blank_values=True) if key == name), None)


def _cookie(header: str | None) -> str | None:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header or "")
    except CookieError:  # a malformed Cookie header is no choice, not an error
        return None
    morsel = jar.get(i18n.COOKIE)
    return morsel.value if morsel else None


@contextmanager
def _at(path: str, query: str) -> Iterator[None]:
    token = _here.set((path, query))
    try:
        yield
    finally:
        _here.reset(token)


class Language:
    """ASGI middleware: picks the request's language, answers in it, remembers an explicit `?lang=` in a cookie."""

    def __init__(self, app: ASGIApp, default: str | None = None) -> None:
        self.app = app
        self.default = default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        query = scope.get("query_string", b"").decode("utf-8", "replace")
        asked = i18n.supported(_query_value(query, "lang"))
        language = i18n.choose(asked, _cookie(headers.get("cookie")), headers.get("accept-language"), self.default)

        async def send_in(message: Message) -> None:
            if message["type"] == "http.response.start":
                out = MutableHeaders(scope=message)
                out["Content-Language"] = i18n.HTML_LANG[language]
                out.append("Vary", "Accept-Language, Cookie")
                if asked:
                    out.append("Set-Cookie", f"{i18n.COOKIE}={asked}; Max-Age={COOKIE_AGE}; Path=/; SameSite=Lax")
            await send(message)

        with i18n.using(language), _at(scope["path"], query):
            await self.app(scope, receive, send_in)


def install(app: Any, default: str | None) -> None:
    app.add_middleware(Language, default=default)
