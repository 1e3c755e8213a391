"""Open the configured graph store, starting the local engine when nothing external is configured.

FalkorDB: FALKORDB_URL if set, else the embedded server for POLICYGRAPH_DATA_DIR (reused if `db start` left one
running, else started for the life of this process). Neo4j: NEO4J_URI if set, else the launcher-embedded Neo4j for the
data directory (reused, or started for the life of this process).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from policygraph.core.errors import EngineUnavailable
from policygraph.core.settings import Settings
from policygraph.graph import falkordb_server, neo4j_server
from policygraph.graph.falkordb_store import FalkorDBStore
from policygraph.graph.neo4j_store import Neo4jStore
from policygraph.graph.store import GraphStore


def falkordb_url(settings: Settings, *, start: bool) -> str | None:
    if settings.falkordb_url:
        return settings.falkordb_url
    state = falkordb_server.running(settings.data_dir)
    if state is None and start:
        state = falkordb_server.start(settings.data_dir)
    return falkordb_server.url(state) if state else None


def neo4j_uri(settings: Settings, *, start: bool) -> str | None:
    if settings.neo4j_uri:
        return settings.neo4j_uri
    state = neo4j_server.running(settings.data_dir)
    if state is None and start:
        state = neo4j_server.start(settings.data_dir, settings.neo4j_password)
    return neo4j_server.bolt_uri(state) if state else None


def connect(settings: Settings, *, start: bool = True) -> GraphStore:
    """A store for the configured engine. With start=False, only connect to what is already running."""
    if settings.engine == "neo4j":
        uri = neo4j_uri(settings, start=start)
        if uri is None:
            raise EngineUnavailable(
                f"no Neo4j running for {settings.data_dir}: `policygraph db start --engine neo4j`, or set NEO4J_URI"
            )
        return Neo4jStore(uri, settings.neo4j_user, settings.neo4j_password, settings.neo4j_database)
    url = falkordb_url(settings, start=start)
    if url is None:
        raise EngineUnavailable(
            f"no FalkorDB running for {settings.data_dir}: `policygraph db start`, or set FALKORDB_URL"
        )
    return FalkorDBStore(url, settings.graph_name)


@contextmanager
def open_store(settings: Settings, *, start: bool = True, schema: bool = True) -> Iterator[GraphStore]:
    """Connect (starting the local engine if needed), apply the schema, and close at the end."""
    store = connect(settings, start=start)
    try:
        store.ping()
        if schema:
            store.apply_schema()
        yield store
    finally:
        store.close()
