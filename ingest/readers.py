"""Bytes on disk (or uploaded) → the Unicode text of one document, and nothing more.

The reader decodes and strips a container's own furniture (HTML chrome, the DOCX/PDF wrapping); it does not
normalise the text and extracts nothing: that is `ingest.extract`'s work. What a file *is* comes from its content
(magic bytes, a zip's members, tags); the extension only names what an unreadable file claimed to be.
Every refusal is an `InputError` with a short reason, reached in bounded time: sizes are checked before anything
is read or inflated.
"""

import hashlib
import io
import math
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePath

from policygraph.core.errors import InputError
from policygraph.ingest.docx_text import docx_to_text
from policygraph.ingest.html_text import html_to_text
from policygraph.ingest.pdf_text import is_pdf, pdf_to_text
from policygraph.ingest.text_decoding import declared_charset, decode

MAX_BYTES: int = 25 * 1024 * 1024
# The extractor's spaCy pipeline refuses longer texts (its max_length). A real notice has 10–60 thousand characters;
# one of 10,000 tasks has 460 thousand. A 25 MB file of Chinese can decode to 8 million: refused here, with a reason.
MAX_CHARS: int = 1_000_000

_HTML_EXTENSIONS = frozenset({".htm", ".html", ".shtml", ".xhtml"})
_HTML_START = re.compile(r"\s*(<!doctype\s+html|<html|<\?xml[^>]*>\s*<(!doctype\s+)?html)", re.IGNORECASE)
_HTML_TAGS = re.compile(r"<(html|head|body|div|p|table|meta|title|br|span|h[1-6])[\s/>]", re.IGNORECASE)
_MIN_HTML_TAGS = 3  # one stray "<p>" in a plain-text notice does not make it a web page
# Content we recognise but do not read; the extension, when the file has one, is the clearer name for the user.
_BINARY_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program"),
)
_LEGACY_OFFICE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, .ppt and Kingsoft's .wps all share this header
_ZIP_KINDS = (("xl/", ".xlsx"), ("ppt/", ".pptx"), ("OFD.xml", ".ofd"), ("content.xml", ".odt"))


@dataclass(frozen=True)
class SourceText:
    """One document's text as read, before any extraction."""

    source: str  # the path as given, or the upload's name
    text: str
    format: str  # "text" | "html" | "docx" | "pdf"
    encoding: str | None  # the codec the bytes were read with; None for DOCX and PDF, which carry their own
    sha256: str  # of the original bytes, so that a re-import of the same file is recognised
    retrieved: str | None = None  # when it was downloaded (ISO 8601, UTC), for a notice fetched from a URL


def read_document(path: Path | str) -> SourceText:
    """Read the file at `path`; `InputError` names the path and the reason when it cannot be read."""
    source = str(path)
    file = Path(path)
    try:
        size = file.stat().st_size
        if file.is_dir():
            raise InputError(source, "is a directory, not a file")
        _check_size(size, source)  # before reading: a 50 MB file is refused without being read
        with file.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)  # the file may have grown since stat
    except FileNotFoundError:
        raise InputError(source, "file not found") from None
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except IsADirectoryError:
        raise InputError(source, "is a directory, not a file") from None
    except OSError as error:
        raise InputError(source, f"cannot read the file ({error.strerror or error})") from None
    return read_bytes(data, source)


def read_bytes(data: bytes, source: str) -> SourceText:
    """Read an upload's bytes; `source` is its name, used in errors and to name unsupported formats."""
    _check_size(len(data), source)
    text, form, encoding = _read(data, source)
    if len(text) > MAX_CHARS:
        raise InputError(source, f"text too long ({len(text):,} characters; the limit is {MAX_CHARS:,})")
    return SourceText(source, text, form, encoding, hashlib.sha256(data).hexdigest())


def _check_size(size: int, source: str) -> None:
    if size == 0:
        raise InputError(source, "empty file")
    if size > MAX_BYTES:
        # Rounded up, so that a file just over the limit never reads as "25.0 MB; the limit is 25 MB".
        shown = math.ceil(size / 2**20 * 10) / 10
        raise InputError(source, f"file too large ({shown:.1f} MB; the limit is {MAX_BYTES // 2**20} MB)")


def _read(data: bytes, source: str) -> tuple[str, str, str | None]:
    extension = PurePath(source).suffix.lower()
    if is_pdf(data):
        return pdf_to_text(data, source), "pdf", None
    if data.startswith(b"PK\x03\x04"):
        return _nonempty(_read_zip(data, source, extension), source, "no text in the document"), "docx", None
    _refuse_known_binaries(data, source, extension)
    return _read_markup_or_text(data, source, extension)


def _read_zip(data: bytes, source: str, extension: str) -> str:
    names = _zip_names(data)
    if names is None:
        raise InputError(source, "corrupt DOCX: damaged zip archive" if extension == ".docx" else "corrupt zip file")
    if "word/document.xml" in names:
        return docx_to_text(data, source)
    kind = _zip_kind(names)
    if kind is None and extension == ".docx":
        raise InputError(source, "corrupt DOCX: no word/document.xml inside")
    raise InputError(source, f"unsupported format {kind or extension or '(a zip archive)'}")


def _refuse_known_binaries(data: bytes, source: str, extension: str) -> None:
    if data.startswith(_LEGACY_OFFICE):
        named = extension or " (a legacy .doc/.xls/.ppt file)"
        raise InputError(source, f"unsupported format {named.strip()}: save it as .docx or PDF")
    if data.lstrip().startswith(b"{\\rtf"):
        raise InputError(source, "unsupported format .rtf: save it as .docx or PDF")
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            raise InputError(source, f"binary file, not a document ({kind})")
    if extension == ".pdf":
        raise InputError(source, "corrupt PDF: no %PDF header")
    if extension == ".docx":
        raise InputError(source, "corrupt DOCX: not a zip archive")


def _read_markup_or_text(data: bytes, source: str, extension: str) -> tuple[str, str, str | None]:
    text, encoding = decode(data, source, declared_charset(data))
    if extension in _HTML_EXTENSIONS or _looks_like_html(text):
        return _nonempty(html_to_text(text), source, "no text in the page"), "html", encoding
    return _nonempty(text, source, "empty file (only whitespace)"), "text", encoding


def _looks_like_html(text: str) -> bool:
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= _MIN_HTML_TAGS


def _zip_names(data: bytes) -> list[str] | None:
    """The member names of a zip (its directory only: nothing is inflated), or None when it is no readable zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return None


def _zip_kind(names: list[str]) -> str | None:
    """The Office or OFD format a zip's members show, if any."""
    for prefix, kind in _ZIP_KINDS:
        if any(name.startswith(prefix) for name in names):
            return kind
    return None


def _nonempty(text: str, source: str, reason: str) -> str:
    if not text.strip():
        raise InputError(source, reason)
    return text
