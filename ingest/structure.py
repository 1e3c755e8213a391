"""A notice's numbered structure: which numbered items are tasks, which are sections, where each task ends.

A task is the smallest numbered item that carries work (docs/extraction.md): `(一)` items under `一、` sections in
most notices, `1.` items under `(一)` sections in others, `(1)` items in department plans. The task level is found,
not assumed: the deepest numbering kind whose lines mostly carry work (a sentence ending in 。 after the heading,
not just a heading). An item of the level above that carries work and has no task items under it is a task too.

A task runs from its number to the next number of its level or above. Unnumbered paragraphs after it belong to it
(seed 002 continues tasks over several paragraphs), except the closing paragraphs of the notice (各地、各有关部门要…,
抄送, the signature), which end it.

Not tasks: the numbered items of sections that state aims rather than work (指导思想, 基本原则, 总体要求, 工作目标;
ingest/data/attribution_wordings.csv), and, in a notice that attaches its task list (附件:… above the signature, the
list after it), the numbered paragraphs of the covering letter. Each task remembers the headings above it, nearest
first, for the attribution a heading carries for everything under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from policygraph.ingest.attribution import Attribution
from policygraph.ingest.dates import DATE_LINE
from policygraph.ingest.markers import DEPTH, Marker, match_marker
from policygraph.ingest.wordings import wordings

# Paragraphs that close a notice rather than continue its last task.
_CLOSING = re.compile(
    r"^(各[^,。:;]{0,24}(要|应|务必)|抄送|主送|附件|联系人|\(此件|印发|[^,。;]{0,16}(电话|联系方式)|以上(各|任务|工作|所列|重点|措施|事项|内容)|本(方案|通知))"
)  # 以上 closes only as 以上各项任务…: 以上城区实际为基础 is a task's paragraph in 上城区
# A heading that ends in an attribution carries work too, with a deadline after it or not: (X负责,2020年底前完成)
_ENDS_WITH_ROLE = re.compile(r"(负责|配合|参与|牵头)([,;][^()\[\]【】]{0,24})?[)\]】]?$")
_ATTACHMENT = re.compile(r"^附件\s*[0-9]*\s*(:|$)")  # 附件:XX重点工作任务分工 / 附件 / 附件1
_MIN_ITEMS = 2  # a numbering kind seen once is not a level (a stray "1." in the preamble)


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str
    marker: Marker | None


@dataclass
class TaskBlock:
    """A task found in the normalised text: its numbering, title and the extent of its paragraphs."""

    section: str | None
    number: str
    title: str
    start: int
    end: int
    # Attributions already read (a table row's cells); None: find them in the task's text.
    attributions: list[Attribution] | None = None
    # [start, end) of each heading above the task, nearest first: its line and the paragraphs before the next item.
    headings: list[tuple[int, int]] = field(default_factory=list)
    deadline: str | None = None  # a table's 完成时限 cell, as written


@dataclass
class Structure:
    tasks: list[TaskBlock]
    body_start: int  # offset of the first section or task line; the preamble ends here


def _lines(text: str) -> list[Line]:
    lines = []
    pos = 0
    for raw in text.split("\n"):
        marker = None if "\t" in raw else match_marker(raw)  # table rows are read by ingest.tables
        lines.append(Line(pos, pos + len(raw), raw, marker))
        pos += len(raw) + 1
    return lines


def _carries_work(line: Line) -> bool:
    """A numbered line with a sentence after its heading (not a bare heading such as "一、总体要求")."""
    head = line.text[line.marker.length :] if line.marker else line.text
    head = head.rstrip("。")
    return "。" in head or bool(_ENDS_WITH_ROLE.search(head))


def _task_depth(lines: list[Line], skipped: set[int]) -> int | None:
    """The depth of the numbering kind that holds the tasks.

    The deepest kind whose lines mostly carry work; failing that, the deepest kind whose headings are mostly
    followed by a paragraph of prose (notices that print "(一)标题" on a line of its own, the work below it).
    Headings followed by table rows are sections of a task table (ingest.tables), not tasks.
    """
    counts: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        if line.marker and i not in skipped:
            seen = counts.setdefault(DEPTH[line.marker.kind], [0, 0, 0])
            seen[0] += 1
            seen[1] += _carries_work(line)
            seen[2] += _followed_by_prose(lines, i)
    levels = sorted(depth for depth, (n, _, _) in counts.items() if n >= _MIN_ITEMS)
    for column in (1, 2):
        chosen = [depth for depth in levels if counts[depth][column] * 2 >= counts[depth][0]]
        if chosen:
            return chosen[-1]
    return None


def _followed_by_prose(lines: list[Line], i: int) -> bool:
    """Whether the next non-empty line after line i is an unnumbered paragraph (not a table row)."""
    for line in lines[i + 1 :]:
        if line.text:
            return line.marker is None and "\t" not in line.text
    return False


def title_of(line: str, marker: Marker) -> str:
    """The heading sentence after the number, up to the first 。 (without it)."""
    return title_of_text(line[marker.length :])


def title_of_text(text: str) -> str:
    """The first sentence of a task's text, without its 。."""
    return text.split("。", 1)[0].strip()


def parse_structure(text: str) -> Structure:
    """Find the tasks of a normalised notice."""
    lines = _lines(text)
    skipped = _not_tasks(lines)
    depth = _task_depth(lines, skipped)
    if depth is None:
        return Structure([], len(text))
    items = [i for i, line in enumerate(lines) if line.marker and DEPTH[line.marker.kind] <= depth]
    tasks = []
    above: list[int] = []  # positions in `items` of the headings above the current item, outermost first
    for k, i in enumerate(items):
        line = lines[i]
        assert line.marker is not None
        item_depth = DEPTH[line.marker.kind]
        while above and DEPTH[_marker(lines[items[above[-1]]]).kind] >= item_depth:
            above.pop()
        next_item = items[k + 1] if k + 1 < len(items) else len(lines)
        has_children = next_item < len(lines) and DEPTH[_marker(lines[next_item]).kind] > item_depth
        is_task = item_depth == depth or (item_depth == depth - 1 and _carries_work(line) and not has_children)
        if is_task and i not in skipped:
            end = _extent_end(lines, i, next_item)
            section = _marker(lines[items[above[-1]]]).number if above else None  # the nearest item above
            block = TaskBlock(section, line.marker.number, title_of(line.text, line.marker), line.start, end)
            block.headings = [(lines[items[j]].start, lines[items[j + 1]].start - 1) for j in reversed(above)]
            tasks.append(block)
        if i not in skipped:  # a covering letter's items are no sections of the attached list
            above.append(k)
    kept = [i for i in items if i not in skipped]
    return Structure(tasks, lines[kept[0]].start if kept else len(text))


@cache
def _aims() -> re.Pattern[str]:
    """A section heading that states aims, not work: 基本原则, 指导思想和基本原则, (一)指导思想。以…"""
    words = "|".join(map(re.escape, wordings("non_task_section")))
    return re.compile(rf"^({words})([和与及、]({words}))*([。:].*)?$")


def _not_tasks(lines: list[Line]) -> set[int]:
    """Lines whose numbered items are not tasks: a covering letter above an attached task list, and the sections
    that state aims (the heading and everything under it down to the next item of its level or above)."""
    skipped = set(range(_attachment_start(lines)))
    aim_depth: int | None = None
    for i, line in enumerate(lines):
        if line.marker:
            depth = DEPTH[line.marker.kind]
            if aim_depth is not None and depth <= aim_depth:
                aim_depth = None
            if aim_depth is None and _aims().match(line.text[line.marker.length :]):
                aim_depth = depth
        if aim_depth is not None:
            skipped.add(i)
    return skipped


def _attachment_start(lines: list[Line]) -> int:
    """Where the attached task list of a notice begins: the line after the signature date, when an 附件 line is
    printed above it (附件:XX重点工作任务分工) and more numbered work or table rows follow it than precede it (an
    attached form after a notice whose tasks are in its body does not count); 0 for other notices."""
    attached = False
    for i, line in enumerate(lines):
        if _ATTACHMENT.match(line.text):
            attached = True
        elif attached and DATE_LINE.match(line.text):
            after = _work_lines(lines[i + 1 :])
            return i + 1 if after and after >= _work_lines(lines[:i]) else 0
    return 0


def _work_lines(lines: list[Line]) -> int:
    """Numbered lines that carry work, and table rows."""
    return sum(1 for line in lines if "\t" in line.text or (line.marker is not None and _carries_work(line)))


def _marker(line: Line) -> Marker:
    assert line.marker is not None
    return line.marker


def _extent_end(lines: list[Line], first: int, stop: int) -> int:
    """Where a task starting at line `first` ends: before the next item or the notice's closing paragraphs."""
    end = lines[first].end
    for line in lines[first + 1 : stop]:
        if _CLOSING.match(line.text) or "\t" in line.text:  # the notice's closing, or a table
            break
        if line.text:
            end = line.end
    return end
