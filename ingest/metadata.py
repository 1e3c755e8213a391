"""A notice's header: its own 文号, title, issuer, region, level, signed date and first year.

Where each comes from, in order of preference:
- `doc_no`: a header line that is (or opens with) a 文号; `文号:` lines of web pages. Never a cited one.
- `title`: the `…关于…的通知` line; without one, the plan's own title line (…重点工作任务).
- `issuer`, `issuer_kind`, `region`, `level`: read by `ingest.issuer` (the title's words before 关于, a letterhead, a
  发文机关 field, the signature; the 代字 table last); the level is the issuer's tier.
- `date`: the first line that is only a date (…日印发 lines are the printing date, not the signature).
- `year`: the first year in the title, else in the plan's title, the 文号 or the date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policygraph.core.vocabulary import IssuerKind
from policygraph.ingest.dates import DATE_LINE, to_iso, year_number
from policygraph.ingest.docno import DOC_NO, DocNo, find_doc_nos
from policygraph.ingest.issuer import read_issuer
from policygraph.ingest.regions import Path

_NOTICE_TITLE = re.compile(r"关于.+(通知|意见|决定|通报|批复|函|办法|方案|规划)$")
_PLAN_TITLE = re.compile(r"(任务|方案|要点|计划|安排|意见|规划|通知)$")
_DOC_NO_LABEL = re.compile(r"^(发文字号|发文号|文号|索引号)\s*:?\s*")
_ORGAN_END = re.compile(r"(人民政府|政府|办公厅|办公室|领导小组|委员会|卫健委|委|厅|局|部|院|办)$")
_YEAR = re.compile(r"([0-9]{4})年|([〇○零一二三四五六七八九]{4})年")
_MAX_SIGNATURE = 40


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
    header.doc_no = _own_doc_no(header_lines)
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


def _own_doc_no(lines: list[tuple[int, str]]) -> DocNo | None:
    for offset, line in lines:
        label = _DOC_NO_LABEL.match(line)
        head = line[label.end() :] if label else line
        m = DOC_NO.match(head)
        if m and "《" not in line:
            found = find_doc_nos(head)
            if found:
                doc_no = found[0]
                shift = offset + (label.end() if label else 0)
                return DocNo(doc_no.prefix, doc_no.year, doc_no.number, doc_no.start + shift, doc_no.end + shift)
    return None


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
    """The signed date and the signature line above it (None when that line is not an organ's name)."""
    for k, (_, line) in enumerate(lines):
        m = DATE_LINE.match(line)
        if m:
            above = lines[k - 1][1] if k else ""
            signature = above if 0 < len(above) <= _MAX_SIGNATURE and _ORGAN_END.search(above) else None
            return to_iso(m), signature
    return None, None


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
