"""`policygraph serve --workers 2`: two server processes answer the API over one graph, over real HTTP."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from policygraph.graph.falkordb_store import FalkorDBStore
from policygraph.graph.ingest_files import extract_file
from policygraph.graph.loader import load_records
from policygraph.graph.process import children_of, free_port
from tests.support.cli import start_cli
from tests.support.paths import SEEDS

GRAPH = "serve_workers"


def wait_for(url: str, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the server exited"
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer in {seconds} s")


def test_two_workers_serve_the_same_answers(falkordb_url: str, tmp_path: Path) -> None:
    seed_records = [extract_file(path) for path in sorted(SEEDS.glob("*.txt"))]
    with FalkorDBStore(falkordb_url, graph=GRAPH) as store:
        store.apply_schema()
        store.clear()
        assert not load_records(store, seed_records).failed
    port = free_port()
    settings = {"FALKORDB_URL": falkordb_url, "POLICYGRAPH_GRAPH": GRAPH, "POLICYGRAPH_DATA_DIR": str(tmp_path)}
    proc = start_cli("serve", "--workers", "2", "--port", str(port), settings=settings, workdir=tmp_path)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(f"{base}/health", proc)
        assert len(children_of(proc.pid)) >= 2, "uvicorn should run two worker processes"
        answers = {httpx.get(f"{base}/documents", params={"limit": 50}, timeout=10).text for _ in range(20)}
        assert len(answers) == 1, "every worker gives the same answer"
        assert len(httpx.get(f"{base}/documents", params={"limit": 50}).json()["items"]) >= len(seed_records)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            pytest.fail("the server did not stop on SIGTERM")
