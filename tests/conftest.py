"""Real engines for the tests: each is started once per test session on a free port with a fresh data directory.

No mocked database anywhere. Neo4j needs Java 17 and Maven: without them its tests skip with the reason, except
under CI=true, where a missing engine fails the run.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from policygraph.graph import falkordb_server
from policygraph.graph.falkordb_store import FalkorDBStore
from policygraph.graph.neo4j_store import Neo4jStore
from policygraph.graph.store import GraphStore
from tests.support.engines import ENGINES, NEO4J_PASSWORD, SEEDED_GRAPH, missing_or_skip
from tests.support.live_server import TEST_API_KEY, LiveServer
from tests.support.paths import SEEDS

# Fixtures kept in tests/support/ for the modules that use them.
pytest_plugins = ["tests.support.browser"]

# Versions of the engines the tests actually connected to, printed at the end of the run.
ENGINE_VERSIONS: dict[str, str] = {}


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for engine, version in sorted(ENGINE_VERSIONS.items()):
        terminalreporter.write_line(f"engine used: {engine} = {version}")


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


@pytest.fixture(scope="module", params=ENGINES)
def seeded_store(request: pytest.FixtureRequest) -> Iterator[GraphStore]:
    """The five seeds loaded on each engine (FalkorDB: a graph of its own; Neo4j: reloaded for this module)."""
    from policygraph.graph.ingest_files import ingest_paths

    if request.param == "neo4j":
        graph_store: GraphStore = Neo4jStore(request.getfixturevalue("neo4j_uri"), "neo4j", NEO4J_PASSWORD)
    else:
        graph_store = FalkorDBStore(request.getfixturevalue("falkordb_url"), graph=SEEDED_GRAPH)
    graph_store.apply_schema()
    graph_store.clear()
    ingest_paths(graph_store, [SEEDS])
    yield graph_store
    graph_store.close()


@pytest.fixture(scope="module")
def api(seeded_store: GraphStore) -> Iterator[Any]:
    """An httpx client talking HTTP to the API served over the seeded store. It asks for English (`Accept-Language`),
    the language the tests' expected texts are written in; tests/test_i18n_api.py asks for Chinese and for nothing."""
    import httpx

    from policygraph.api.app import create_app
    from policygraph.core.settings import Settings

    settings = Settings(POLICYGRAPH_ENGINE=seeded_store.engine, POLICYGRAPH_API_KEY=TEST_API_KEY)
    with (
        LiveServer(create_app(settings, seeded_store)) as server,
        httpx.Client(base_url=server.url, timeout=10, headers={"Accept-Language": "en"}) as client,
    ):
        yield client
