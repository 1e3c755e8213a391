"""What the explorer's pages share: the page with its JSON twins in the `Link` header, the error page that keeps the
JSON route's status and message, and a value passed through a response model the way the JSON route sends it."""

from __future__ import annotations

from typing import Any

from fastapi.responses import HTMLResponse
from pydantic import TypeAdapter

from policygraph.api.errors import message_of, status_of
from policygraph.api.language import switch_urls
from policygraph.core.errors import InvalidParameter, NotFound, PolicyGraphError
from policygraph.core.i18n import gettext as _
from policygraph.visualize import render


def page(template: str, twins: list[str], status: int = 200, **context: Any) -> HTMLResponse:
    """The rendered page, in the request's language with its switch to the other, and its JSON twins in the Link
    header (URLs are percent-encoded: ASCII only)."""
    links = ", ".join(f'<{url}>; rel="alternate"; type="application/json"' for url in twins)
    body = render.render(template, q=context.pop("q", None), switch=switch_urls(), **context)
    return HTMLResponse(body, status_code=status, headers={"Link": links} if links else None)


def error_page(error: PolicyGraphError) -> HTMLResponse:
    """The JSON route's refusal as a page: the same status code and message (a refused parameter named first)."""
    message = f"{error.parameter}: {message_of(error)}" if isinstance(error, InvalidParameter) else message_of(error)
    title = _("Not found") if isinstance(error, NotFound) else _("Cannot show this page")
    return page("error.html", [], status_of(error), title=title, message=message)


def dumped(model: Any, value: Any) -> Any:
    """What a JSON route with this response model sends for this value, as JSON values."""
    adapter: TypeAdapter[Any] = TypeAdapter(model)
    return adapter.dump_python(adapter.validate_python(value), mode="json", by_alias=True)
