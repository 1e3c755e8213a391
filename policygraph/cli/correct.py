"""`policygraph correct task|notice|list|check`: analysts' corrections (docs/corrections.md).

A correction is appended to the corrections file (POLICYGRAPH_CORRECTIONS) and applied to the graph at once; every
later ingest applies the file again. The file stays the one record: reviewable in git, editable by hand.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from policygraph.cli.common import console, fail, reports_errors
from policygraph.cli.db import EngineOption, settings_for
from policygraph.core.settings import Settings
from policygraph.graph import corrections
from policygraph.graph.connect import open_store
from policygraph.ingest import corrections as correction_file
from policygraph.ingest.corrections import Correction

app = typer.Typer(
    help=(
        "Correct what the rules got wrong: a task's lead or cooperating agencies or its deadline, a notice's 文号, "
        "issuer, level, region, date or IMPLEMENTS parent. Each correction is appended to the corrections file "
        "(POLICYGRAPH_CORRECTIONS, docs/corrections.md), applied to the graph at once, and again at every ingest.\n\n"
        "Examples:\n\n"
        "  policygraph correct task '临州办发〔2021〕76号' 3 --lead 临夏回族自治州医疗保障局 --note '以盖章件为准'\n\n"
        "  policygraph correct notice '临州办发〔2021〕76号' --date 2021-10-28 --note '落款日期'\n\n"
        "  policygraph correct list '临州办发〔2021〕76号'\n\n"
        "  policygraph correct check"
    ),
    no_args_is_help=True,
)

FileOption = Annotated[
    Path | None, typer.Option("--file", help="The corrections file (default: POLICYGRAPH_CORRECTIONS).")
]
NoteOption = Annotated[str, typer.Option("--note", help="Why: the evidence for the correction (required).")]
OnOption = Annotated[str | None, typer.Option("--on", help="The date of the correction, YYYY-MM-DD (default: today).")]


def path_of(settings: Settings, given: Path | None) -> Path:
    return given or settings.corrections_path


def build(table: Mapping[str, Any]) -> Correction:
    """A correction from the options given, checked as the file would check it."""
    try:
        return correction_file.from_table({k: v for k, v in table.items() if v is not None})
    except ValueError as e:
        raise fail(f"correction refused: {e}") from None


def add(engine: EngineOption, file: Path | None, table: Mapping[str, Any], task: int | None = None) -> None:
    settings = settings_for(engine)
    path = path_of(settings, file)
    with open_store(settings, schema=False) as store:
        table = {**table, "notice": corrections.notice_key(store, str(table["notice"]))}
        if task is not None and (table.get("number") is None or table.get("title") is None):
            printed = corrections.task_as_printed(store, str(table["notice"]), task)
            if printed is None:
                raise fail(f"{path}: correction refused: {table['notice']} has no task {task} in the graph")
            table = {
                **table,
                "number": table.get("number") or printed.number,
                "title": table.get("title") or printed.title,
            }
        written = corrections.add(store, path, build(table))
    target = f"task {written.task.ordinal} {written.task.number} {written.task.title}" if written.task else "the notice"
    console.print(f"corrected {escape(written.notice)}, {escape(target)}: {', '.join(written.changes())} "
                  f"({escape(str(path))}:{written.line})", highlight=False)  # fmt: skip


@app.command()
@reports_errors
def task(
    notice: Annotated[str, typer.Argument(help="The notice: its key (its 文号, or region|year|title), or its file.")],
    ordinal: Annotated[int, typer.Argument(help="The task's position in the notice (1, 2, …), as the page shows.")],
    note: NoteOption,
    number: Annotated[
        str | None, typer.Option(help="The task's number as printed, e.g. (三) (default: the graph's).")
    ] = None,
    title: Annotated[str | None, typer.Option(help="The task's title as printed (default: the graph's).")] = None,
    lead: Annotated[
        list[str] | None, typer.Option("--lead", help="A lead agency's full name (repeat for more).")
    ] = None,
    cooperating: Annotated[
        list[str] | None, typer.Option("--cooperating", help="A cooperating agency's full name (repeat for more).")
    ] = None,
    no_lead: Annotated[bool, typer.Option("--no-lead", help="The task has no lead agency.")] = False,
    no_cooperating: Annotated[
        bool, typer.Option("--no-cooperating", help="The task has no cooperating agency.")
    ] = False,
    deadline_kind: Annotated[str | None, typer.Option(help="by_date, ongoing or none.")] = None,
    deadline_date: Annotated[str | None, typer.Option(help="YYYY-MM-DD, with --deadline-kind by_date.")] = None,
    deadline_text: Annotated[str | None, typer.Option(help="The deadline as printed, e.g. 2023年底前.")] = None,
    on: OnOption = None,
    file: FileOption = None,
    engine: EngineOption = None,
) -> None:
    """Correct one task's lead or cooperating agencies, or its deadline. Names are taken as written: give the full
    canonical name (临夏回族自治州卫生健康委员会); one already in the graph near the notice is reused."""
    deadline = None
    if deadline_kind or deadline_date or deadline_text:
        deadline = {"kind": deadline_kind, "date": deadline_date, "as_written": deadline_text}
        deadline = {k: v for k, v in deadline.items() if v is not None}
    table = {"notice": notice, "task": ordinal, "number": number, "title": title,
             "lead": [] if no_lead else lead or None, "cooperating": [] if no_cooperating else cooperating or None,
             "deadline": deadline, "note": note, "corrected_on": on or dt.date.today().isoformat()}  # fmt: skip
    add(engine, file, table, ordinal)


@app.command()
@reports_errors
def notice(
    key: Annotated[str, typer.Argument(help="The notice: its key (its 文号, or region|year|title), or its file.")],
    note: NoteOption,
    doc_no: Annotated[str | None, typer.Option("--doc-no", help="Its 文号, e.g. 临州办发〔2021〕76号.")] = None,
    issuer: Annotated[str | None, typer.Option(help="The issuing organ's full name.")] = None,
    level: Annotated[str | None, typer.Option(help="national, provincial, prefectural, county or department.")] = None,
    region: Annotated[str | None, typer.Option(help="The issuer's region, full path: 甘肃省临夏回族自治州.")] = None,
    date: Annotated[str | None, typer.Option(help="The signed date, YYYY-MM-DD.")] = None,
    parent: Annotated[str | None, typer.Option(help="The key of the notice it implements (IMPLEMENTS).")] = None,
    on: OnOption = None,
    file: FileOption = None,
    engine: EngineOption = None,
) -> None:
    """Correct a notice's 文号, issuer, level, region, date or IMPLEMENTS parent. Its key does not change."""
    table = {"notice": key, "doc_no": doc_no, "issuer": issuer, "level": level, "region": region, "date": date,
             "parent": parent, "note": note, "corrected_on": on or dt.date.today().isoformat()}  # fmt: skip
    add(engine, file, table)


@app.command(name="list")
@reports_errors
def list_corrections(
    key: Annotated[str | None, typer.Argument(help="Only the corrections of this notice.")] = None,
    output: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    file: FileOption = None,
) -> None:
    """List the corrections in the file, with their lines."""
    if output not in ("table", "json"):
        raise fail(f"--format is table or json, not {output!r}")
    path = path_of(settings_for(None), file)
    listed = [c for c in correction_file.read_file(path) if key is None or c.notice == key]
    if output == "json":
        print(json.dumps([{"line": c.line, **c.to_table()} for c in listed], ensure_ascii=False))
        return
    for c in listed:
        target = f" task {c.task.ordinal} {c.task.number}" if c.task else ""
        console.print(f"{path}:{c.line}  {escape(c.notice)}{escape(target)}: {', '.join(c.changes())} "
                      f"({c.corrected_on}: {escape(c.note)})", highlight=False, soft_wrap=True)  # fmt: skip


@app.command()
@reports_errors
def check(file: FileOption = None, engine: EngineOption = None) -> None:
    """Check the file and its targets in the graph, changing nothing: one line per orphaned correction (exit 1)."""
    settings = settings_for(engine)
    path = path_of(settings, file)
    listed = correction_file.read_file(path)
    with open_store(settings, schema=False) as store:
        _, orphans = corrections.check(store, listed)
    for orphan in orphans:
        print(f"policygraph: {orphan.line(str(path))}", file=sys.stderr)
    console.print(f"{path}: {len(listed)} corrections, {len(orphans)} orphaned", highlight=False)
    if orphans:
        raise typer.Exit(1)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="correct")
