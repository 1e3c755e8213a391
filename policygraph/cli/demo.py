"""`policygraph demo`: the Quick start — start the embedded engine, load the seed notices, show what they say."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated, Any

import typer

from policygraph.analysis import questions
from policygraph.cli.common import console, reports_errors
from policygraph.cli.db import EngineOption, settings_for
from policygraph.cli.ingest import print_corrections, print_outcome, print_report
from policygraph.cli.query import print_table
from policygraph.cli.serve import run_server
from policygraph.core.seeds import SEEDS_DIR as REPO_SEEDS
from policygraph.graph.connect import open_store
from policygraph.graph.ingest_files import ingest_paths
from policygraph.graph.store import GraphStore

DEMO_NOTICES = 1000  # the lineage of at most this many notices is printed (the explorer shows every one)


def show_findings(store: GraphStore) -> None:
    console.rule("Agencies that lead the most tasks")
    top = questions.ask(store, "agency_top_leads", {"limit": 10, "collectives": False}).rows
    print_table([{"agency": r["name"], "jurisdiction": r["jurisdiction"], "tasks": r["task_count"]} for r in top])
    console.rule("Lineage of each notice")
    notices = questions.ask(store, "documents_list", {"limit": DEMO_NOTICES}).rows
    for key in sorted(row["key"] for row in notices):
        for hop in store.run("documents_lineage", {"key": key}):
            if hop["edges"]:  # a notice with no parent has no lineage to print
                console.print(lineage_line(hop["notices"], hop["edges"]), highlight=False)


def lineage_line(notices: list[dict[str, Any]], edges: list[dict[str, Any]]) -> str:
    """临州办发〔2021〕76号 -explicit→ 甘政办发〔2021〕70号 (stub) -inferred→ 国办发〔2021〕20号 (stub)"""
    steps = [notices[0]["key"]]
    for parent, edge in zip(notices[1:], edges, strict=True):
        steps.append(f"-{edge['relation']}→ {parent['key']}{' (stub)' if parent['stub'] else ''}")
    return " ".join(steps)


def register(app: typer.Typer) -> None:
    @app.command()
    @reports_errors
    def demo(
        engine: EngineOption = None,
        seeds: Annotated[
            Path,
            typer.Option(
                help="Folder of notices to load.", show_default="the five seed notices shipped with PolicyGraph"
            ),
        ] = REPO_SEEDS,
        host: Annotated[str, typer.Option(help="Interface for the API.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port for the API.")] = 8000,
        serve: Annotated[bool, typer.Option("--serve/--no-serve", help="Serve the API afterwards.")] = True,
    ) -> None:
        """The Quick start: start the embedded engine, load the seed notices, print who leads and which notice
        descends from which, then serve the API until Ctrl-C (the engine stops with it; the data stays on disk).

        Examples:

          policygraph demo

          policygraph demo --engine neo4j --port 9000

          policygraph demo --no-serve        # load and print, then exit
        """
        settings = settings_for(engine)
        started = time.perf_counter()
        with open_store(settings) as store:  # starts the local engine if none runs; it lives as long as we do
            result = ingest_paths(store, [seeds], on_outcome=print_outcome, corrections_file=settings.corrections_path)
            print_report(store, result, time.perf_counter() - started)
            print_corrections(result)
            show_findings(store)
        if serve:
            run_server(settings, host, port)
