"""Faults, for real: the ingest killed with SIGKILL mid-run, the engine killed under a serving API, the API's own
process interrupted or killed (no orphan engine), a read-only data directory and a full disk."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from policygraph.api.app import create_app
from policygraph.core.settings import Settings
from policygraph.graph import falkordb_server
from policygraph.graph.falkordb_store import FalkorDBStore
from policygraph.graph.ingest_files import POOL_MIN_FILES, ingest_paths
from policygraph.graph.neo4j_store import Neo4jStore
from policygraph.graph.process import children_of, free_port, pid_alive, port_is_open, wait_for_exit
from policygraph.graph.store import GraphStore
from tests.reliability.harness import Target, differences, export, partial_notices
from tests.support.cli import run_cli, start_cli
from tests.support.engines import NEO4J_PASSWORD
from tests.support.live_server import LiveServer
from tests.support.paths import SEEDS
from tests.support.synthetic import TASK_CHARS, generate

NOTICES = 120  # synthetic notices: three batches of 50, so a kill lands between committed batches
ROOT = os.geteuid() == 0


def synthetic_corpus(folder: Path, n: int = NOTICES, seed: int = 11, task_chars: tuple[int, int] = TASK_CHARS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text, _ in generate(n, seed=seed, task_chars=task_chars):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def full_notices(store: GraphStore) -> int:
    rows = store.read("MATCH (d:Document) WHERE d.task_count IS NOT NULL RETURN count(d) AS n")
    return int(rows[0]["n"])


def wait_until(condition: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not within {timeout} s")
        time.sleep(0.05)


# --- kill -9 mid-ingest ------------------------------------------------------------------------------------------


def test_kill_9_mid_ingest_then_rerun_equals_a_clean_run(target: Target) -> None:
    kill_mid_ingest_then_rerun(target, synthetic_corpus(target.workdir / "corpus"), NOTICES)


def test_kill_9_mid_streaming_ingest_then_rerun_equals_a_clean_run(target: Target) -> None:
    """The same with worker processes extracting while the loader writes: they go with the killed ingest."""
    # Short tasks: 300 files for the pool, yet graphs whose exports keep this process small (a child's measured
    # peak memory includes its parent's: test_hostile_corpus caps an ingest's).
    corpus = synthetic_corpus(target.workdir / "corpus", POOL_MIN_FILES, task_chars=(20, 60))
    kill_mid_ingest_then_rerun(target, corpus, POOL_MIN_FILES, "--workers", "2")


def kill_mid_ingest_then_rerun(target: Target, corpus: Path, notices: int, *options: str) -> None:
    started = start_cli("ingest", str(corpus), *options, settings=target.env, workdir=target.workdir / "killed")
    try:
        wait_until(lambda: full_notices(target.store) > 0 or started.poll() is not None, 300, "a first batch")
        assert started.poll() is None, "the ingest finished before it could be killed: make the corpus bigger"
        workers = children_of(started.pid)
        os.kill(started.pid, signal.SIGKILL)
    finally:
        started.wait()
    wait_until(lambda: not any(pid_alive(pid) for pid in workers), 30, "the killed ingest's workers gone")
    loaded_when_killed = full_notices(target.store)
    assert 0 < loaded_when_killed < notices
    assert partial_notices(target.store) == []  # killed between or inside statements: never half a notice

    rerun = run_cli("ingest", str(corpus), *options, settings=target.env, workdir=target.workdir / "rerun")
    assert rerun.returncode == 0, rerun.stderr
    assert f"unchanged {loaded_when_killed}" in rerun.stdout  # what the killed run committed is kept, not redone
    after_kill = export(target.store)

    target.store.clear()
    clean = run_cli("ingest", str(corpus), *options, settings=target.env, workdir=target.workdir / "clean")
    assert clean.returncode == 0, clean.stderr
    assert differences(export(target.store), after_kill) == []


# --- the engine killed under a serving API ---------------------------------------------------------------------


def get(client: httpx.Client, path: str) -> httpx.Response:
    return client.get(path, timeout=15)


def assert_recovers(client: httpx.Client, kill: object, restart: object, documents: int) -> None:
    """200, then the engine killed: 503 with Retry-After and one line; restarted: 200 again, same API process."""
    assert len(get(client, "/documents?limit=500").json()["items"]) == documents
    kill()  # type: ignore[operator]
    down = get(client, "/documents")
    assert down.status_code == 503, down.text
    assert down.headers["Retry-After"].isdigit()
    assert "\n" not in down.json()["detail"] and "Traceback" not in down.text
    assert get(client, "/ready").status_code == 503
    restart()  # type: ignore[operator]
    wait_until(lambda: get(client, "/documents").status_code == 200, 60, "the API answering again")
    assert len(get(client, "/documents?limit=500").json()["items"]) == documents
    assert get(client, "/ready").json()["ready"] is True


def test_falkordb_killed_under_the_api_then_back(tmp_path: Path) -> None:
    data = tmp_path / "falkordb"
    state = falkordb_server.start(data)
    try:
        with FalkorDBStore(falkordb_server.url(state), graph="served") as store:
            store.apply_schema()
            ingest_paths(store, [SEEDS])
        # appendfsync everysec: let the append-only file catch up, as it would on a server that served a while.
        time.sleep(1.5)
        settings = Settings(POLICYGRAPH_ENGINE="falkordb", FALKORDB_URL=falkordb_server.url(state),
                            POLICYGRAPH_GRAPH="served", POLICYGRAPH_CACHE_SECONDS=0)  # fmt: skip
        with LiveServer(create_app(settings)) as server, httpx.Client(base_url=server.url) as client:

            def kill() -> None:
                os.kill(state.pid, signal.SIGKILL)
                assert wait_for_exit(state.pid)

            assert_recovers(client, kill, lambda: falkordb_server.start(data, port=state.port), documents=5)
    finally:
        falkordb_server.stop(data)


def test_neo4j_killed_under_the_api_then_back(tmp_path: Path, neo4j_uri: str) -> None:
    from policygraph.graph import neo4j_server

    data = tmp_path / "neo4j"
    port = free_port()
    state = neo4j_server.start(data, NEO4J_PASSWORD, port=port)
    try:
        uri = neo4j_server.bolt_uri(state)
        with Neo4jStore(uri, "neo4j", NEO4J_PASSWORD) as store:
            store.apply_schema()
            ingest_paths(store, [SEEDS])
        settings = Settings(POLICYGRAPH_ENGINE="neo4j", NEO4J_URI=uri, NEO4J_PASSWORD=NEO4J_PASSWORD,
                            POLICYGRAPH_CACHE_SECONDS=0)  # fmt: skip
        with LiveServer(create_app(settings)) as server, httpx.Client(base_url=server.url) as client:

            def kill() -> None:
                os.kill(state.pid, signal.SIGKILL)
                assert wait_for_exit(state.pid)

            def restart() -> None:
                wait_until(lambda: not port_is_open(port), 10, "the port freed")
                neo4j_server.start(data, NEO4J_PASSWORD, port=port)

            assert_recovers(client, kill, restart, documents=5)
    finally:
        neo4j_server.stop(data)


# --- no orphan engine ------------------------------------------------------------------------------------------


@contextlib.contextmanager
def serving(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """`policygraph serve` with its own embedded FalkorDB; yields the serve process and the FalkorDB pid."""
    port = free_port()
    env = {"POLICYGRAPH_ENGINE": "falkordb", "POLICYGRAPH_DATA_DIR": str(tmp_path / "data")}
    proc = start_cli("serve", "--port", str(port), settings=env, workdir=tmp_path / "serve")
    try:
        wait_until(lambda: port_is_open(port) or proc.poll() is not None, 60, "the API listening")
        assert proc.poll() is None, (tmp_path / "serve" / "stderr").read_text()
        state = json.loads((tmp_path / "data" / "falkordb.json").read_text())
        assert pid_alive(state["pid"])
        yield proc, state["pid"]
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


def test_ctrl_c_on_serve_leaves_no_falkordb(tmp_path: Path) -> None:
    with serving(tmp_path) as (proc, engine_pid):
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) in (0, 130)
        assert wait_for_exit(engine_pid), "FalkorDB outlived `policygraph serve` after Ctrl-C"


def test_kill_9_on_serve_leaves_no_falkordb(tmp_path: Path) -> None:
    with serving(tmp_path) as (proc, engine_pid):
        proc.kill()
        proc.wait()
        assert wait_for_exit(engine_pid), "FalkorDB outlived `policygraph serve` after kill -9"


# --- read-only data directory, full disk ------------------------------------------------------------------------


@contextlib.contextmanager
def mounted_tmpfs(path: Path, options: str) -> Iterator[Path]:
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], check=True, capture_output=True)
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False, capture_output=True)


@contextlib.contextmanager
def read_only_dir(path: Path) -> Iterator[Path]:
    """A directory nobody can write to: a read-only tmpfs when we are root (root ignores permissions), else mode 555."""
    if ROOT:
        with mounted_tmpfs(path, "ro,size=1m") as mounted:
            yield mounted
        return
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o555)
    try:
        yield path
    finally:
        path.chmod(0o755)


@pytest.mark.parametrize("engine", ["falkordb", "neo4j"])
@pytest.mark.parametrize("command", [["db", "start"], ["ingest", str(SEEDS)]], ids=["db start", "ingest"])
def test_a_read_only_data_dir_is_one_clear_line(tmp_path: Path, engine: str, command: list[str]) -> None:
    with read_only_dir(tmp_path / "ro") as data:
        settings = {"POLICYGRAPH_ENGINE": engine, "POLICYGRAPH_DATA_DIR": str(data)}
        result = run_cli(*command, settings=settings, workdir=tmp_path / "cli")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(data) in lines[0] and "not writable" in lines[0] and "POLICYGRAPH_DATA_DIR" in lines[0]


@pytest.mark.skipif(not ROOT, reason="a small tmpfs needs root (mount); the CI machine runs the suite as root")
def test_a_full_disk_is_a_clear_error_and_no_partial_notice(tmp_path: Path) -> None:
    corpus = synthetic_corpus(tmp_path / "corpus", n=60)
    with mounted_tmpfs(tmp_path / "disk", "size=2m") as disk:
        state = falkordb_server.start(disk / "data")
        try:
            env = {"FALKORDB_URL": falkordb_server.url(state), "POLICYGRAPH_GRAPH": "full"}
            result = run_cli("ingest", str(corpus), settings=env, workdir=tmp_path / "cli")
            with FalkorDBStore(falkordb_server.url(state), graph="full") as store:
                assert partial_notices(store) == []
        finally:
            falkordb_server.stop(disk / "data")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines and all("cannot save to its data directory" in line and "No space left on device" in line
                         for line in lines), result.stderr  # fmt: skip
    assert "new " in result.stdout  # what fitted before the disk filled up is there, whole
