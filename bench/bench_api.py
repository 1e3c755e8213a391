"""API latency and throughput per endpoint, on loopback only, bounded in count and time.

Starts the engine in a temp dir, loads the seeds (and, with --synthetic N, N generated notices from
tests/support/synthetic.py), serves the API with uvicorn in a child process, then for each endpoint sends --requests
requests from --concurrency client threads and prints req/s and p50/p95/p99 latency (client side, HTTP included).
From the repository root:

    python -m bench.bench_api --engine falkordb
    python -m bench.bench_api --engine neo4j --synthetic 10000
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import httpx

from policygraph.graph import falkordb_server, neo4j_server
from policygraph.graph.falkordb_store import FalkorDBStore
from policygraph.graph.ingest_files import ingest_paths
from policygraph.graph.loader import load_records
from policygraph.graph.neo4j_store import Neo4jStore
from policygraph.graph.process import free_port, port_is_open
from policygraph.graph.store import GraphStore
from policygraph.ingest.extract import extract_text
from tests.support.synthetic import generate

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PASSWORD = "bench-password-123"
KEY_000 = quote("临州办发〔2021〕76号", safe="")
ENDPOINTS = {
    "health": "/health",
    "top-leads": "/agencies/top-leads?limit=10",
    "top-leads by region": "/agencies/top-leads?region=甘肃省&limit=10",
    "lineage": f"/documents/{KEY_000}/lineage",
    "document": f"/documents/{KEY_000}",
    "documents list": "/documents?limit=20",
    "search": "/search?q=医共体&limit=10",
    "programme": f"/programmes/{quote('三明医改经验', safe='')}",
}
MAX_SECONDS_PER_ENDPOINT = 60.0


@contextmanager
def engine(kind: str, data_dir: Path) -> Iterator[tuple[GraphStore, dict[str, str]]]:
    """A fresh engine and the environment that points the API at it."""
    if kind == "neo4j":
        state = neo4j_server.start(data_dir, PASSWORD)
        uri = neo4j_server.bolt_uri(state)
        env = {"POLICYGRAPH_ENGINE": "neo4j", "NEO4J_URI": uri, "NEO4J_PASSWORD": PASSWORD}
        store: GraphStore = Neo4jStore(uri, "neo4j", PASSWORD)
        stop = neo4j_server.stop
    else:
        state = falkordb_server.start(data_dir)
        url = falkordb_server.url(state)
        env = {"POLICYGRAPH_ENGINE": "falkordb", "FALKORDB_URL": url}
        store = FalkorDBStore(url)
        stop = falkordb_server.stop
    try:
        store.apply_schema()
        yield store, env
    finally:
        store.close()
        stop(data_dir)


def load(store: GraphStore, synthetic: int) -> None:
    ingest_paths(store, [SEEDS])
    if synthetic:
        records = (extract_text(text, name).to_json() for name, text, _ in generate(synthetic))
        load_records(store, records, batch_size=200)


@contextmanager
def api_server(env: dict[str, str]) -> Iterator[str]:
    """uvicorn in a child process (its own GIL), bound to loopback."""
    import os

    port = free_port()
    code = (
        "import uvicorn; from policygraph.api.app import create_app; "
        f"uvicorn.run(create_app(), host='127.0.0.1', port={port}, log_level='warning')"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], env={**os.environ, **env}, cwd=ROOT)
    try:
        deadline = time.monotonic() + 30
        while not port_is_open(port):
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("the API did not start")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def hammer(base: str, path: str, requests: int, concurrency: int) -> tuple[float, list[float], int]:
    """Send `requests` GETs from `concurrency` threads; return req/s, latencies (ms), non-2xx count (a request that
    times out counts as one)."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    per_thread = max(1, requests // concurrency)
    deadline = time.monotonic() + MAX_SECONDS_PER_ENDPOINT

    def worker() -> None:
        nonlocal errors
        with httpx.Client(base_url=base, timeout=10) as client:
            for _ in range(per_thread):
                if time.monotonic() > deadline:
                    return
                t0 = time.perf_counter()
                try:
                    status = client.get(path).status_code
                except httpx.TimeoutException:  # counted as an error, never a dead thread
                    status = 504
                elapsed = (time.perf_counter() - t0) * 1000
                with lock:
                    latencies.append(elapsed)
                    errors += status >= 300

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(latencies) / (time.perf_counter() - started), latencies, errors


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", choices=["falkordb", "neo4j"], default="falkordb")
    parser.add_argument("--synthetic", type=int, default=0, help="also load this many generated notices")
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, engine(args.engine, Path(tmp)) as (store, env):
        t0 = time.perf_counter()
        load(store, args.synthetic)
        documents = store.run("graph_summary")[0]["documents"]
        print(f"{args.engine}: {documents} notices loaded in {time.perf_counter() - t0:.1f} s")
        with api_server(env) as base:
            for name, path in ENDPOINTS.items():
                hammer(base, path, 20, 1)  # warm up
                rate, latencies, errors = hammer(base, path, args.requests, args.concurrency)
                print(f"  {name:<20} {rate:7.0f} req/s  p50 {statistics.median(latencies):6.1f} ms  "
                      f"p95 {percentile(latencies, 0.95):6.1f} ms  p99 {percentile(latencies, 0.99):6.1f} ms"
                      f"{f'  ({errors} non-2xx)' if errors else ''}")  # fmt: skip


if __name__ == "__main__":
    main()
