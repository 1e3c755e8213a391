"""A PDF file → the text of its pages, joined by newlines, or a clear refusal.

pypdf repairs what it can (strict=False), which also means it can return a few pages of a truncated file as if
they were all of it; a file without its closing %%EOF marker is therefore refused rather than half read.
Scanned notices are images of text: pypdf finds (almost) nothing in them, and they need OCR, which this reader
does not do.
"""

import io
import itertools
import re
import time
import unicodedata
from typing import Any

import pypdf
from pypdf.errors import DependencyError, PyPdfError

from policygraph.core.errors import InputError

_MIN_CHARS_PER_PAGE = 20  # a page number or a stamp's caption is not a text layer; a page of a notice has hundreds
_EOF_WINDOW = 2048  # readers accept trailing junk after %%EOF; this much is what real files carry
# A PDF of a few KB can hold a content stream that inflates to 75 MB (pypdf's own cap) of drawing operators, which
# pypdf reads at ~1 MB per 2 s, and can draw it on every page: so each page's content is capped before it is parsed,
# and the whole extraction has a deadline. A page of a Word-made notice is 10–50 KB of content.
MAX_PAGE_CONTENT_BYTES = 4 * 2**20
TIME_BUDGET_SECONDS = 20.0


class _OutOfTime(Exception):
    """Raised from inside pypdf's operator loop when the deadline has passed."""


def is_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:1024]  # the spec allows junk before the header, and some generators write it


def pdf_to_text(data: bytes, source: str) -> str:
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        raise InputError(source, "corrupt PDF: truncated (no %%EOF at the end)")
    pages = _page_texts(data, source)
    visible = sum(len("".join(page.split())) for page in pages)
    if visible < _MIN_CHARS_PER_PAGE * max(1, len(pages)):
        raise InputError(source, "no text layer (scanned PDF?)")
    # Unwrapped across page breaks too: a paragraph that goes on over the page fills the page's last line.
    return unwrap("\n".join(pages))


# A new paragraph starts with a heading number: 一、 （一） (1) 1. 1、 — never joined to the line before.
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．])")
_NEVER_LAST = set("，、；：,;:")
_FULL_LINE = 0.9  # a line at least this share of the page's widest lines was wrapped by the layout, not ended


def _width(line: str) -> int:
    """Display width: a Chinese character takes two columns, as on the printed page."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line.rstrip())


def unwrap(text: str) -> str:
    """Join the lines a PDF wrapped at its right margin, so paragraphs read as they were written.

    pypdf gives one line per printed line. A line as wide as the document's full lines was cut by the layout (even if
    it happens to end in 。 or ）), so it continues on the next line; a shorter line ends its paragraph.
    """
    lines = text.split("\n")
    widths = sorted(_width(line) for line in lines if line.strip())
    if len(widths) < 5:
        return text
    full = widths[int(len(widths) * 0.9)]
    joined = [lines[0]]
    for previous, line in itertools.pairwise(lines):
        if line.strip() and not _HEADING.match(line) and _continues(joined[-1], previous, full):
            joined[-1] = joined[-1].rstrip() + line.lstrip()
        else:
            joined.append(line)
    return "\n".join(joined)


def _continues(paragraph: str, line: str, full: int) -> bool:
    """Does the paragraph go on after this line? Yes if the line is full width, ends in a mark no paragraph ends
    with (，、；：), or leaves a bracket open (layouts avoid starting a line with punctuation, so such lines are short)."""
    end = line.rstrip()[-1:]
    opened = sum(paragraph.count(c) for c in "(（《〔") - sum(paragraph.count(c) for c in ")）》〕")
    return _width(line) >= _FULL_LINE * full or end in _NEVER_LAST or opened > 0


def _page_texts(data: bytes, source: str) -> list[str]:
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(source, "encrypted PDF (a password is needed to read it)")
        return _extract_pages(reader, source)
    except InputError:
        raise
    except _OutOfTime:
        raise InputError(source, f"PDF too slow to read (over {TIME_BUDGET_SECONDS:.0f} s)") from None
    except DependencyError as error:  # AES needs the optional cryptography package
        raise InputError(source, f"encrypted PDF that cannot be decrypted here ({_short(error)})") from None
    except PyPdfError as error:
        raise InputError(source, f"corrupt PDF: {_short(error)}") from None
    except Exception as error:  # a damaged file reaches pypdf's internals: KeyError, ValueError, struct errors
        raise InputError(source, f"corrupt PDF: {type(error).__name__}: {_short(error)}") from None


def _extract_pages(reader: pypdf.PdfReader, source: str) -> list[str]:
    deadline = time.monotonic() + TIME_BUDGET_SECONDS

    def on_time(*_: Any) -> None:  # pypdf calls this before every operator, form XObjects included
        if time.monotonic() > deadline:
            raise _OutOfTime

    texts = []
    for number, page in enumerate(reader.pages, start=1):
        on_time()
        size = _content_size(page)
        if size > MAX_PAGE_CONTENT_BYTES:
            raise InputError(
                source, f"PDF page {number} has {size / 2**20:.1f} MB of drawing instructions, too many to read"
            )
        texts.append(page.extract_text(visitor_operand_before=on_time))
    return texts


def _content_size(page: pypdf.PageObject) -> int:
    """Inflated size of the page's content streams (pypdf stops inflating any stream at 75 MB)."""
    contents = page.get("/Contents")
    if contents is None:
        return 0
    streams = contents.get_object()
    parts = streams if isinstance(streams, list) else [streams]
    return sum(len(part.get_object().get_data()) for part in parts)


def _short(error: Exception) -> str:
    return (str(error).splitlines() or [type(error).__name__])[0][:120]
