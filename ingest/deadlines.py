"""A task's deadline, as printed, → Deadline(as_written, date, kind) (docs/extraction.md, "Deadlines").

Where it is read, first found wins:
1. a table's 完成时限 cell (ingest.tables);
2. a part of a bracket in the task: (国家医保局负责,2020年9月底前完成), (2021年底前完成), (持续推进); of
   several, the latest date (else the first). A bracket of years alone, after a plan's name (提升计划(2022—2024年)),
   is the plan's period, not a deadline;
3. a labelled line: 完成时限:2022年6月底前;
4. the task's text: the latest "…前" date written in it (2022年底前实现全覆盖).

The date is the last day of what is written: 9月底前 → 09-30 (02-29 in a leap year), 年底前 → 12-31, 上半年 →
06-30, 下半年 → 12-31, 第三季度 → 09-30, 6月30日前 → 06-30. A point without a year (年内完成, 9月底前) takes the
notice's year. Ongoing wordings (长期坚持, 持续推进; ingest/data/attribution_wordings.csv) count only as a whole
part or cell, never inside a sentence, where 持续推进 is ordinary prose.
"""

from __future__ import annotations

import calendar
import re
from functools import cache

from policygraph.ingest.record import Deadline
from policygraph.ingest.wordings import wordings

# One point in time. Alternatives are tried in order: a month, a half-year, a quarter, then a year.
_POINT_TEXT = (
    r"(?:(?:[0-9]{4})年)?(?:[0-9]{1,2})月(?:(?:[0-9]{1,2})日)?"
    r"|(?:(?:[0-9]{4})年)?[上下]半年"
    r"|(?:(?:[0-9]{4})年)?第?[一二三四1-4]季度"
    r"|(?:[0-9]{4})年(?:年?底|年?末)?"
    r"|年底|年末|年内|本年度?|今年"
)
_POINT = re.compile(
    r"(?:(?P<y1>[0-9]{4})年)?(?P<month>[0-9]{1,2})月(?:(?P<day>[0-9]{1,2})日)?"
    r"|(?:(?P<y2>[0-9]{4})年)?(?P<half>[上下])半年"
    r"|(?:(?P<y3>[0-9]{4})年)?第?(?P<quarter>[一二三四1-4])季度"
    r"|(?P<y4>[0-9]{4})年(?:年?底|年?末)?"
    r"|(?P<this>年底|年末|年内|本年度?|今年)"
)
_BEFORE = r"(?:底|末)?(?:前|之前|以前)?"
_DONE = r"(?:全面)?(?:完成|实现|落实|到位|出台|印发|启动|建成|推开|见效|并持续推进)?"
# A whole part that is a deadline: 2020年9月底前完成, 2021—2022年, 年内完成, 于2021年6月底前.
_PART = re.compile(
    rf"(?:于|在|到|至)?(?:[0-9]{{4}}年?[-—~至到])?(?:{_POINT_TEXT}){_BEFORE}(?:[-—~至到、和及](?:{_POINT_TEXT}){_BEFORE})*{_DONE}[。.]?"
)
# A deadline inside a sentence must say 前: 2022年底前实现全覆盖, not 2022年 on its own.
_IN_TEXT = re.compile(rf"(?:{_POINT_TEXT})(?:底|末)?(?:之|以)?前$")
_WINDOW = 24  # characters before 前 that a point can take: 2021年12月31日之前
_LABEL = re.compile(r"(?:完成时限|完成时间|时限要求|时间要求|时间节点|进度安排|时限)\s*:\s*")
_LABELLED = re.compile(rf"{_LABEL.pattern}(?P<value>[^\n;。()]+)")
_BRACKET = re.compile(r"[(\[【](?P<inner>[^()\[\]【】\n]*)[)\]】]")
_PART_SEPARATOR = re.compile(r"[,;。]")
# A bracket of years alone is a period (提升计划(2022—2024年)), not a deadline, unless the part says "by"
# (前, 底, 完成, 年内, 上半年 …; ongoing words) or the bracket names who does the work.
_SAYS_BY = re.compile(
    r"前|底|末|完成|实现|落实|到位|出台|印发|启动|建成|推开|见效|年内|半年|季度|长期|持续|每年|常态|:"
)
_NAMES_UNITS = re.compile(r"负责|牵头|配合|参与|协助|协办|协同|单位|部门|处室")
_QUARTER_END = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}


@cache
def _ongoing() -> re.Pattern[str]:
    words = sorted(wordings("ongoing"), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, words))})(?:推进|实施|开展)?[。.]?")


@cache
def _hint() -> re.Pattern[str]:
    """A character every deadline part has (a digit, 年, 季, a label's or an ongoing word's first): most parts of
    attributions have none, and are passed over at the cost of one scan."""
    firsts = {word[0] for word in wordings("ongoing")} | set("年季半完时进")
    return re.compile(f"[0-9{''.join(sorted(firsts))}]")


def is_deadline_part(part: str) -> bool:
    """Whether one comma-separated part of a bracket is only a deadline: 2020年底前完成, 持续推进, 完成时限:…"""
    part = part.strip()
    if not part or not _hint().search(part):
        return False
    return bool(_PART.fullmatch(part) or _ongoing().fullmatch(part) or _LABEL.match(part))


def deadline_label(text: str) -> re.Match[str] | None:
    """The first 完成时限: label in `text` (with what follows it up to the next , ; 。), for blanking it out."""
    return _LABELLED.search(text)


def task_deadline(text: str, year: int | None, cell: str | None = None) -> Deadline:
    """The deadline of a task from its table cell, its brackets, a 完成时限: line or its text (see above)."""
    if cell and cell.strip():
        return read_deadline(cell.strip(), year)
    in_brackets = _in_brackets(text, year)
    if in_brackets is not None:
        return in_brackets
    m = _LABELLED.search(text)
    if m:
        return read_deadline(m.group("value").strip(), year)
    return _latest_in_text(text, year)


def heading_deadline(text: str, year: int | None) -> Deadline:
    """A deadline printed in a bracket of a section heading, for the tasks under it that print none."""
    return _in_brackets(text, year) or Deadline()


def _in_brackets(text: str, year: int | None) -> Deadline | None:
    """The deadline parts of the brackets in `text`: the latest date among them (a task whose sentences each have
    their own bracket is done when the last is), else the first (ongoing) one; None without any."""
    found = [
        read_deadline(_LABEL.sub("", part.strip(), count=1), year)
        for m in _BRACKET.finditer(text)
        for part in _PART_SEPARATOR.split(m.group("inner"))
        if is_deadline_part(part) and (_SAYS_BY.search(part) or _NAMES_UNITS.search(m.group("inner")))
    ]
    dated = [deadline for deadline in found if deadline.date is not None]
    if dated:
        return max(dated, key=lambda deadline: deadline.date or "")
    return found[0] if found else None


def read_deadline(written: str, year: int | None) -> Deadline:
    """A deadline as written → its kind and date (the latest point written)."""
    written = written.rstrip("。.")
    dates = [date for m in _POINT.finditer(written) if (date := _date(m, year)) is not None]
    if dates:
        return Deadline(written, max(dates), "by_date")
    if _ongoing().fullmatch(written):
        return Deadline(written, None, "ongoing")
    if _POINT.search(written):  # 年内完成 in a notice whose year is unknown
        return Deadline(written, None, "by_date")
    return Deadline(written, None, "none")


def _latest_in_text(text: str, year: int | None) -> Deadline:
    """The latest date written with 前 in the text. The scan looks behind each 前 only: a search for the points
    themselves would stop at every 年 and digit of a long text."""
    best: tuple[str, str] | None = None
    at = text.find("前")
    while at >= 0:
        start = max(0, at - _WINDOW)
        while start > 0 and text[start - 1].isdigit():  # never start inside a number
            start -= 1
        m = _IN_TEXT.search(text, start, at + 1)
        point = _POINT.search(m.group(0)) if m else None
        date = _date(point, year) if m and point else None
        if m and date is not None and (best is None or date > best[0]):
            best = (date, m.group(0))
        at = text.find("前", at + 1)
    return Deadline(best[1], best[0], "by_date") if best else Deadline()


def _date(m: re.Match[str], year: int | None) -> str | None:
    """The last day of the point matched, or None when its year is unknown or it is not a calendar date."""
    written_year = m.group("y1") or m.group("y2") or m.group("y3") or m.group("y4")
    y = int(written_year) if written_year else year
    if y is None or not 1949 <= y <= 2100:
        return None
    if m.group("month"):
        month = int(m.group("month"))
        if not 1 <= month <= 12:
            return None
        last = calendar.monthrange(y, month)[1]
        day = int(m.group("day")) if m.group("day") else last
        return f"{y:04d}-{month:02d}-{day:02d}" if 1 <= day <= last else None
    if m.group("half"):
        return f"{y:04d}-06-30" if m.group("half") == "上" else f"{y:04d}-12-31"
    if m.group("quarter"):
        month = _QUARTER_END[m.group("quarter")]
        return f"{y:04d}-{month:02d}-{calendar.monthrange(y, month)[1]:02d}"
    return f"{y:04d}-12-31"
