"""Task tables: notices that list their tasks as rows of 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限.

The DOCX reader writes each table row as one line of tab-separated cells. A table is a task table when its header
row names a task column and a lead (or responsible) column; each following row is a task, its 完成时限 (时间节点,
…) cell its deadline. A row with a single cell
("一、推进分级诊疗") is a section heading inside the table. Roles come from the cells, read as the labelled
attributions they are (牵头单位:…, 配合单位:…, 责任单位:…).
"""

from __future__ import annotations

import re

from policygraph.ingest.attribution import Attribution, parse_attribution
from policygraph.ingest.markers import match_marker
from policygraph.ingest.structure import TaskBlock, title_of_text

_COLUMNS = {  # column kind → header words
    "number": re.compile(r"^(序号|编号|序列)$"),
    "deadline": re.compile(r"(时限|时间|期限|时间节点|进度)"),
    "task": re.compile(r"(任务|工作|内容|事项|措施|举措)"),
    "lead": re.compile(r"(牵头|主责|责任)(单位|部门|处室|科室)?"),
    "cooperating": re.compile(r"(配合|协办|参与|协同)(单位|部门|处室|科室)?"),
}
# The label each role column's cell is read under (see ingest.attribution).
_LABEL = {"lead": "牵头单位", "cooperating": "配合单位"}


def _header(cells: list[str]) -> dict[str, int] | None:
    """Column kind → index, when the row is a task table's header."""
    columns: dict[str, int] = {}
    for i, cell in enumerate(cells):
        # 配合 before 责任: "责任单位" is a lead column; 完成时限 before 任务: "任务完成时限" is the deadline
        for kind in ("number", "deadline", "cooperating", "lead", "task"):
            if kind not in columns and _COLUMNS[kind].search(cell) and i not in columns.values():
                columns[kind] = i
                break
    return columns if "task" in columns and "lead" in columns else None


def parse_tables(text: str) -> list[TaskBlock]:
    """The task rows of every task table in a normalised notice."""
    tasks: list[TaskBlock] = []
    columns: dict[str, int] | None = None
    lead_label = _LABEL["lead"]
    section: str | None = None
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        cells = line.split("\t")
        if len(cells) == 1:
            marker = match_marker(line)
            if columns and marker and "。" not in line:  # a section row, merged across the table: "一、推进分级诊疗"
                section = marker.number
            else:
                columns = None  # prose ends the table
            continue
        header = _header(cells)
        if header is not None:
            columns, section = header, None
            lead_label = "责任单位" if cells[header["lead"]].startswith("责任") else _LABEL["lead"]
            continue
        if columns is None:
            continue
        filled = [c for c in cells if c.strip()]
        marker = match_marker(filled[0]) if len(filled) == 1 else None
        if marker is not None:  # a section row whose other cells are empty
            section = marker.number
            continue
        task = _row(cells, columns, lead_label, section, start, len(tasks) + 1)
        if task is not None:
            tasks.append(task)
    return tasks


def _row(
    cells: list[str], columns: dict[str, int], lead_label: str, section: str | None, start: int, position: int
) -> TaskBlock | None:
    """A task from one row; None for a row without task text."""
    if len(cells) <= columns["task"] or not cells[columns["task"]].strip():
        return None
    offsets = [start]
    for cell in cells[:-1]:
        offsets.append(offsets[-1] + len(cell) + 1)
    number_cell = cells[columns["number"]].strip() if "number" in columns and columns["number"] < len(cells) else ""
    attributions = []
    for kind, label in (("lead", lead_label), ("cooperating", _LABEL["cooperating"])):
        i = columns.get(kind)
        if i is None or i >= len(cells) or not cells[i].strip():
            continue
        prefix = f"{label}:"
        clauses = parse_attribution(prefix + cells[i], offsets[i] - len(prefix))
        attributions.append(Attribution(cells[i], offsets[i], offsets[i] + len(cells[i]), clauses))
    end = start + sum(len(c) + 1 for c in cells) - 1
    task_cell = cells[columns["task"]].strip()
    block = TaskBlock(section, number_cell or str(position), title_of_text(task_cell), start, end, attributions)
    if "deadline" in columns and columns["deadline"] < len(cells):
        block.deadline = cells[columns["deadline"]].strip() or None
    return block
