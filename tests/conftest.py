"""Real engines for the tests: each is started once per test session on a free port with a fresh data directory.

No mocked database anywhere. Neo4j needs Java 17 and Maven: without them its tests skip with the reason, except
under CI=true, where a missing engine fails the run.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from policygraph.graph import falkordb_server
from policygraph.graph.falkordb_store import FalkorDBStore
from policygraph.graph.neo4j_store import Neo4jStore
from policygraph.graph.store import GraphStore

ENGINES = ["falkordb", "neo4j"]
NEO4J_PASSWORD = "test-password-1234"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# Versions of the engines the tests actually connected to, printed at the end of the run.
ENGINE_VERSIONS: dict[str, str] = {}


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for engine, version in sorted(ENGINE_VERSIONS.items()):
        terminalreporter.write_line(f"engine used: {engine} = {version}")


def missing_or_skip(reason: str) -> None:
    """Skip locally, fail in CI: CI must exercise both engines."""
    if IN_CI:
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def falkordb_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data_dir = tmp_path_factory.mktemp("falkordb-data")
    state = falkordb_server.start(data_dir)
    url = falkordb_server.url(state)
    with FalkorDBStore(url) as probe:
        ENGINE_VERSIONS["falkordb"] = probe.version()
    yield url
    falkordb_server.stop(data_dir)


@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    for tool in ("java", "javac", "mvn"):
        if shutil.which(tool) is None:
            missing_or_skip(f"{tool} is not installed, so Neo4j cannot start")
    from policygraph.graph import neo4j_server

    data_dir = tmp_path_factory.mktemp("neo4j-data")
    state = neo4j_server.start(data_dir, NEO4J_PASSWORD)
    uri = neo4j_server.bolt_uri(state)
    with Neo4jStore(uri, "neo4j", NEO4J_PASSWORD) as probe:
        ENGINE_VERSIONS["neo4j"] = probe.version()
    yield uri
    neo4j_server.stop(data_dir)


def connect_to(engine: str, request: pytest.FixtureRequest) -> GraphStore:
    if engine == "neo4j":
        return Neo4jStore(request.getfixturevalue("neo4j_uri"), "neo4j", NEO4J_PASSWORD)
    return FalkorDBStore(request.getfixturevalue("falkordb_url"), graph="test")


@pytest.fixture(params=ENGINES)
def store(request: pytest.FixtureRequest) -> Iterator[GraphStore]:
    """A store on each engine, schema applied, graph empty."""
    graph_store = connect_to(request.param, request)
    graph_store.apply_schema()
    graph_store.clear()
    yield graph_store
    graph_store.close()


# --- the API on each engine, over the seeds ------------------------------------------------------------------------


class LiveServer:
    """uvicorn serving an app on a free loopback port in a background thread: tests talk real HTTP to it."""

    def __init__(self, app: Any) -> None:
        import threading

        import uvicorn

        from policygraph.graph.process import free_port

        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        import time

        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the test API server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module", params=ENGINES)
def seeded_store(request: pytest.FixtureRequest) -> Iterator[GraphStore]:
    """The five seeds loaded on each engine (FalkorDB: a graph of its own; Neo4j: reloaded for this module)."""
    from policygraph.graph.ingest_files import ingest_paths

    if request.param == "neo4j":
        graph_store: GraphStore = Neo4jStore(request.getfixturevalue("neo4j_uri"), "neo4j", NEO4J_PASSWORD)
    else:
        graph_store = FalkorDBStore(request.getfixturevalue("falkordb_url"), graph="api")
    graph_store.apply_schema()
    graph_store.clear()
    ingest_paths(graph_store, [SEEDS])
    yield graph_store
    graph_store.close()


def command_env(store: GraphStore, request: pytest.FixtureRequest, data_dir: Path) -> dict[str, str]:
    """The environment that points a `policygraph` subprocess at `seeded_store`'s graph on its engine."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("POLICYGRAPH_", "FALKORDB_", "NEO4J_"))}
    env["POLICYGRAPH_DATA_DIR"] = str(data_dir)
    env["COLUMNS"] = "300"  # rich fits tables to the terminal: wide enough for whole titles
    if store.engine == "neo4j":
        return {**env, "POLICYGRAPH_ENGINE": "neo4j", "NEO4J_URI": request.getfixturevalue("neo4j_uri"),
                "NEO4J_PASSWORD": NEO4J_PASSWORD}  # fmt: skip
    return {**env, "POLICYGRAPH_ENGINE": "falkordb", "FALKORDB_URL": request.getfixturevalue("falkordb_url"),
            "POLICYGRAPH_GRAPH": "api"}  # fmt: skip


@pytest.fixture(scope="module")
def api(seeded_store: GraphStore) -> Iterator[Any]:
    """An httpx client talking HTTP to the API served over the seeded store."""
    import httpx

    from policygraph.api.app import create_app
    from policygraph.core.settings import Settings

    settings = Settings(POLICYGRAPH_ENGINE=seeded_store.engine, POLICYGRAPH_API_KEY="test-api-key-0123456789")
    with (
        LiveServer(create_app(settings, seeded_store)) as server,
        httpx.Client(base_url=server.url, timeout=10) as client,
    ):
        yield client
