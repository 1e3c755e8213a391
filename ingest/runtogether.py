"""Paragraph breaks for a notice printed without any: abstract databases and aggregators run a whole notice into one
line ("<正>" marks where their abstract begins; the normaliser drops it).

    …的通知临府办发〔2018〕5号各县区人民政府,市政府各部门:《…》已经市政府同意,…请认真贯彻执行。临江市人民政府办公室
    2018年3月15日临江市…重点工作任务为…,现提出以下任务。一、推进分级诊疗(一)加强家庭医生签约。…(市卫健委负责)(二)…

Only a long line that holds a run of numbered items counts as run together (`_is_run_together`); the breaks found in
it are where the printed notice had them:
- before numbered items that follow each other (一、 then 二、; (一) then (二)), each after a sentence's end (。 or
  an attribution's ")"), or right after its parent's heading (一、推进分级诊疗(一)…); the first item of all after
  anything;
- in the head (before the addressees' colon): after the title (关于…的通知), around the notice's 文号 and a date, and
  after the addressees' colon;
- at the signature: before the organ's name that follows a 。, before and after the date under it;
- after the plan's own title when a sentence opens right after it (…重点工作任务为…, …任务2021年是…), after the
  signature or at the start of the line.

The normaliser inserts a line break at each; ingest.offsets maps an inserted break to the character it precedes.
"""

from __future__ import annotations

import re

from policygraph.ingest.dates import DATE
from policygraph.ingest.docno import find_doc_nos

_MIN_LENGTH = 200  # shorter lines are paragraphs, whatever they hold
_MIN_ITEMS = 2
_MAX_BRACKETED = 24  # characters between a gazette's bracket and the date or 文号 inside it
_CN = "一二三四五六七八九十"
_ITEM = re.compile(
    rf"(?P<cn>[{_CN}]{{1,3}})、|\((?P<paren_cn>[{_CN}]{{1,3}})\)|(?P<arabic>[0-9]{{1,2}})[.、](?![0-9])"
    r"|\((?P<paren_arabic>[0-9]{1,2})\)"
)
# An item right after a sentence's end: what run-together lines have and paragraphs almost never do.
_ITEM_AFTER_STOP = re.compile(rf"[。)](?:[{_CN}]{{1,3}}、|\([{_CN}0-9]{{1,3}}\)|[0-9]{{1,2}}[.、](?![0-9]))")
_LEVELS = ("cn", "paren_cn", "arabic", "paren_arabic")  # outermost first, as in ingest.markers
_SENTENCE_END = "。!?;)"
_TITLE = re.compile(r"关于[^。:]{2,100}?的(?:通知|意见|实施意见|决定|批复|函|通报)")
_ORGAN = r"[\u4e00-\u9fff]{2,30}?(?:人民政府|政府|办公厅|办公室|委员会|领导小组|局|厅|委)"
_DATE_OR_RUN = rf"(?:{DATE.pattern}|(?:19|20)[0-9]{{5,6}}(?![0-9]))"
# After the letter's last sentence (or the last task's attribution); a date with 前/起/至… after it is a deadline.
_SIGNATURE = re.compile(
    rf"[。)](?P<organ>{_ORGAN})(?P<date>{_DATE_OR_RUN})(?![前后起至以之到止开])(?P<note>\(此件[^()]{{0,12}}\))?"
)
_TITLE_OR_LETTERHEAD = re.compile(r"(?:通知|意见|方案|决定|办法|规划|任务|要点|计划|批复|函|通报|文件)$")
_MIN_TITLE = 6
_PLAN_TITLE_THEN_SENTENCE = re.compile(
    r"[^。,:;]{4,60}?(?:任务|方案|要点|计划|安排|意见|通知)(?=为|根据|按照|依据|近年来|当前|[0-9]{4}年是)"
)


def breaks(line: str) -> list[int]:
    """Offsets in `line` before which a line break belongs: in a run-together notice, or between a title and the
    文号 or date printed after it."""
    if line.endswith((")", "号")):
        title = title_then_mark(line)
        if title:
            return [title]
    if len(line) < _MIN_LENGTH or len(_ITEM_AFTER_STOP.findall(line)) < _MIN_ITEMS:  # cheap checks first
        return []
    items = _items(line)
    if len(items) < _MIN_ITEMS:
        return []
    found = set(items) | set(_head_breaks(line)) | set(_signature_breaks(line))
    plan = _PLAN_TITLE_THEN_SENTENCE.match(line)  # a plan printed without a letter: its title opens the line
    if plan:
        found.add(plan.end())
    return sorted(p for p in found if 0 < p < len(line) and line[p - 1] != "\n")


def title_then_mark(line: str) -> int | None:
    """Where a title or letterhead ends when its 文号 or gazette bracket follows on the same line:
    关于…的通知(国办发〔2016〕26号), 关于…的通知(2016年4月21日), …办公厅文件晋政办发〔2022〕83号."""
    if line.endswith(")"):
        at = line.rfind("(")
        if at <= 0 or not _only_doc_no_and_date(line[at + 1 : -1]):
            return None
    else:
        found = find_doc_nos(line)
        at = found[-1].start if found and found[-1].end == len(line) else 0
    before = line[:at]
    return at if len(before) >= _MIN_TITLE and "。" not in before and _TITLE_OR_LETTERHEAD.search(before) else None


def _only_doc_no_and_date(inner: str) -> bool:
    """Whether a bracket holds a 文号, a date or both, and nothing else but separators."""
    undated = DATE.sub(" ", inner)
    found = find_doc_nos(undated)
    rest = undated[: found[0].start] + undated[found[0].end :] if found else undated
    return (bool(found) or undated != inner) and not rest.strip(" ,、")


def _items(line: str) -> list[int]:
    """Starts of the numbered items that follow each other in sequence (see the module docstring)."""
    last: dict[str, int] = {}  # the last number taken at each level
    restarts: set[str] = set(_LEVELS)  # levels whose numbering may start again at 1 (a shallower item came since)
    heading: tuple[int, int] | None = None  # (depth, end) of the last item taken
    starts: list[int] = []
    for m in _ITEM.finditer(line):
        level = m.lastgroup
        assert level is not None
        n, depth = _number(m.group(level)), _LEVELS.index(level)
        in_sequence = n == last.get(level, 0) + 1 or (n == 1 and level in restarts)
        before = line[m.start() - 1] if m.start() else "。"
        # the first item of all may follow anything: a heading or chrome of the page before it
        after_stop = before in _SENTENCE_END or (n == 1 and (not starts or (before == ":" and level == "cn")))
        # right after a shallower item's heading: 一、推进分级诊疗(一)…, 二、推动高质量发展(四)…
        after_heading = heading is not None and heading[0] < depth and "。" not in line[heading[1] : m.start()]
        if not (in_sequence and (after_stop or after_heading)):
            continue
        starts.append(m.start())
        last[level] = n
        restarts.discard(level)
        restarts.update(_LEVELS[depth + 1 :])
        heading = (depth, m.end())
    return starts if _has_chain(line, starts) else []


def _has_chain(line: str, starts: list[int]) -> bool:
    """Whether the items include at least two of one level: a list of items, not one stray number."""
    levels = [_ITEM.match(line, p).lastgroup for p in starts]  # type: ignore[union-attr]
    return any(levels.count(level) >= _MIN_ITEMS for level in _LEVELS)


def _number(printed: str) -> int:
    if printed.isdigit():
        return int(printed)
    if "十" in printed:
        tens, _, ones = printed.partition("十")
        return (_CN.index(tens) + 1 if tens else 1) * 10 + (_CN.index(ones) + 1 if ones else 0)
    return _CN.index(printed) + 1 if len(printed) == 1 else 0


def _head_breaks(line: str) -> list[int]:
    """Breaks in the head, before the addressees' colon: after the title, around the 文号 and a date."""
    first_stop = line.find("。")
    colon = line.find(":", 0, first_stop if first_stop >= 0 else len(line))
    end = colon if colon >= 0 else max(first_stop, 0)
    found = []
    title = _TITLE.search(line, 0, end)
    if title:
        found.append(title.end())
    parts = [(d.start, d.end) for d in find_doc_nos(line[:end])] + [m.span() for m in DATE.finditer(line, 0, end)]
    for start, stop in parts:
        found += _bracketed(line, start, stop)
    if colon >= 0 and found:
        found.append(colon + 1)
    return found


def _bracketed(line: str, start: int, stop: int) -> list[int]:
    """The edges of a part of the head, or of the brackets around it: a gazette's (2019年4月2日 国办发〔2019〕3号)
    stays one line."""
    opening = line.rfind("(", max(0, start - _MAX_BRACKETED), start)
    closing = line.find(")", stop, stop + _MAX_BRACKETED)
    if opening >= 0 and closing >= 0 and ")" not in line[opening:start] and "(" not in line[stop:closing]:
        return [opening, closing + 1]
    return [start, stop]


def _signature_breaks(line: str) -> list[int]:
    """Breaks around a signature glued to the letter's last sentence: 。临江市人民政府办公室2018年3月15日…"""
    found = []
    for m in _SIGNATURE.finditer(line):
        found += [m.start("organ"), m.start("date"), m.end("date"), m.end()]
        plan = _PLAN_TITLE_THEN_SENTENCE.match(line, m.end())
        if plan:
            found.append(plan.end())
    return found
