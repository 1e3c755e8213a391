"""A notice's header: its own 文号, title, issuer, region, level, signed date and first year.

Where each comes from, in order of preference:
- `doc_no`: a header line that is (or opens with) a 文号, or a gazette's bracket line; a 文号 label's value
  (ingest.pagefields: 发文字号:…, metadata tables). Never a cited one, never an 索引号.
- `title`: the `…关于…的通知` line; without one, the plan's own title line (…重点工作任务).
- `issuer`, `issuer_kind`, `region`, `level`: read by `ingest.issuer` (the title's words before 关于, a letterhead, a
  发文机关 field, the signature; the 代字 table last); the level is the issuer's tier.
- `date`: a 成文日期 label; the first date line (…日印发 lines are the printing date, not the signature); a gazette's
  bracket line (see `_signed_date`); never a site's 发布日期.
- `year`: the first year in the title, else in the plan's title, the 文号 or the date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policygraph.core.vocabulary import IssuerKind
from policygraph.ingest.dates import BARE_DATE_LINE, DATE, DATE_LINE, SIGNATURE_LINE, slot_date, to_iso, year_number
from policygraph.ingest.docno import DocNo, find_doc_nos
from policygraph.ingest.issuer import ends_like_organ, read_issuer
from policygraph.ingest.pagefields import labelled_date, labelled_doc_no, opens_with_label
from policygraph.ingest.regions import Path
from policygraph.ingest.textutil import blank

_NOTICE_TITLE = re.compile(r"关于.+(通知|意见|决定|通报|批复|函|办法|方案|规划)$")
_PLAN_TITLE = re.compile(r"(任务|方案|要点|计划|安排|意见|规划|通知)$")
_DOC_NO_LABEL = re.compile(r"^(发文字号|发文号|文号)\s*:?\s*")
# A gazette prints the 文号 and the date in brackets under the title; a bracket line with nothing else.
_GAZETTE = re.compile(r"^\((?P<inner>[^()]{4,40})\)$")
_GAZETTE_REST = re.compile(r"[\s,、;]")  # separators left between the 文号 and the date

_YEAR = re.compile(r"([0-9]{4})年|([〇○零一二三四五六七八九]{4})年")


@dataclass
class Header:
    doc_no: DocNo | None = None
    title: str | None = None
    own_titles: list[str] = field(default_factory=list)  # every title-like line: the notice's and the plan's
    issuer: str | None = None
    issuer_from_text: bool = False
    issuer_kind: IssuerKind | None = None
    region: Path = ()
    level: str | None = None
    date: str | None = None
    year: int | None = None


def read_header(text: str, body_start: int) -> Header:
    """Read the header fields from the normalised text; `body_start` is where the numbered items begin."""
    header_lines = _lines(text, 0, body_start)
    all_lines = _lines(text, 0, len(text))
    header = Header()
    header.doc_no = _own_doc_no(header_lines, all_lines)
    header.own_titles = [line for _, line in header_lines if _is_title_line(line)]
    header.title = _title(header.own_titles)
    header.date, signature = _signed_date(all_lines)
    found = read_issuer(header.title, [line for _, line in header_lines], [line for _, line in all_lines], signature,
                        header.doc_no)  # fmt: skip
    header.issuer, header.issuer_from_text, header.issuer_kind = found.issuer, found.from_text, found.kind
    header.region, header.level = found.region, found.level
    header.year = _year(header)
    return header


def _lines(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, line) for the lines of text[start:end]."""
    lines = []
    pos = start
    for line in text[start:end].split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    return lines


def _own_doc_no(lines: list[tuple[int, str]], all_lines: list[tuple[int, str]]) -> DocNo | None:
    """The first header line that opens with a 文号 (also after a 文号 label) or is a gazette's bracket line under
    the title, or holds a 文号 label's value; else a 文号 label's value anywhere (a site's metadata table may come
    after the notice). `all_lines` cover the whole text, so their offsets are those of their joined text."""
    labelled = labelled_doc_no("\n".join(line for _, line in all_lines))  # one scan for labels; pagefields caches
    for offset, line in lines:
        if labelled and offset <= labelled.start < offset + len(line):
            return labelled
        label = _DOC_NO_LABEL.match(line)
        found = _line_doc_no(line[label.end() :] if label else line)
        if found:
            return _shifted(found, offset + (label.end() if label else 0))
    return labelled


def _line_doc_no(line: str) -> DocNo | None:
    """A 文号 opening a line ("临州办发〔2021〕76号…"), or the 文号 of a gazette's bracket line."""
    gazette = _gazette(line)
    if gazette:
        return gazette[1]
    found = find_doc_nos(line) if "《" not in line else []
    return found[0] if found and found[0].start == 0 else None


def _shifted(found: DocNo, shift: int) -> DocNo:
    return DocNo(found.prefix, found.year, found.number, found.start + shift, found.end + shift)


def _is_title_line(line: str) -> bool:
    """A line that is a title: no sentence punctuation, ends like a title."""
    if not line or len(line) > 120 or any(p in line for p in "。:;,"):
        return False
    return bool(_NOTICE_TITLE.search(line) or _PLAN_TITLE.search(line)) and not DATE_LINE.match(line)


def _title(title_lines: list[str]) -> str | None:
    for line in title_lines:
        if _NOTICE_TITLE.search(line):
            return line
    return title_lines[0] if title_lines else None


def _signed_date(lines: list[tuple[int, str]]) -> tuple[str | None, str | None]:
    """The signed date and the signature line above it (None when that line is not an organ's name).

    In order: a 成文日期 label; the date line under the signature (a damaged one, 2018315, only right under an
    organ's name); a gazette's bracket line under the title; a law database's 【发布日期】 (the date it records as
    issued). A site's plain 发布日期, page timestamps, 索引号 and dates inside sentences (经…常务会议) never count:
    the date is the signed one, null when none is printed.
    """
    text = "\n".join(line for _, line in lines)
    signed, signature = _signature_date(lines)
    # Last, a law database's 【发布日期】: there it is the date the notice was issued, not a site's posting date.
    database = labelled_date(text, "published", bracketed_only=True)
    return labelled_date(text, "signed") or signed or _gazette_date(lines) or database, signature


def _signature_date(lines: list[tuple[int, str]]) -> tuple[str | None, str | None]:
    """The first date line under an organ's name (or with it on the same line, or a (此件…) note after it); failing
    that, the first date line at all. A damaged date (2018315) counts only under an organ's name."""
    first: str | None = None
    for k, (_, line) in enumerate(lines):
        above = lines[k - 1][1] if k else ""
        signature = above if ends_like_organ(above) else None
        m = DATE_LINE.match(line) or SIGNATURE_LINE.match(line)
        date = DATE.search(line) if m else None
        if m is None or date is None:
            if signature and BARE_DATE_LINE.match(line) and slot_date(line):
                return slot_date(line), signature
            continue
        if opens_with_label(above) and above.endswith(":"):
            continue  # the value of a label on the line above ("发布日期:"), read with the labels
        organ = m.groupdict().get("organ")
        if signature or organ:
            return to_iso(date), organ or signature
        first = first or to_iso(date)
    return first, None


def _gazette_date(lines: list[tuple[int, str]]) -> str | None:
    for _, line in lines:
        gazette = _gazette(line)
        if gazette and gazette[0]:
            return gazette[0]
    return None


def _gazette(line: str) -> tuple[str | None, DocNo | None] | None:
    """The date and 文号 of a gazette's bracket line under the title: (2016年3月4日 国办发〔2016〕11号),
    (国办发〔2016〕11号 2016年3月4日), or either alone; None when the brackets hold anything else."""
    m = _GAZETTE.match(line)
    if not m:
        return None
    inner, shift = m.group("inner"), m.start("inner")
    date = DATE.search(inner)
    if date:  # blank the date out, so that its 日 is not read as the start of a 代字
        inner = blank(inner, date.start(), date.end())
    found = find_doc_nos(inner)
    doc_no = found[0] if found else None
    if doc_no:
        inner = inner[: doc_no.start] + inner[doc_no.end :]
    if _GAZETTE_REST.sub("", inner) or not (date or doc_no):
        return None
    return (to_iso(date) if date else None), (_shifted(doc_no, shift) if doc_no else None)


def _year(header: Header) -> int | None:
    for line in ([header.title] if header.title else []) + header.own_titles:
        m = _YEAR.search(line)
        if m:
            return year_number(m.group(1) or m.group(2))
    if header.doc_no:
        return header.doc_no.year
    if header.date:
        return int(header.date[:4])
    return None
