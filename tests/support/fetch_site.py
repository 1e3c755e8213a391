"""The recorded web site the fetcher's tests read: a notice page in a government site's style, a landing page whose
notice is an attached PDF (and one with a DOCX), redirects (a chain, a loop, one into a private address), a slow
page, an endless page, a 404, a page that is no notice, and a robots.txt that disallows one folder.

The notice is constructed for these tests (an imagined 赣州 notice); it is not a real notice's text.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx

from policygraph.ingest.fetch import FetchPolicy
from tests.support.documents import html_page, page_lines, pdf_bytes
from tests.support.web_server import Page

KEY = "赣市府办字〔2025〕17号"
PDF_KEY = "赣市府办字〔2025〕18号"
DOCX_KEY = "赣市府办字〔2025〕19号"


def notice(doc_no: str) -> str:
    return f"""赣州市人民政府办公室关于印发赣州市深化医药卫生体制改革2025年重点工作任务的通知
{doc_no}

各县（市、区）人民政府，市政府各部门：
    为持续推进医改工作，经市政府同意，现将本年度重点工作任务印发给你们，请结合实际抓好落实。
    一、完善分级诊疗体系
    （一）推进县域医共体提质增效。年底前各县完成医共体内人员统筹使用试点。（牵头单位：市卫生健康委；配合单位：市医保局、市财政局）
    （二）扩大家庭医生签约服务。重点人群签约率稳定在75%以上。（牵头单位：市卫生健康委；配合单位：市医保局）
    二、深化医保支付方式改革
    （三）全面推行按病种分值付费。2025年9月底前覆盖全部统筹区。（牵头单位：市医保局；配合单位：市卫生健康委）

赣州市人民政府办公室
2025年3月20日
"""


def docx_bytes(text: str) -> bytes:
    document = docx.Document()
    for line in page_lines(text):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def landing(title: str, attachment: str) -> bytes:
    """A short page: breadcrumb, title, date and the attachment link, as many sites publish a notice."""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>
<h1>{title}</h1><p>发布时间：2025-03-21 来源：市政府办公室</p>
<p>附件：<a href="{attachment}">{title}.pdf</a></p>
<div id="footer">主办单位：某某市人民政府办公室</div></body></html>""".encode()


HTML = "text/html; charset=utf-8"
ROBOTS = b"User-agent: *\nDisallow: /internal/\n"


def pages(private_port: int = 9) -> dict[str, Page]:
    """The site; `private_port` is where the redirect into a private address points (nothing need listen there)."""
    return {
        "/robots.txt": Page(ROBOTS, content_type="text/plain"),
        "/art/2025/notice.html": Page(html_page(page_lines(notice(KEY))).encode("utf-8")),
        "/art/2025/notice-with-annex.html": Page(
            html_page(page_lines(notice(KEY)))
            .replace("</body>", '<p>附件：<a href="/attach/tasks.docx">任务分工表.docx</a></p></body>')
            .encode("utf-8")
        ),
        "/art/2025/landing.html": Page(landing("关于印发重点工作任务的通知", "/attach/tasks.pdf")),
        "/attach/tasks.pdf": Page(pdf_bytes(notice(PDF_KEY).splitlines()), content_type="application/pdf"),
        "/art/2025/landing-docx.html": Page(landing("关于印发重点工作任务的通知", "../../attach/tasks.docx")),
        "/attach/tasks.docx": Page(docx_bytes(notice(DOCX_KEY)), content_type="application/octet-stream"),
        "/moved": Page(status=301, headers=(("Location", "/moved-again"),)),
        "/moved-again": Page(status=302, headers=(("Location", "/art/2025/notice.html"),)),
        "/loop-a": Page(status=302, headers=(("Location", "/loop-b"),)),
        "/loop-b": Page(status=302, headers=(("Location", "/loop-a"),)),
        "/to-private": Page(status=302, headers=(("Location", f"http://10.11.12.13:{private_port}/admin"),)),
        "/slow": Page(b"<p>too late</p>", pause=3.0),
        "/huge": Page(b"<p>" + "医改".encode() * 20000 + b"</p>", endless=True),
        "/declared-huge": Page(b"x" * (3 * 2**20), content_type="text/plain"),
        "/internal/notice.html": Page(html_page(page_lines(notice(KEY))).encode("utf-8")),
        "/menu.html": Page("<html><body><ul><li><a href='/'>首页</a></li></ul><p>欢迎访问</p></body></html>".encode()),
    }


def policy(cache: Path | None = None, **changes: Any) -> FetchPolicy:
    """The test policy: the local site allowed (it is on 127.0.0.1), short timeouts, no pause, a 2 MB limit."""
    settings: dict[str, Any] = {"allow_private": True, "connect_timeout_s": 2.0, "read_timeout_s": 1.0,
                                   "max_bytes": 2 * 2**20, "host_delay_s": 0.0, "cache_dir": cache}  # fmt: skip
    return FetchPolicy(**{**settings, **changes})
