"""The seeds written the way other programs write them: in traditional characters for Big5, as a government web
page around the notice, as a PDF with a real text layer. The readers' and the formats' tests read them back."""

from __future__ import annotations

import functools
import html
import io
import re
from pathlib import Path

from opencc import OpenCC
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # type: ignore[import-untyped]
from reportlab.pdfgen import canvas  # type: ignore[import-untyped]


def seed_text(seed: Path) -> str:
    return seed.read_text(encoding="utf-8")


def encodable(text: str, codec: str) -> str:
    """`text` with the characters `codec` cannot write replaced by spaces (the seeds have an en space, U+2002)."""
    return "".join(char if _can_encode(char, codec) else " " for char in text)


def _can_encode(char: str, codec: str) -> bool:
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


@functools.cache
def _to_taiwan() -> OpenCC:
    return OpenCC("s2tw")


def traditional(text: str, codec: str = "big5") -> str:
    """The seed in traditional characters as Big5 (or its Windows form cp950) can hold them.

    OpenCC's plain s2t gives OpenCC's own variants (爲, 衆, 羣, 着) that Big5 does not have; s2tw gives the Taiwan
    standard forms a Big5 file actually contains."""
    return encodable(_to_taiwan().convert(text), codec)


def html_page(lines: list[str], charset: str = "utf-8") -> str:
    """A government-site page: banner, menu, breadcrumb, sidebar, share bar and footer around the notice."""
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>政务公开 - 网站首页</title><style>.x {{ color:red }}</style><script>var tracker = 1;</script></head>
<body>
<div class="header"><div class="logo">网站首页</div>
  <ul class="main-nav"><li><a href="/">网站首页</a></li><li><a href="/zwgk">政务公开</a></li></ul></div>
<div class="position">当前位置：<a href="/">网站首页</a> &gt; 政务公开</div>
<aside><h3>相关文件</h3><ul><li>相关文件一</li></ul></aside>
<div class="article">
{body}
</div>
<div class="bdshare">分享到：微信 微博</div>
<div id="footer">版权所有 主办单位：某某人民政府办公室</div>
<script>document.write("var tracker");</script>
</body></html>"""


def page_lines(text: str) -> list[str]:
    """What a browser shows of each line: HTML whitespace collapsed, edges trimmed, blank lines gone."""
    collapsed = (re.sub(r"[ \t\r\f]+", " ", line).strip(" \u3000") for line in text.splitlines())
    return [line for line in collapsed if line.strip()]


# Chinese line breaking (禁则), as Word applies it: no line starts with closing punctuation or ends with opening
# punctuation, and a run of digits or Latin letters is never split.
NO_LINE_START = set("，。、；：？！）》〕】”’,.;:?!)")
NO_LINE_END = set("（《〔【“‘(")


def wrap(line: str, width: int) -> list[str]:
    """`line` (its indentation dropped, as a typesetter lays it out) in lines of at most `width` characters."""
    rest, lines = line.strip(), []
    while len(rest) > width:
        cut = width
        while cut > 1 and (
            rest[cut] in NO_LINE_START
            or rest[cut - 1] in NO_LINE_END
            or (rest[cut - 1].isascii() and rest[cut - 1].isalnum() and rest[cut].isascii() and rest[cut].isalnum())
        ):
            cut -= 1
        lines.append(rest[:cut])
        rest = rest[cut:]
    return [*lines, rest]


def pdf_bytes(lines: list[str], per_line: int = 36) -> bytes:
    """A PDF with a real text layer in STSong-Light (a CID font reportlab ships: no font file needed)."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    y = 800.0
    for printed in (piece for line in lines for piece in wrap(line, per_line)):
        page.setFont("STSong-Light", 11)
        page.drawString(40, y, printed)
        y -= 16
        if y < 40:
            page.showPage()
            y = 800.0
    page.save()
    return buffer.getvalue()
