"""The explorer's page for adding notices (`/explore/upload`): a file field, a web address field and the API key,
posting to POST /documents/upload and POST /documents/fetch from the browser (visualize/static/upload.js). The page
itself reads nothing from the graph and needs no key; the two JSON routes check the key."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from policygraph.api.explorer import page
from policygraph.core.i18n import gettext as _
from policygraph.visualize import urls

router = APIRouter(include_in_schema=False)


@router.get(urls.UPLOAD, response_class=HTMLResponse)
def upload_page() -> HTMLResponse:
    return page("upload.html", ["/documents/upload", "/documents/fetch"], title=_("Add notices"))
