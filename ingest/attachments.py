"""A landing page and its attachment (附件): many government sites publish a notice as a short page (title, date,
"附件：….pdf") with the notice itself in an attached PDF or Word file (often converted from WPS). Then the attachment
is the notice.

A page is a landing page when it links a document file and its own text holds no numbered task (the extractor finds
none). A page with the notice's text and an attached table (任务分工表) stays the notice, however short it is.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from policygraph.core.errors import InputError
from policygraph.ingest.extract import extract_text
from policygraph.ingest.readers import read_bytes

# What an attachment link ends with, the formats the readers read first; .doc and .wps are tried last (the reader
# then says to save them as .docx or PDF).
ATTACHMENT_SUFFIXES = (".pdf", ".docx", ".doc", ".wps")


def attachment_of(data: bytes, page_url: str) -> str | None:
    """The URL of the attachment when `data` is a landing page linking one, else None."""
    attachment = first_attachment(data, page_url)
    if attachment is None:
        return None
    try:
        read = read_bytes(data, urlsplit(page_url).path or page_url)
    except InputError:
        return attachment  # no text at all: a page of links only
    if read.format != "html" or extract_text(read.text, page_url).tasks:
        return None
    return attachment


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
