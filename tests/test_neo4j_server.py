"""The launcher-embedded Neo4j's life: build, start, queries, passwords, reuse, clear errors, clean stop.

Real Java, real Maven, real Neo4j: one server per module (a start costs ~10 s). Without java/javac/mvn the tests
that need them skip with the reason, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError

from policygraph.core.errors import AuthenticationFailed, EngineUnavailable
from policygraph.graph import neo4j_server
from policygraph.graph.neo4j_server import LauncherBuild
from policygraph.graph.process import ServerState, port_is_open, wait_for_exit

PASSWORD = "test-password-5678"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
TEXT = "三明市深化医药卫生体制改革：推进紧密型县域医共体建设"


def query(state: ServerState, cypher: str, password: str = PASSWORD, **params: object) -> list[dict[str, object]]:
    with GraphDatabase.driver(neo4j_server.bolt_uri(state), auth=("neo4j", password)) as driver:
        records, _, _ = driver.execute_query(cypher, params, database_="neo4j")
    return [record.data() for record in records]


@pytest.fixture(scope="module")
def build() -> LauncherBuild:
    for tool in ("java", "javac", "mvn"):
        if shutil.which(tool) is None:
            reason = f"{tool} is not installed, so Neo4j cannot be built"
            if IN_CI:
                pytest.fail(f"CI=true but {reason}", pytrace=False)
            pytest.skip(reason)
    return neo4j_server.build_launcher()


@pytest.fixture(scope="module")
def server(build: LauncherBuild, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, ServerState]]:
    data_dir = tmp_path_factory.mktemp("neo4j-server")
    state = neo4j_server.start(data_dir, PASSWORD, timeout=180)
    yield data_dir, state
    neo4j_server.stop(data_dir)


def test_the_build_is_cached(build: LauncherBuild) -> None:
    began = time.monotonic()
    assert neo4j_server.build_launcher() == build
    assert time.monotonic() - began < 1.0
    assert (build.classes_dir / "policygraph" / "Neo4jLauncher.class").is_file()


def test_queries_and_chinese_text_round_trip(server: tuple[Path, ServerState]) -> None:
    _, state = server
    assert query(state, "RETURN 1 AS one") == [{"one": 1}]
    assert query(state, "RETURN $text AS text", text=TEXT) == [{"text": TEXT}]
    query(state, "CREATE (:Document {key: 'd1', title: $text})", text=TEXT)
    assert query(state, "MATCH (d:Document {key: 'd1'}) RETURN d.title AS t") == [{"t": TEXT}]


def test_the_password_stays_off_the_command_line(server: tuple[Path, ServerState]) -> None:
    _, state = server
    command_line = Path(f"/proc/{state.pid}/cmdline").read_bytes()
    assert b"Neo4jLauncher" in command_line
    assert PASSWORD.encode() not in command_line


def test_a_wrong_password_is_refused(server: tuple[Path, ServerState]) -> None:
    data_dir, state = server
    with pytest.raises(AuthError):
        query(state, "RETURN 1", password="not-the-password")
    with pytest.raises(AuthenticationFailed, match="set NEO4J_PASSWORD to the one it was started with"):
        neo4j_server.start(data_dir, "not-the-password")
    assert query(state, "RETURN 1 AS one") == [{"one": 1}]  # two failures stay under Neo4j's lockout of three


def test_a_second_start_reuses_the_running_one(server: tuple[Path, ServerState]) -> None:
    data_dir, state = server
    began = time.monotonic()
    assert neo4j_server.start(data_dir, PASSWORD) == state
    assert time.monotonic() - began < 5.0
    assert neo4j_server.running(data_dir) == state
    assert neo4j_server.bolt_uri(state) == f"bolt://127.0.0.1:{state.port}"


def test_a_too_short_password_is_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(EngineUnavailable, match="shorter than 8: set a longer one"):
        neo4j_server.start(tmp_path, "short")
    assert not (tmp_path / "neo4j").exists()


def test_the_launcher_itself_refuses_a_too_short_password(build: LauncherBuild, tmp_path: Path) -> None:
    java = shutil.which("java")
    assert java is not None
    home = tmp_path / "home"
    done = subprocess.run(
        [java, "-cp", build.java_classpath(), neo4j_server.MAIN_CLASS, str(home), "7687"],
        env={**os.environ, "NEO4J_PASSWORD": "short"}, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode != 0
    error = "NEO4J ERROR: NEO4J_PASSWORD must be set and at least 8 characters long"
    assert done.stderr.strip().splitlines() == [error]
    assert not home.exists()  # refused before anything started


def test_a_busy_port_is_refused_clearly(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(EngineUnavailable, match=f"port {port} is already in use"):
            neo4j_server.start(tmp_path, PASSWORD, port=port)


def test_an_unusable_data_dir_is_refused_clearly(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(EngineUnavailable, match="not writable"):
        neo4j_server.start(blocker / "data", PASSWORD)


def test_missing_tools_are_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty directory: no java, javac or mvn
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("POLICYGRAPH_CACHE_DIR", str(tmp_path / "cache"))  # no cached build to fall back on
    with pytest.raises(EngineUnavailable, match="install OpenJDK 17 and Maven, or use docker compose"):
        neo4j_server.build_launcher()


# Last on purpose: it stops the module's server.
def test_stop_leaves_no_process_and_a_restart_keeps_the_data(server: tuple[Path, ServerState]) -> None:
    data_dir, state = server
    assert neo4j_server.stop(data_dir)
    assert wait_for_exit(state.pid), "the Java process outlived stop()"
    assert neo4j_server.running(data_dir) is None
    assert not (data_dir / neo4j_server.STATE_FILE).exists()
    assert not port_is_open(state.port)
    assert not neo4j_server.stop(data_dir)  # stopping twice is harmless

    again = neo4j_server.start(data_dir, PASSWORD, timeout=180)  # same password: the launcher must accept it again
    try:
        assert again.pid != state.pid
        assert query(again, "MATCH (d:Document {key: 'd1'}) RETURN d.title AS t") == [{"t": TEXT}]
    finally:
        assert neo4j_server.stop(data_dir)
    assert wait_for_exit(again.pid)
