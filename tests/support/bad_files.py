"""Every kind of file the readers refuse, made for real: empty, binary, too large, zip-bomb DOCX, broken and bomb
PDFs, old Office formats. REFUSALS pairs each with the reason the reader must give; the readers' tests and the
reliability suite's hostile corpus both use it."""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import docx
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.pdfgen import canvas  # type: ignore[import-untyped]

from policygraph.ingest.readers import MAX_BYTES
from tests.support.documents import pdf_bytes


def image_only_pdf() -> bytes:
    """What a scanner gives: pages with pictures and no text layer (here a filled rectangle stands for the scan)."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for _ in range(2):
        page.rect(40, 40, 500, 700, fill=1)
        page.showPage()
    page.save()
    return buffer.getvalue()


def zip_bomb(path: Path) -> None:
    """A DOCX whose document.xml inflates to 200 MB of spaces from a few hundred KB on disk."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w") as member:
            chunk = b" " * 2**20
            for _ in range(200):
                member.write(chunk)


def docx_with_broken_xml(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("正文")
    document.save(str(path))
    original = zipfile.ZipFile(path).read("word/document.xml")
    parts = {name: zipfile.ZipFile(path).read(name) for name in zipfile.ZipFile(path).namelist()}
    parts["word/document.xml"] = original[: len(original) // 2]
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def pdf_with_content(content: bytes) -> bytes:
    """A minimal hand-written PDF: one page whose (deflated) content stream is `content`."""
    stream = zlib.compress(content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n%b\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%b\nendobj\n" % (number, body))
    table = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, table))
    return out.getvalue()


def pdf_bomb(path: Path) -> None:
    """30 KB on disk, 6 MB of text operators inflated: pypdf alone would spend ~12 s on this one page."""
    path.write_bytes(pdf_with_content(b"BT /F1 12 Tf 10 10 Td (a) Tj ET\n" * (6 * 2**20 // 32)))


def sparse_file(path: Path, size: int) -> None:
    """A file of `size` bytes written in an instant: a hole, then one byte."""
    with path.open("wb") as stream:
        stream.seek(size - 1)
        stream.write(b"x")


def xlsx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the header of .doc/.xls/.ppt
REFUSALS: list[tuple[str, Callable[[Path], object], str]] = [
    ("empty.txt", lambda path: path.write_bytes(b""), "empty file"),
    ("blank.txt", lambda path: path.write_bytes(" \n\u3000\n".encode()), "empty file (only whitespace)"),
    ("noise.txt", lambda path: path.write_bytes(random.Random(7).randbytes(64 * 1024)), "binary file, not a document"),
    ("short-noise.bin", lambda path: path.write_bytes(random.Random(3).randbytes(300)), "binary file, not a document"),
    ("picture.txt", lambda path: path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200)), "binary file, not a document"),
    ("huge.txt", lambda path: sparse_file(path, 50 * 2**20), "file too large (50.0 MB; the limit is 25 MB)"),
    ("just-over.txt", lambda path: sparse_file(path, MAX_BYTES + 1), "file too large (25.1 MB; the limit is 25 MB)"),
    ("bomb.docx", zip_bomb, "DOCX unpacks to 200.0 MB"),
    ("broken.docx", docx_with_broken_xml, "corrupt DOCX: "),
    ("not-a-zip.docx", lambda path: path.write_bytes("纯文本".encode()), "corrupt DOCX: not a zip archive"),
    ("truncated.pdf", lambda path: path.write_bytes(pdf_bytes(["第一行", "第二行"] * 30)[:3000]), "corrupt PDF: "),
    ("scan.pdf", lambda path: path.write_bytes(image_only_pdf()), "no text layer (scanned PDF?)"),
    ("bomb.pdf", pdf_bomb, "PDF page 1 has 6.0 MB of drawing instructions"),
    ("not-a.pdf", lambda path: path.write_bytes("文本".encode()), "corrupt PDF: no %PDF header"),
    ("old.xls", lambda path: path.write_bytes(OLE2 + bytes(600)), "unsupported format .xls"),
    ("old.doc", lambda path: path.write_bytes(OLE2 + bytes(600)), "unsupported format .doc"),
    ("sheet.xlsx", xlsx, "unsupported format .xlsx"),
    ("sheet-renamed.docx", xlsx, "unsupported format .xlsx"),  # content names the format, not the extension
    ("chrome.html", lambda path: path.write_text("<html><body><nav>首页</nav></body></html>"), "no text in the page"),
]
