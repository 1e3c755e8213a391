"""`policygraph ingest`: extract notices and load them into the graph."""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from policygraph.cli.common import console, err_console, reports_errors
from policygraph.cli.db import EngineOption, settings_for
from policygraph.core.errors import InputError
from policygraph.graph.connect import open_store
from policygraph.graph.ingest_files import expand, extract_file, extract_url, ingest_paths
from policygraph.graph.loader import LoadResult, Outcome
from policygraph.graph.store import GraphStore
from policygraph.ingest.coverage import corpus_line, review_line
from policygraph.ingest.fetch import Fetcher, FetchPolicy

STYLE = {"new": "green", "replaced": "yellow", "unchanged": "dim", "failed": "red"}
DEFAULT_WORKERS = os.cpu_count() or 1
# An argument with a scheme (https://…, ftp://…) is a web address: the fetcher takes it, or refuses it with a reason.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def split_inputs(inputs: list[str]) -> tuple[list[str], list[Path]]:
    """Web addresses and paths, each in the order given."""
    urls = [item for item in inputs if _URL.match(item)]
    return urls, [Path(item) for item in inputs if not _URL.match(item)]


class RateColumn(ProgressColumn):
    """Notices per second (篇/s) over rich's recent window, so the figure follows the corpus as it goes."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.1f} 篇/s notices/s" if task.speed else "– 篇/s notices/s")


def ingest_progress() -> Progress:
    """The bar on stderr: files done of all, notices/s, time spent and the estimate of the time left (剩余)."""
    return Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), RateColumn(), TimeElapsedColumn(),
                    TextColumn("剩余 ETA"), TimeRemainingColumn(), console=err_console, transient=True)  # fmt: skip


def print_outcome(outcome: Outcome) -> None:
    """One line per file, never wrapped (scripts grep it); the name and reason are data, escaped from rich markup."""
    reason = f": {outcome.reason}" if outcome.reason else ""
    text = (outcome.source + reason).replace("\r", "\\r").replace("\n", "\\n")  # a file name may hold a newline
    line = f"[{STYLE[outcome.status]}]{outcome.status:<9}[/] {escape(text)}"
    (err_console if outcome.status == "failed" else console).print(line, highlight=False, markup=True, soft_wrap=True)


def print_report(store: GraphStore, result: LoadResult, seconds: float) -> None:
    summary = store.run("graph_summary")[0]
    statuses = ", ".join(f"{status} {result.count(status)}" for status in ("new", "replaced", "unchanged", "failed"))
    console.print(
        f"files: {statuses} | graph: {summary['documents']} documents, {summary['stubs']} stubs, {summary['tasks']} tasks, "
        f"{summary['agencies']} agencies, {summary['programmes']} programmes, {summary['edges']} edges, "
        f"{result.lineage_edges} lineage links | {seconds:.1f} s",
        highlight=False,
    )


def print_coverage(store: GraphStore, result: LoadResult) -> None:
    """One warning line per notice of this run that needs review, then the share of its tasks attributed."""
    keys = [outcome.key for outcome in result.outcomes if outcome.key and outcome.status != "failed"]
    rows = store.run("documents_coverage", {"keys": keys})
    for row in rows:
        if row["needs_review"]:
            print_review(row["source"] or row["key"], list(row["review_reasons"] or []))
    attributed = sum(row["tasks_with_lead"] or 0 for row in rows)
    console.print(corpus_line(attributed, sum(row["task_count"] or 0 for row in rows)), highlight=False, markup=False,
                  soft_wrap=True)  # fmt: skip


def print_review(source: str, reasons: list[str]) -> None:
    """A notice that needs review, on one line like the outcomes (its name and reasons are data: no markup)."""
    line = review_line(source, reasons).replace("\r", "\\r").replace("\n", "\\n")
    console.print(line, style="yellow", highlight=False, markup=False, soft_wrap=True)


def print_corrections(result: LoadResult) -> None:
    """How many analysts' corrections were re-applied; each orphaned one on its own line (never silently dropped)."""
    if result.corrections_applied or result.orphaned_corrections:
        console.print(f"corrections: {result.corrections_applied} applied, {len(result.orphaned_corrections)} orphaned",
                      highlight=False)  # fmt: skip
    for line in result.orphaned_corrections:
        print(f"policygraph: {line}", file=sys.stderr)


def dry_run(paths: list[Path], urls: list[str], fetcher: Fetcher) -> int:
    failures, attributed, tasks = 0, 0, 0
    items: list[Path | str] = [*urls, *expand(paths)]
    for item in items:
        try:
            record = extract_file(item) if isinstance(item, Path) else _fetched_record(item, fetcher)
            leads = sum(len(task["lead"]) for task in record["tasks"])
            console.print(f"would load {item}: {record['doc_no'] or record['title']}, {len(record['tasks'])} tasks, {leads} leads",
                          highlight=False)  # fmt: skip
            coverage = record["coverage"]
            if coverage["needs_review"]:
                print_review(str(item), coverage["reasons"])
            attributed, tasks = attributed + coverage["tasks_with_lead"], tasks + coverage["tasks"]
        except InputError as e:
            failures += 1
            print_outcome(Outcome(str(item), "failed", None, e.reason))
    console.print(corpus_line(attributed, tasks), highlight=False, markup=False, soft_wrap=True)
    return failures


def _fetched_record(url: str, fetcher: Fetcher) -> dict[str, Any]:
    extracted = extract_url(url, fetcher)
    if extracted.record is None:
        raise InputError(url, extracted.reason or "not fetched")
    return extracted.record


def register(app: typer.Typer) -> None:
    @app.command()
    @reports_errors
    def ingest(
        paths: Annotated[
            list[str],
            typer.Argument(
                help="Notice files or folders (searched for .txt .html .docx .pdf), or http(s) URLs of notices.",
                show_default=False,
            ),
        ],
        engine: EngineOption = None,
        dry_run_only: Annotated[bool, typer.Option("--dry-run", help="Extract and report, write nothing.")] = False,
        workers: Annotated[
            int | None,
            typer.Option(
                min=1,
                show_default=False,
                help="Processes extracting notices while the loader writes (default: the number of cores).",
            ),
        ] = None,
        bulk: Annotated[
            bool,
            typer.Option(
                "--bulk",
                help="Build the graph in one go: for a big corpus into an empty graph (FalkorDB: "
                "replaces the graph once the new one is whole; Neo4j: the graph must be "
                "empty).",
            ),
        ] = False,
        allow_private: Annotated[
            bool,
            typer.Option(
                "--allow-private",
                help="Let URLs reach private, loopback and other non-global addresses (also "
                "POLICYGRAPH_ALLOW_PRIVATE_URLS).",
            ),
        ] = False,
        refresh: Annotated[
            bool, typer.Option("--refresh", help="Fetch URLs again instead of reading what was fetched before.")
        ] = False,
    ) -> None:
        """Extract notices and load them into the graph, each notice whole or not at all.

        Re-ingesting an unchanged file does nothing; a changed one replaces its own tasks and edges. A file that
        cannot be read is reported (`failed: reason`) and the others load all the same; the exit status is then 1.

        Examples:

          policygraph ingest seeds/

          policygraph ingest notices/ --engine neo4j

          policygraph ingest new.docx --dry-run

          policygraph ingest corpus/ --workers 4

          policygraph ingest all-notices/ --bulk     # 50,000 notices into an empty graph

          policygraph ingest https://example.gov.cn/notice.html notices/   # URLs and files

        A URL is downloaded politely (robots.txt, a pause between requests to one host, timeouts, a size limit) and
        kept in the fetch cache: ingesting it again reads the cache (--refresh fetches again). A landing page
        whose notice is an attached PDF or DOCX (附件) gives the attachment. The notice's source is the URL, with the
        date it was retrieved. A URL that fails says why on one line (`failed   URL: reason`), like a bad file.
        """
        urls, files_given = split_inputs(paths)
        settings = settings_for(engine)
        policy = FetchPolicy.from_settings(settings, refresh=refresh, allow_private=allow_private)
        if dry_run_only:
            with Fetcher(policy) as fetcher:
                raise typer.Exit(1 if dry_run(files_given, urls, fetcher) else 0)
        files = expand(files_given)
        started = time.perf_counter()
        with open_store(settings) as store, Fetcher(policy) as fetcher:
            with ingest_progress() as progress:
                task = progress.add_task("files", total=len(files) + len(urls))

                def report(outcome: Outcome) -> None:
                    if not bulk:  # the bulk path counts the files as they are extracted; outcomes come at the end
                        progress.advance(task)
                    print_outcome(outcome)

                result = ingest_paths(store, files, on_outcome=report, corrections_file=settings.corrections_path,
                                      workers=workers or DEFAULT_WORKERS, bulk=bulk,
                                      on_extracted=lambda: progress.advance(task), urls=urls,
                                      fetcher=fetcher)  # fmt: skip
            print_coverage(store, result)
            print_report(store, result, time.perf_counter() - started)
            print_corrections(result)
        if result.failed:
            raise typer.Exit(1)
