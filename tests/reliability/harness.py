"""What the reliability tests share: a graph of their own on each engine, its integrity checks, and the figures the
suite measures. The CLI runs through tests/support/cli.py, which gives each run's peak memory and time."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from policygraph.graph.export import canonical_export
from policygraph.graph.falkordb_store import FalkorDBStore
from policygraph.graph.neo4j_store import Neo4jStore
from policygraph.graph.store import GraphStore
from tests.support.engines import NEO4J_PASSWORD, cli_settings

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


def open_target(engine: str, request: pytest.FixtureRequest, tmp_path: Path) -> Target:
    """An empty graph on `engine` (FalkorDB: a graph of its own; Neo4j: its one database, cleared)."""
    graph = f"reliability-{uuid.uuid4().hex[:8]}"
    env = cli_settings(engine, request, tmp_path / "data", graph)
    store: GraphStore
    if engine == "neo4j":
        store = Neo4jStore(env["NEO4J_URI"], "neo4j", NEO4J_PASSWORD)
    else:
        store = FalkorDBStore(env["FALKORDB_URL"], graph=graph)
    store.apply_schema()
    store.clear()
    return Target(engine, env, store, tmp_path)


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
