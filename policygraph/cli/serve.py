"""`policygraph serve`: the API (and, as it lands, the explorer) over the configured engine."""

from __future__ import annotations

import os
from typing import Annotated

import typer
import uvicorn

from policygraph.api.app import create_app
from policygraph.cli.common import console, reports_errors
from policygraph.cli.db import EngineOption, settings_for
from policygraph.core.settings import Settings
from policygraph.graph.connect import open_store

APP_FACTORY = "policygraph.api.app:create_app"  # what each of several worker processes imports and calls


def run_server(settings: Settings, host: str, port: int, workers: int = 1) -> None:
    """Start the local engine if needed (it stops with us), apply the schema, serve until Ctrl-C.

    With several workers uvicorn starts that many processes, each building its app from the environment, so the
    engine chosen here is handed down through POLICYGRAPH_ENGINE. Each process keeps its own read cache."""
    with open_store(settings):
        pass
    console.print(f"PolicyGraph API on http://{host}:{port}/  (OpenAPI docs: http://{host}:{port}/docs; Ctrl-C stops)")
    if workers == 1:
        uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
        return
    os.environ["POLICYGRAPH_ENGINE"] = settings.engine
    uvicorn.run(APP_FACTORY, factory=True, host=host, port=port, workers=workers, log_level="warning")


def register(app: typer.Typer) -> None:
    @app.command()
    @reports_errors
    def serve(
        engine: EngineOption = None,
        host: Annotated[str, typer.Option(help="Interface to listen on (loopback by default).")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
        workers: Annotated[
            int,
            typer.Option(min=1, help="Server processes; each has its own read cache, emptied by its own uploads only."),
        ] = 1,
    ) -> None:
        """Serve the API over the graph: who leads, lineage, agencies, programmes, search.

        Examples:

          policygraph serve                      # embedded FalkorDB, http://127.0.0.1:8000/docs

          policygraph serve --engine neo4j --port 9000

          policygraph serve --workers 2          # two processes answering side by side
        """
        run_server(settings_for(engine), host, port, workers)
