"""What the reliability tests share: the CLI as a subprocess (with its peak memory), a graph's integrity checks,
and the figures the suite measures."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from policygraph.graph.export import canonical_export
from policygraph.graph.falkordb_store import FalkorDBStore
from policygraph.graph.neo4j_store import Neo4jStore
from policygraph.graph.store import GraphStore
from tests.support.engines import NEO4J_PASSWORD

# Figures measured by the suite (peak memory, latencies): printed at the end and written to build/reliability/.
FIGURES: dict[str, Any] = {}

# From the hand-made gold (tests/gold/*.json): tasks and lead mentions per seed notice, 112 tasks and 121 leads in all.
SEED_TASKS = {
    "临州办发〔2021〕76号": 26,
    "安徽省宿州市泗县|2021|泗县深化医药卫生体制改革2021年-2022年重点工作任务": 19,
    "西藏自治区|2021|西藏自治区深化医药卫生体制改革领导小组关于印发《西藏自治区2021年深化医药卫生体制改革重点工作任务》的通知": 25,
    "晋政办发〔2022〕83号": 20,
    "粤办函〔2024〕267号": 22,
}
SEED_LEADS = dict(zip(SEED_TASKS, [27, 19, 55, 20, 0], strict=True))


@dataclass
class Target:
    """One engine's graph for a test, and the environment a `policygraph` subprocess needs to write to it."""

    engine: str
    env: dict[str, str]
    store: GraphStore
    workdir: Path


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str
    peak_rss_mb: float  # of the CLI process itself (wait4), not of the test process or the engine
    seconds: float


def _env(engine: str, request: pytest.FixtureRequest, data_dir: Path, graph: str) -> dict[str, str]:
    """What a `policygraph` subprocess needs to reach this session's engine (and nothing of the developer's)."""
    env = {"POLICYGRAPH_ENGINE": engine, "POLICYGRAPH_DATA_DIR": str(data_dir), "POLICYGRAPH_GRAPH": graph}
    if engine == "neo4j":
        env |= {"NEO4J_URI": request.getfixturevalue("neo4j_uri"), "NEO4J_PASSWORD": NEO4J_PASSWORD}
    else:
        env["FALKORDB_URL"] = request.getfixturevalue("falkordb_url")
    return env


def open_target(engine: str, request: pytest.FixtureRequest, tmp_path: Path) -> Target:
    """An empty graph on `engine` (FalkorDB: a graph of its own; Neo4j: its one database, cleared)."""
    graph = f"reliability-{uuid.uuid4().hex[:8]}"
    env = _env(engine, request, tmp_path / "data", graph)
    store: GraphStore
    if engine == "neo4j":
        store = Neo4jStore(env["NEO4J_URI"], "neo4j", NEO4J_PASSWORD)
    else:
        store = FalkorDBStore(env["FALKORDB_URL"], graph=graph)
    store.apply_schema()
    store.clear()
    return Target(engine, env, store, tmp_path)


def cli_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "policygraph", *args]


def start_cli(args: list[str], env: dict[str, str], workdir: Path, **popen: Any) -> subprocess.Popen[bytes]:
    """`policygraph ARGS` in `workdir` (no .env or ./.policygraph of the checkout), output to files there."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("POLICYGRAPH_", "NEO4J_", "FALKORDB_"))}
    full_env |= env | {"PYTHONUNBUFFERED": "1"}
    workdir.mkdir(parents=True, exist_ok=True)
    out = (workdir / "stdout").open("wb")
    err = (workdir / "stderr").open("wb")
    try:
        return subprocess.Popen(cli_command(*args), cwd=workdir, env=full_env, stdout=out, stderr=err, **popen)
    finally:
        out.close()
        err.close()


def still_running(proc: subprocess.Popen[bytes]) -> bool:
    """Like `proc.poll() is None`, without reaping the child: finish_cli's wait4 needs it for its peak memory."""
    return os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None


def finish_cli(proc: subprocess.Popen[bytes], workdir: Path, started: float, timeout: float = 600) -> CliResult:
    """Wait for the CLI with wait4, which gives its own peak RSS (ru_maxrss, in KiB on Linux)."""
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            raise TimeoutError(f"{proc.args} still running after {timeout} s")
        time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return CliResult(
        proc.returncode,
        (workdir / "stdout").read_text(encoding="utf-8", errors="replace"),
        (workdir / "stderr").read_text(encoding="utf-8", errors="replace"),
        usage.ru_maxrss / 1024,
        time.monotonic() - started,
    )


def run_cli(args: list[str], env: dict[str, str], workdir: Path, timeout: float = 600) -> CliResult:
    started = time.monotonic()
    return finish_cli(start_cli(args, env, workdir), workdir, started, timeout)


def partial_notices(store: GraphStore) -> list[dict[str, Any]]:
    """Notices whose tasks in the graph are not the number they were loaded with, and tasks without a notice."""
    rows = store.read(
        "MATCH (d:Document) WHERE d.task_count IS NOT NULL "
        "OPTIONAL MATCH (d)-[:HAS_TASK]->(t:Task) WITH d, count(t) AS tasks "
        "WHERE tasks <> d.task_count RETURN d.key AS key, d.task_count AS expected, tasks"
    )
    orphans = store.read("MATCH (t:Task) WHERE NOT ()-[:HAS_TASK]->(t) RETURN t.key AS key")
    return rows + [{"orphan task": row["key"]} for row in orphans]


def tasks_and_leads(store: GraphStore, key: str) -> tuple[int, int]:
    tasks = store.read("MATCH (:Document {key: $k})-[:HAS_TASK]->(t:Task) RETURN count(t) AS n", {"k": key})[0]["n"]
    leads = store.read("MATCH (:Document {key: $k})-[:HAS_TASK]->(:Task)<-[r:LEADS]-(:Agency) RETURN count(r) AS n",
                       {"k": key})[0]["n"]  # fmt: skip
    return tasks, leads


def export(store: GraphStore) -> dict[str, list[str]]:
    return canonical_export(store)


def differences(one: dict[str, list[str]], other: dict[str, list[str]]) -> list[str]:
    """The lines of two canonical exports that are not in both (empty when the graphs are the same)."""
    lines = []
    for part in ("nodes", "edges"):
        lines += [f"only in the first: {line}" for line in sorted(set(one[part]) - set(other[part]))]
        lines += [f"only in the second: {line}" for line in sorted(set(other[part]) - set(one[part]))]
        if len(one[part]) != len(other[part]):
            lines.append(f"{part}: {len(one[part])} != {len(other[part])}")
    return lines
