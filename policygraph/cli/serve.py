"""`policygraph serve`: the API (and, as it lands, the explorer) over the configured engine."""

from __future__ import annotations

from typing import Annotated

import typer
import uvicorn

from policygraph.api.app import create_app
from policygraph.cli.common import console, reports_errors
from policygraph.cli.db import EngineOption, settings_for
from policygraph.core.settings import Settings
from policygraph.graph.connect import open_store


def run_server(settings: Settings, host: str, port: int) -> None:
    """Start the local engine if needed (it stops with us), apply the schema, serve until Ctrl-C."""
    with open_store(settings):
        pass
    console.print(f"PolicyGraph API on http://{host}:{port}/  (OpenAPI docs: http://{host}:{port}/docs; Ctrl-C stops)")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    @app.command()
    @reports_errors
    def serve(
        engine: EngineOption = None,
        host: Annotated[str, typer.Option(help="Interface to listen on (loopback by default).")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    ) -> None:
        """Serve the API over the graph: who leads, lineage, agencies, programmes, search.

        Examples:

          policygraph serve                      # embedded FalkorDB, http://127.0.0.1:8000/docs

          policygraph serve --engine neo4j --port 9000
        """
        run_server(settings_for(engine), host, port)
