"""`policygraph extract` and `policygraph eval`: read notices into records, and score records against gold."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box
from rich.table import Table

from policygraph.cli.common import console, fail, reports_errors
from policygraph.core.errors import InputError
from policygraph.core.seeds import SEEDS_DIR as SEEDS
from policygraph.ingest.coverage import corpus_line, review_line
from policygraph.ingest.extract import extract_text
from policygraph.ingest.readers import read_document
from policygraph.ingest.record import DocumentRecord
from policygraph.ingest.scoring import FIELDS, Scores, load_gold, score, total

# Help texts: one paragraph per string, so that the terminal, not the source, decides where lines break.
EXTRACT_HELP = (
    "Extract each notice's 文号, issuer, level, region, date, title, cited notices, and its tasks with their lead "
    "and cooperating agencies, programmes and targets.\n\n"
    "JSON Lines on stdout: one object per file, in the order given; spans are offsets into each file's text; each "
    "object's `coverage` says what was found and what looks missed. The table format ends each notice with its "
    "coverage, one warning line for a notice that needs review (需复核), and the share of tasks attributed. A file "
    "that cannot be read or extracted prints one line on stderr naming it and the reason; the other files are still "
    "processed, and the exit status is 1.\n\n"
    "Examples:\n\n"
    "  policygraph extract seeds/*.txt > records.jsonl\n\n"
    "  policygraph extract notice.docx --format table\n\n"
    "  policygraph extract seeds/003_*.txt | jq -c '.tasks[] | [.number, .lead, .cooperating]'"
)
EVAL_HELP = (
    "Score the extractor against hand-made gold records: precision, recall and F1 per field, per file and "
    "overall.\n\n"
    "Each file is matched to the gold record of the same file stem (without PATHs: the seeds the gold records name, "
    "from seeds/). Fields: doc_no, issuer, level, region, date, year, title; cited notices; the task count; each "
    "task's section, number and title; the lead and cooperating names, alone and with their basis.\n\n"
    "Examples:\n\n"
    "  policygraph eval tests/gold\n\n"
    "  policygraph eval tests/gold seeds/003_*.txt\n\n"
    "  policygraph eval tests/gold --format json | jq '.overall.lead'"
)


class Format(StrEnum):
    json = "json"
    table = "table"


def _extract_one(path: Path) -> DocumentRecord:
    """Read and extract one file; every failure is an InputError naming the file and the reason."""
    source = read_document(path)
    try:
        return extract_text(source.text, source.source, source.sha256)
    except Exception as error:  # one odd notice must not stop a batch; its line on stderr says what happened
        raise InputError(source.source, f"extraction failed ({type(error).__name__}: {error})") from error


def _extract_all(paths: list[Path]) -> tuple[list[DocumentRecord], int]:
    """Records of the files that could be read, and the number that could not (each reported on stderr)."""
    records, failed = [], 0
    for path in paths:
        try:
            records.append(_extract_one(path))
        except InputError as error:
            print(f"policygraph: {error}", file=sys.stderr)
            failed += 1
    return records, failed


def extract(
    paths: Annotated[list[Path], typer.Argument(help="Notice files: .txt, .html, .docx or .pdf.", show_default=False)],
    output: Annotated[
        Format, typer.Option("--format", "-f", help="json: JSON Lines; table: for reading.")
    ] = Format.json,
) -> None:
    """Extract notices into records: JSON Lines or tables (help text: EXTRACT_HELP)."""
    failed, attributed, tasks = 0, 0, 0
    for path in paths:  # one at a time, so that JSON Lines stream as they are made
        records, bad = _extract_all([path])
        failed += bad
        for record in records:
            if output is Format.json:
                print(json.dumps(record.to_json(), ensure_ascii=False), flush=True)
            else:
                _print_tables(record)
                _print_coverage(record)
            attributed, tasks = attributed + record.coverage.tasks_with_lead, tasks + record.coverage.tasks
    if output is Format.table:
        _print_line(corpus_line(attributed, tasks))
    if failed:
        raise typer.Exit(1)


def _print_tables(record: DocumentRecord) -> None:
    # Chinese has no spaces to wrap at: long names fold onto the next line instead of being cut with "…".
    head = Table(title=record.source, show_header=False, title_justify="left")
    head.add_column("field", no_wrap=True)
    head.add_column("value", overflow="fold")
    for name in ("doc_no", "issuer", "level", "region", "date", "year", "title"):
        value = getattr(record, name)
        head.add_row(name, "" if value is None else str(value))
    head.add_row("cited", "\n".join(f"{c.relation}: {c.doc_no or ''} {c.title or ''}".strip() for c in record.cited))
    console.print(head)
    tasks = Table(show_lines=True)
    tasks.add_column("section", no_wrap=True)
    tasks.add_column("number", no_wrap=True)
    for name in ("title", "lead", "cooperating"):
        tasks.add_column(name, overflow="fold", ratio=1)
    for task in record.tasks:
        tasks.add_row(task.section or "", task.number, task.title, "\n".join(task.lead), "\n".join(task.cooperating))
    console.print(tasks)


def _print_coverage(record: DocumentRecord) -> None:
    """The notice's coverage in one line, its unread attribution-like passages, and the warning when it needs a look.
    Passages and reasons are text from the document: printed without rich markup."""
    coverage = record.coverage
    _print_line(
        f"覆盖情况 coverage: {coverage.tasks} tasks, {coverage.tasks_with_lead} with a lead, "
        f"{coverage.tasks_with_cooperating} with cooperating units, {coverage.tasks_with_deadline} with a deadline"
    )
    for fragment in coverage.unconsumed:
        _print_line(f"  unread {fragment.span[0]}-{fragment.span[1]}: {fragment.text}")
    for missing in coverage.missing:
        _print_line(f"  missing {missing.field}: {missing.reason}")
    if coverage.needs_review:
        _print_line(review_line(record.source, coverage.reasons), style="yellow")


def _print_line(text: str, style: str | None = None) -> None:
    """One line, never wrapped (scripts grep it), newlines of the document shown as \\n; no rich markup: it is data."""
    line = text.replace("\r", "\\r").replace("\n", "\\n")
    console.print(line, style=style, highlight=False, markup=False, soft_wrap=True)


def _seed_paths(gold: dict[str, dict[str, Any]], gold_dir: Path) -> list[Path]:
    """The seed files the gold records name, looked up in seeds/ (next to the gold directory's project, or ours)."""
    folders = [gold_dir.resolve().parents[1] / "seeds", SEEDS] if len(gold_dir.resolve().parents) > 1 else [SEEDS]
    paths = []
    for stem, record in gold.items():
        name = Path(record.get("source") or f"{stem}.txt").name
        found = next((folder / name for folder in folders if (folder / name).is_file()), folders[-1] / name)
        paths.append(found)
    return paths


def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Directory of gold records, <file stem>.json.", show_default=False)],
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files to extract and score (default: the seeds the gold records name).", show_default=False
        ),
    ] = None,
    output: Annotated[Format, typer.Option("--format", "-f", help="table, or json for scripts.")] = Format.table,
) -> None:
    """Score extracted records against gold records (help text: EVAL_HELP)."""
    if not gold_dir.is_dir():
        raise fail(f"{gold_dir}: not a directory of gold records")
    gold = load_gold(gold_dir)
    if not gold:
        raise fail(f"{gold_dir}: no gold records (*.json) in it")
    records, failed = _extract_all(paths or _seed_paths(gold, gold_dir))
    per_file: dict[str, Scores] = {}
    for record in records:
        stem = Path(record.source).stem
        if stem not in gold:
            print(f"policygraph: {record.source}: no gold record {stem}.json in {gold_dir}", file=sys.stderr)
            failed += 1
            continue
        per_file[stem] = score(record.to_json(), gold[stem])
    overall = total(per_file.values())
    if output is Format.json:
        print(json.dumps({"files": {k: _as_json(v) for k, v in per_file.items()}, "overall": _as_json(overall)}))
    else:
        _print_scores(per_file, overall)
    if failed:
        raise typer.Exit(1)


def _as_json(scores: Scores) -> dict[str, dict[str, float]]:
    return {
        name: {"precision": c.precision, "recall": c.recall, "f1": c.f1, "tp": c.tp, "fp": c.fp, "fn": c.fn}
        for name, c in scores.items()
    }


def _print_scores(per_file: dict[str, Scores], overall: Scores) -> None:
    table = Table(
        title="F1 per field and file; P/R/F1 overall (micro-averaged)",
        title_justify="left",
        box=box.SIMPLE,
        pad_edge=False,
    )
    table.add_column("field", no_wrap=True)
    for stem in per_file:
        table.add_column(stem[:3], justify="right", no_wrap=True)
    for name in ("P", "R", "F1"):
        table.add_column(name, justify="right", style="bold" if name == "F1" else None, no_wrap=True)
    for name in FIELDS:
        counts = overall[name]
        cells = [f"{per_file[stem][name].f1:.3f}" for stem in per_file]
        label = name.replace("cooperating", "coop")  # keeps the table within 80 columns
        table.add_row(label, *cells, f"{counts.precision:.3f}", f"{counts.recall:.3f}", f"{counts.f1:.3f}")
    console.print(table)
    console.print("files: " + ", ".join(per_file))


def register(app: typer.Typer) -> None:
    """Add the extraction commands to the main app."""
    app.command("extract", help=EXTRACT_HELP)(reports_errors(extract))
    app.command("eval", help=EVAL_HELP)(reports_errors(evaluate))
