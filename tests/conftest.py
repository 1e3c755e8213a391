"""Real engines for the tests: each is started once per test session on a free port with a fresh data directory.

No mocked database anywhere. Neo4j needs Java 17 and Maven: without them its tests skip with the reason, except
under CI=true, where a missing engine fails the run.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import falkordb_server
from graph.falkordb_store import FalkorDBStore
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore

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
    from graph import neo4j_server

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
