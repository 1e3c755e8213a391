"""What the bench scripts share: a run bounded in time, the synthetic corpus and its extraction (timed), an engine
started for the run, the extracted records kept between runs, and the commit measured.

Run the scripts as modules from the repository root (`python -m bench.bench_load --help`): `bench` and `tests` are
then importable, and the corpus comes from tests/support/synthetic.py.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import pickle
import resource
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import redis
from falkordb import FalkorDB

from policygraph.graph import falkordb_server, neo4j_server
from policygraph.graph.falkordb_store import FalkorDBStore
from policygraph.graph.neo4j_store import Neo4jStore
from policygraph.graph.store import GraphStore
from policygraph.ingest.extract import extract_text
from tests.support.synthetic import TASK_CHARS, Expected, generate

NEO4J_PASSWORD = "bench-password-1234"
Record = dict[str, Any]
Corpus = list[tuple[str, str, Expected]]

# Bench-only queries (the project's queries are in cypher/; these only serve the benchmarks).
BENCH_CYPHER = Path(__file__).resolve().parent / "queries"
DELETE_EDGES = (BENCH_CYPHER / "delete_edges_chunk.cypher").read_text(encoding="utf-8")
DELETE_NODES = (BENCH_CYPHER / "delete_nodes_chunk.cypher").read_text(encoding="utf-8")


# --- bounding the run --------------------------------------------------------------------------------------------


class Deadline:
    """The run's time limit: a soft check between steps, and a watchdog that stops everything when it passes."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.cleanups: list[Callable[[], None]] = []
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def left(self) -> float:
        return self.end - time.monotonic()

    def _expire(self) -> None:
        print(f"\n!! time limit of {self.seconds:.0f} s reached: stopping the engines and exiting", flush=True)
        for cleanup in reversed(self.cleanups):
            try:
                cleanup()
            except Exception as e:  # a cleanup that fails must not keep the others from running
                print(f"   cleanup failed: {e}", flush=True)
        os._exit(2)

    def cancel(self) -> None:
        self._timer.cancel()


# --- corpus and extraction ---------------------------------------------------------------------------------------


def make_corpus(n: int, seed: int, task_chars: tuple[int, int]) -> tuple[Corpus, float]:
    started = time.perf_counter()
    corpus = list(generate(n, seed, task_chars=task_chars))
    return corpus, time.perf_counter() - started


def extract_one(item: tuple[str, str]) -> Record:
    """One notice text → its JSON record (what `policygraph ingest` does after reading a file)."""
    name, text = item
    sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return extract_text(text, name, sha256).to_json()


@dataclass
class Rate:
    label: str
    docs: int
    mbytes: float
    seconds: float
    cpu: float | None = None

    def line(self) -> str:
        cpu = f"  (cpu {self.docs / self.cpu:6.1f} docs/s)" if self.cpu else ""  # per process, for a pool
        return (f"  {self.label:<30} {self.docs:>6} docs {self.mbytes:7.1f} MB {self.seconds:8.1f} s "
                f"{self.docs / self.seconds:8.1f} docs/s {self.mbytes / self.seconds:6.2f} MB/s "
                f"{self.seconds / self.docs * 1000:6.2f} ms/doc{cpu}")  # fmt: skip


def extract_serial(corpus: Corpus, checkpoints: set[int]) -> tuple[list[Record], list[Rate]]:
    """Extract in this process; a Rate at each checkpoint (the first N notices)."""
    records: list[Record] = []
    rates = []
    size = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for name, text, _ in corpus:
        records.append(extract_one((name, text)))
        size += len(text.encode("utf-8"))
        if len(records) in checkpoints:
            rates.append(Rate("1 process", len(records), size / 1e6, time.perf_counter() - started,
                              time.process_time() - cpu_started))  # fmt: skip
    return records, rates


def extract_parallel(corpus: Corpus, checkpoints: set[int], workers: int) -> tuple[list[Record], list[Rate]]:
    """Extract with a pool of `workers` processes (fork: the extractor's tables are loaded once, before)."""
    records: list[Record] = []
    rates = []
    size = 0
    items = [(name, text) for name, text, _ in corpus]
    sizes = [len(text.encode("utf-8")) for _, text in items]
    context = multiprocessing.get_context("fork")
    started = time.perf_counter()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    with context.Pool(workers) as pool:
        for record in pool.imap(extract_one, items, chunksize=8):
            size += sizes[len(records)]
            records.append(record)
            if len(records) in checkpoints:
                rates.append(Rate(f"{workers} processes", len(records), size / 1e6, time.perf_counter() - started))
    # The workers' CPU, known once they are reaped: per document it is what one of them costs on an idle core.
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    worker_cpu = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    rates[-1].cpu = worker_cpu / workers if worker_cpu > 0 else None
    return records, rates


# --- engines -----------------------------------------------------------------------------------------------------


@dataclass
class Engine:
    name: str
    data_dir: Path
    version: str = ""
    address: str = ""
    pid: int = 0

    def cpu(self) -> float:
        """CPU seconds the engine's server process has used so far (user + system), from /proc."""
        return process_cpu(self.pid)

    read_timeout: float | None = None  # FalkorDB only: replace the client's socket read timeout (0: none)

    def store(self, graph: str) -> GraphStore:
        if self.name == "neo4j":
            return Neo4jStore(self.address, "neo4j", NEO4J_PASSWORD)
        store = FalkorDBStore(self.address, graph=graph)
        if self.read_timeout is not None:
            # Workaround, for measuring only: a statement that runs longer than the client's socket read timeout
            # (FalkorDBStore's read_timeout, 65 s; redis-py's default 5 s before it was set) fails with QueryTimeout,
            # and a 10k-notice run on a busy machine had one. Both keys: redis-py restores "orig_socket_timeout".
            pool = store._db.connection.connection_pool
            pool.connection_kwargs["socket_timeout"] = self.read_timeout or None
            pool.connection_kwargs["orig_socket_timeout"] = self.read_timeout or None
            pool.disconnect()
        return store

    def fresh(self, graph: str) -> GraphStore:
        """An empty graph with the schema applied: a new graph on FalkorDB; the one database emptied on Neo4j."""
        store = self.store(graph)
        if self.name == "neo4j":
            # In chunks: deleting millions of rows in one transaction needs a big heap.
            for query in (DELETE_EDGES, DELETE_NODES):
                while store.write(query)[0]["deleted"]:
                    pass
        store.apply_schema()
        return store

    def drop(self, graph: str) -> None:
        """Free a FalkorDB graph once measured (the Neo4j database is emptied by the next `fresh`)."""
        if self.name == "falkordb":
            db = FalkorDB.from_url(self.address)
            with contextlib.suppress(redis.ResponseError):  # never written to: nothing to delete
                db.select_graph(graph).delete()
            db.connection.close()


def start_engine(
    name: str, stack: ExitStack, deadline: Deadline, keep: bool, read_timeout: float | None = None
) -> Engine:
    data_dir = Path(tempfile.mkdtemp(prefix=f"pg-bench-{name}-"))
    stop: Callable[[Path], bool] = neo4j_server.stop if name == "neo4j" else falkordb_server.stop

    def cleanup() -> None:
        stop(data_dir)
        if not keep:
            shutil.rmtree(data_dir, ignore_errors=True)

    deadline.cleanups.append(cleanup)
    stack.callback(cleanup)
    started = time.perf_counter()
    if name == "neo4j":
        state = neo4j_server.start(data_dir, NEO4J_PASSWORD)
        engine = Engine(name, data_dir, address=neo4j_server.bolt_uri(state), pid=state.pid)
    else:
        state = falkordb_server.start(data_dir)
        engine = Engine(name, data_dir, address=falkordb_server.url(state), pid=state.pid)
    engine.read_timeout = read_timeout
    with engine.store("bench_probe") as probe:
        engine.version = probe.version()
    print(f"{engine.version} started in {time.perf_counter() - started:.1f} s (pid {state.pid}, data in {data_dir})")
    return engine


def process_cpu(pid: int) -> float:
    """User + system CPU seconds of a process (Linux /proc; 0 where there is none)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime (fields 14 and 15)


# --- extracted records, kept between runs ------------------------------------------------------------------------


def records_cache_file(directory: Path, n: int, seed: int, task_chars: tuple[int, int] = TASK_CHARS) -> Path:
    """Where the records of the corpus (n, seed, task_chars) are kept: one name for every script, so they share it."""
    return directory / f"records-{n}-{seed}-{task_chars[0]}-{task_chars[1]}.pickle"


def read_records(path: Path) -> list[Record]:
    with path.open("rb") as f:
        records: list[Record] = pickle.load(f)  # written by an earlier run of a bench script: trusted
    return records


def write_records(path: Path, records: list[Record]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        pickle.dump(records, f, protocol=pickle.HIGHEST_PROTOCOL)


def cached_records(n: int, seed: int, workers: int, cache: Path | None) -> list[Record]:
    """The records of the generated corpus (n, seed): read from `cache` when an earlier run left them there, else
    generated and extracted by `workers` processes (and left there)."""
    path = records_cache_file(cache, n, seed) if cache else None
    if path and path.is_file():
        records = read_records(path)
        print(f"records of {len(records)} notices read from {path}")
        return records
    corpus, seconds = make_corpus(n, seed, TASK_CHARS)
    print(f"corpus: {n} notices generated in {seconds:.1f} s; extracting with {workers} processes …", flush=True)
    started = time.perf_counter()
    records, _ = extract_parallel(corpus, {n}, workers)
    print(f"extracted in {time.perf_counter() - started:.0f} s", flush=True)
    if path:
        write_records(path, records)
    return records


# --- the commit measured -----------------------------------------------------------------------------------------


def code_state() -> str:
    """The commit measured, and the files changed since (the work tree is shared with other engineers)."""
    root = Path(__file__).resolve().parent.parent
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True,
                                timeout=10).stdout.strip()  # fmt: skip
        changed = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                                 capture_output=True, text=True, timeout=10).stdout.split("\n")  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return "unknown (no git)"
    files = [line[3:] for line in changed if line.strip()]
    return f"commit {commit}" + (f", with uncommitted changes in {', '.join(files)}" if files else "")
