"""A landing page and its attachment (附件): many government sites publish a notice as a short page (title, date,
"附件：….pdf") with the notice itself in an attached PDF or Word file (often converted from WPS). Then the attachment
is the notice.

A page is a landing page when its readable text is short (LANDING_MAX_CHARS) and it links a document file. A page
with the notice's full text and an attached table stays the notice.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from policygraph.core.errors import InputError
from policygraph.ingest.readers import read_bytes

# A notice of the series runs to thousands of characters; a landing page's title, date and menu to a few hundred.
LANDING_MAX_CHARS = 1500
# What an attachment link ends with, the formats the readers read first; .doc and .wps are tried last (the reader
# then says to save them as .docx or PDF).
ATTACHMENT_SUFFIXES = (".pdf", ".docx", ".doc", ".wps")


def attachment_of(data: bytes, page_url: str) -> str | None:
    """The URL of the attachment when `data` is a short landing page linking one, else None."""
    try:
        read = read_bytes(data, page_url)
    except InputError:
        return None  # no text at all: a page of links only is a landing page too
    else:
        if read.format != "html" or len(read.text.strip()) > LANDING_MAX_CHARS:
            return None
    return first_attachment(data, page_url)


def first_attachment(data: bytes, page_url: str) -> str | None:
    """The page's first link to a document file, by the readers' preference (PDF and DOCX before DOC and WPS)."""
    soup = BeautifulSoup(data, "html.parser")
    links: list[tuple[int, int, str]] = []
    for position, anchor in enumerate(soup.find_all("a", href=True)):
        href = str(anchor.get("href") or "").strip()
        target = urljoin(page_url, href)
        if urlsplit(target).scheme not in ("http", "https"):
            continue
        suffix = PurePosixPath(unquote(urlsplit(target).path)).suffix.lower()
        if suffix in ATTACHMENT_SUFFIXES:
            links.append((ATTACHMENT_SUFFIXES.index(suffix) // 2, position, target))
    return min(links)[2] if links else None
