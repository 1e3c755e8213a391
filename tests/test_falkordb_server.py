"""The embedded FalkorDB's life: start, reuse, persistence, clean stop, no orphans, clear errors."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from policygraph.core.errors import EngineUnavailable
from policygraph.graph import falkordb_server
from policygraph.graph.falkordb_store import FalkorDBStore
from policygraph.graph.process import free_port, pid_alive, wait_for_exit
from tests.support.cli import run_cli


def test_start_reuse_persist_and_stop(tmp_path: Path) -> None:
    first = falkordb_server.start(tmp_path, detach=True)
    try:
        assert falkordb_server.start(tmp_path, detach=True).pid == first.pid  # reused, not a second server
        store = FalkorDBStore(falkordb_server.url(first))
        store.write("CREATE (:Document {key: $k, title: $t})", {"k": "d1", "t": "泗县深化医药卫生体制改革"})
        store.close()
    finally:
        assert falkordb_server.stop(tmp_path)
    assert wait_for_exit(first.pid)
    assert falkordb_server.running(tmp_path) is None

    second = falkordb_server.start(tmp_path)
    try:
        store = FalkorDBStore(falkordb_server.url(second))
        assert store.read("MATCH (d:Document) RETURN d.title AS t") == [{"t": "泗县深化医药卫生体制改革"}]
        store.close()
    finally:
        falkordb_server.stop(tmp_path)
    assert not falkordb_server.stop(tmp_path)  # stopping twice is harmless


def test_a_tied_server_dies_with_its_parent_even_after_kill_9(tmp_path: Path) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; from policygraph.graph import falkordb_server; "
         "s = falkordb_server.start(Path(sys.argv[1])); print(s.pid, flush=True); time.sleep(60)",
         str(tmp_path)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert parent.stdout is not None
    server_pid = int(parent.stdout.readline())
    assert pid_alive(server_pid)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    assert wait_for_exit(server_pid), "the FalkorDB server outlived its killed parent"


def test_a_busy_port_is_refused_clearly(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(EngineUnavailable, match=f"port {port} is already in use"):
            falkordb_server.start(tmp_path, port=port)


def test_an_unusable_data_dir_is_refused_clearly(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(EngineUnavailable, match="not writable"):
        falkordb_server.start(blocker / "data")


def test_cli_reports_an_unreachable_engine_in_one_line(tmp_path: Path) -> None:
    settings = {"FALKORDB_URL": f"redis://127.0.0.1:{free_port()}", "POLICYGRAPH_DATA_DIR": str(tmp_path)}
    result = run_cli("db", "status", settings=settings)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "unreachable" in lines[0]


def test_cli_db_start_status_stop(tmp_path: Path) -> None:
    settings = {"POLICYGRAPH_DATA_DIR": str(tmp_path), "POLICYGRAPH_ENGINE": "falkordb"}  # no FALKORDB_URL: embedded
    try:
        started = run_cli("db", "start", settings=settings)
        assert started.returncode == 0, started.stderr
        assert "FalkorDB 4." in started.stdout
        status = run_cli("db", "status", settings=settings)
        assert status.returncode == 0 and "answering" in status.stdout
    finally:
        stopped = run_cli("db", "stop", settings=settings)
    assert "stopped falkordb" in stopped.stdout
    assert run_cli("db", "status", settings=settings).returncode == 1
