"""An HTML form sends the fields left empty as `level=&year_from=`. On the explorer's pages an empty field means "no
filter", so they are dropped from the query before validation; the JSON endpoints keep answering 422 to an empty
value, which there is a client's mistake."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Receive, Scope, Send

from policygraph.visualize import urls


def is_page(path: str) -> bool:
    return path == urls.HOME or path.startswith("/explore/")


def without_blank_fields(query: bytes) -> bytes:
    pairs = parse_qsl(query.decode("utf-8", "replace"), keep_blank_values=True)
    return urlencode([(name, value) for name, value in pairs if value.strip()]).encode("ascii")


class DropBlankFormFields:
    """ASGI middleware: the query of an explorer page without its empty fields."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("query_string") and is_page(scope["path"]):
            scope = {**scope, "query_string": without_blank_fields(scope["query_string"])}
        await self.app(scope, receive, send)


def install(app: Any) -> None:
    app.add_middleware(DropBlankFormFields)
