"""`policygraph compare`: what a notice changed against its parent (or another notice), task by task."""

from __future__ import annotations

import csv
import json
import sys
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from policygraph.analysis.compare import compare
from policygraph.analysis.compare_changes import CHANGE_LABELS, LEAD_LABELS
from policygraph.cli.common import console, fail, reports_errors
from policygraph.cli.db import EngineOption, settings_for
from policygraph.graph.connect import open_store

FORMATS = ("table", "json", "csv")
CATEGORY = {"inherited": "继承", "added": "新增", "dropped": "删除"}
TARGET = {"percent": "比例", "coverage": "覆盖率", "count": "数量", "deadline": "时间目标"}
RELATION = {"parent": "上级文件", "sibling": "同级文件", "previous_year": "上一年度", "other": "对照文件"}
CSV_COLUMNS = ("category", "task_key", "task_number", "task_title", "other_key", "other_number", "other_title",
               "score", "lead_change", "lead_before", "lead_after", "cooperating_added", "cooperating_removed",
               "deadline_change", "deadline_before", "deadline_after", "target_changes", "programmes_added",
               "programmes_removed")  # fmt: skip


def _joined(values: list[str]) -> str:
    return "、".join(values)


def _side(prefix: str, task: dict[str, Any] | None) -> dict[str, Any]:
    if task is None:
        return {f"{prefix}_key": "", f"{prefix}_number": "", f"{prefix}_title": ""}
    return {f"{prefix}_key": task["key"], f"{prefix}_number": task["number"] or "", f"{prefix}_title": task["title"]}


def flat_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per aligned pair, added task and dropped task: the CSV's rows, the table's too."""
    rows = []
    for pair in result["inherited"]:
        c = pair["changes"]
        rows.append({"category": "inherited", **_side("task", pair["task"]), **_side("other", pair["other"]),
                     "score": pair["score"], "lead_change": c["lead"]["status"],
                     "lead_before": _joined(c["lead"]["before"]), "lead_after": _joined(c["lead"]["after"]),
                     "cooperating_added": _joined(c["cooperating"]["added"]),
                     "cooperating_removed": _joined(c["cooperating"]["removed"]),
                     "deadline_change": c["deadline"]["change"],
                     "deadline_before": c["deadline"]["before"].get("as_written") or "",
                     "deadline_after": c["deadline"]["after"].get("as_written") or "",
                     "target_changes": "; ".join(f"{t['kind']} {t['change']}" for t in c["targets"] if t["change"] != "same"),
                     "programmes_added": _joined(c["programmes"]["added"]),
                     "programmes_removed": _joined(c["programmes"]["removed"])})  # fmt: skip
    blank = dict.fromkeys(CSV_COLUMNS, "")
    rows += [{**blank, "category": "added", **_side("task", t), **_side("other", None)} for t in result["added"]]
    rows += [{**blank, "category": "dropped", **_side("task", None), **_side("other", t)} for t in result["dropped"]]
    return rows


def _task_cell(number: str, title: str) -> str:
    return f"{number}{title}" if title else ""


def _change_cell(row: dict[str, Any]) -> str:
    """The changes of one aligned pair in a few Chinese words."""
    parts = []
    if row["lead_change"] not in ("same", "none"):
        parts.append(
            f"牵头 {row['lead_before'] or '—'} → {row['lead_after'] or '—'} ({LEAD_LABELS[row['lead_change']]})"
        )
    if row["cooperating_added"]:
        parts.append(f"配合 + {row['cooperating_added']}")
    if row["cooperating_removed"]:
        parts.append(f"配合 − {row['cooperating_removed']}")
    if row["deadline_change"] not in ("same", "none", ""):
        parts.append(
            f"时限 {row['deadline_before'] or '—'} → {row['deadline_after'] or '—'} ({CHANGE_LABELS[row['deadline_change']]})"
        )
    if row["target_changes"]:
        kinds = (part.split(" ") for part in row["target_changes"].split("; "))
        parts.append("指标 " + "、".join(f"{TARGET[kind]}{CHANGE_LABELS[change]}" for kind, change in kinds))
    if row["programmes_added"]:
        parts.append(f"项目 + {row['programmes_added']}")
    if row["programmes_removed"]:
        parts.append(f"项目 − {row['programmes_removed']}")
    return "\n".join(parts)


def print_table(result: dict[str, Any]) -> None:
    """Every string from a notice goes in as Text, never as rich markup: a task may contain "[/]"."""
    notice, other, shares = result["notice"], result["other"], result["shares"]
    chosen = f"  ({result['chosen']})" if result["chosen"] else ""
    console.print(Text(f"本文件 {notice['doc_no'] or notice['key']}  ←→  {RELATION[result['relation']]} "
                       f"{other['doc_no'] or other['key']}{chosen}"))  # fmt: skip
    console.print(Text(f"继承 {shares['tasks_inherited']}/{shares['tasks']} ({shares['inherited']:.0%}) · 承接上级 "
                       f"{shares['other_tasks_taken_up']}/{shares['other_tasks']} ({shares['taken_up']:.0%}) · 新增 "
                       f"{result['counts']['added']} · 删除 {result['counts']['dropped']} · 牵头变化 "
                       f"{result['counts']['lead_changed']}"))  # fmt: skip
    table = Table("类别", "本文件任务", "对照文件任务", "相似度", "变化")
    for row in flat_rows(result):
        score = f"{row['score']:.2f}" if row["category"] == "inherited" else ""
        change = _change_cell(row) if row["category"] == "inherited" else ""
        cells = (CATEGORY[row["category"]], _task_cell(row["task_number"], row["task_title"]),
                 _task_cell(row["other_number"], row["other_title"]), score, change)  # fmt: skip
        table.add_row(*(Text(cell) for cell in cells))
    console.print(table)


def print_csv(result: dict[str, Any]) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(flat_rows(result))


def register(app: typer.Typer) -> None:
    @app.command(name="compare")
    @reports_errors
    def compare_command(
        notice: Annotated[str, typer.Argument(metavar="A", help="The notice's key (its 文号, or region|year|title).")],
        other: Annotated[
            str | None,
            typer.Argument(metavar="B", help="The notice to compare it with; omitted: A's parent notice."),
        ] = None,
        output: Annotated[
            str,
            typer.Option(
                "--format",
                "-f",
                help="table (继承/新增/删除, 牵头变化 …), json (one object, as the API's "
                "/documents/{key}/compare), or csv (one row per aligned, added or dropped task).",
            ),
        ] = "table",
        engine: EngineOption = None,
    ) -> None:
        """What a notice changed: each of its tasks aligned with the other notice's (by default its parent's) —
        继承 inherited, 新增 added, 删除 dropped — and for each aligned pair whether the lead changed (by agency
        function: 国家卫生健康委 → 省卫生健康委 is the same function a tier down, 卫健委 → 医保局 a change), which
        cooperating units came or went, whether deadlines and targets were tightened, loosened or moved, and which
        programmes came or went. See docs/compare.md.

        Examples:

          policygraph compare '临州办发〔2021〕76号' '晋政办发〔2022〕83号'

          policygraph compare '临州办发〔2021〕76号' '晋政办发〔2022〕83号' --format csv > changes.csv

        Without B, A is compared with its parent notice (the one it implements; the explicit one first). A stub (a
        notice known only as cited, as every parent of the seeds is) has no tasks to compare: give B instead.
        """
        if output not in FORMATS:
            raise fail(f"--format is table, json or csv, not {output!r}")
        with open_store(settings_for(engine), schema=False) as store:
            result = compare(store, notice, other)
        if output == "json":
            print(json.dumps(result, ensure_ascii=False))
        elif output == "csv":
            print_csv(result)
        else:
            print_table(result)
