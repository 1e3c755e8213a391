"""A DOCX file → its body text: paragraphs in order, and each table row as one line of tab-separated cells.

Notices often list their tasks in a table (序号 | 任务 | 牵头单位 | 配合单位); a row per line keeps a task and its
attribution together. Page headers and footers are left out: they are letterhead, not the notice.
A DOCX is a zip, so its members' unpacked sizes are checked before python-docx inflates them (a zip bomb of a few KB
can unpack to gigabytes).
"""

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from policygraph.core.errors import InputError

MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # a long notice's document.xml is a few MB; images are what make a DOCX big
_MAX_MEMBERS = 10_000
_PARAGRAPH, _TABLE, _CONTENT_CONTROL = qn("w:p"), qn("w:tbl"), qn("w:sdt")


def docx_to_text(data: bytes, source: str) -> str:
    _check_unpacked_size(data, source)
    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_block_lines(document.element.body, document))
    except Exception as error:  # python-docx raises anything from KeyError to lxml's errors on a damaged file
        raise InputError(source, f"corrupt DOCX: {_short(error)}") from None
    return "\n".join(lines)


def _check_unpacked_size(data: bytes, source: str) -> None:
    # zipfile stops inflating a member at its declared size (and fails its CRC), so the directory's sizes are a bound.
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise InputError(source, f"corrupt DOCX: {_short(error)}") from None
    unpacked = sum(member.file_size for member in members)
    if len(members) > _MAX_MEMBERS or unpacked > MAX_UNPACKED_BYTES:
        raise InputError(
            source,
            f"DOCX unpacks to {unpacked / 2**20:.1f} MB in {len(members)} parts "
            f"(the limit is {MAX_UNPACKED_BYTES // 2**20} MB; a zip bomb?)",
        )


def _block_lines(container: Any, parent: Any) -> Iterator[str]:
    """Lines of the paragraphs and tables directly in `container`, in document order."""
    for child in container.iterchildren():
        if child.tag == _PARAGRAPH:
            yield Paragraph(child, parent).text
        elif child.tag == _TABLE:
            yield from _table_lines(Table(child, parent))
        elif child.tag == _CONTENT_CONTROL:
            # Government templates wrap parts of the body in content controls; their text is the document's.
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _block_lines(content, parent)


def _table_lines(table: Table) -> Iterator[str]:
    for row in table.rows:
        cells = _distinct(row.cells)  # a cell merged across columns is returned once per column it spans
        yield "\t".join(_cell_text(cell) for cell in cells)


def _distinct(cells: Any) -> list[Any]:
    kept: list[Any] = []
    for cell in cells:
        if not kept or cell._tc is not kept[-1]._tc:
            kept.append(cell)
    return kept


def _cell_text(cell: Any) -> str:
    """A cell on one line: its paragraphs (and nested tables) joined by spaces."""
    lines = (line.replace("\t", " ").strip() for line in _block_lines(cell._tc, cell))
    return " ".join(line for line in lines if line)


def _short(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text[:120]
