"""`policygraph demo`: the Quick start — start the embedded engine, load the seed notices, show what they say."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from graph import falkordb_server, neo4j_server
from graph.connect import open_store
from graph.ingest_files import ingest_paths
from graph.store import GraphStore
from policygraph.cli.common import console, reports_errors
from policygraph.cli.db import EngineOption, settings_for
from policygraph.cli.ingest import print_outcome, print_report
from policygraph.cli.query import print_table
from policygraph.settings import Settings

REPO_SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def start_engine(settings: Settings) -> None:
    """Start the local engine in the background (reused if running), unless an external one is configured."""
    if settings.engine == "neo4j" and not settings.neo4j_uri:
        neo4j_server.start(settings.data_dir, settings.neo4j_password, detach=True)
    elif settings.engine == "falkordb" and not settings.falkordb_url:
        falkordb_server.start(settings.data_dir, detach=True)


def show_findings(store: GraphStore) -> None:
    console.rule("Agencies that lead the most tasks")
    print_table(store.run("top_lead_agencies", {"limit": 10, "collectives": False}))
    console.rule("Lineage of each notice")
    for row in store.run("list_documents"):
        for hop in store.run("lineage", {"key": row["key"]}):
            steps = [hop["chain"][0]]
            for parent, kind, stub in zip(hop["chain"][1:], hop["kinds"], hop["stubs"][1:], strict=True):
                steps.append(f"-{kind}→ {parent}{' (stub)' if stub else ''}")
            console.print(" ".join(steps), highlight=False)


def register(app: typer.Typer) -> None:
    @app.command()
    @reports_errors
    def demo(
        engine: EngineOption = None,
        seeds: Annotated[Path, typer.Option(help="Folder of notices to load.")] = REPO_SEEDS,
    ) -> None:
        """Start the embedded engine, load the seed notices and print who leads and which notice descends from which.

        The engine keeps running afterwards (stop it with `policygraph db stop`), so you can go on with
        `policygraph query ...`.
        """
        settings = settings_for(engine)
        start_engine(settings)
        started = time.perf_counter()
        with open_store(settings) as store:
            result = ingest_paths(store, [seeds], on_outcome=print_outcome)
            print_report(store, result, time.perf_counter() - started)
            show_findings(store)
        console.print("Next: `policygraph query --help`; stop the engine with `policygraph db stop`.")
