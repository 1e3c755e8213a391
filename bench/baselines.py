"""The plain-UNWIND baselines a loader is measured against, each run in the same window as the loader.

- seed-shaped: bench/queries/write_notices.cypher, one `UNWIND … MERGE` of small seed-shaped notices (25 tasks of a
  short title, 3 roles each: bench/falkordb_clients.notice). The ceiling the issue quotes (~167k elements/s on
  FalkorDB, ~45k on Neo4j, on an idle machine).
- same rows: the nodes and relationships the loader writes for real notices (their texts, the search bigrams,
  each role's quote and span) written by the plainest statements there are, one label or type at a time
  (bench/queries/plain_*.cypher), from the rows graph/rows.py builds. What the same data costs the engine, without
  the loader's replacing, stubs, regions or derived data.

Both return graph elements (nodes + relationships) per second of wall time.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bench.falkordb_clients import WRITE, batches
from policygraph.graph.loader import batched
from policygraph.graph.store import GraphStore

QUERIES = Path(__file__).parent / "queries"
PLAIN_STEPS = ("documents", "tasks", "agencies", "leads", "cooperates", "targets")
DOCUMENT_PROPS = ("doc_no", "title", "issuer", "level", "tier", "region", "date", "year", "sha256", "source", "series")
TASK_PROPS = ("ordinal", "section", "number", "title", "text", "search_text", "span", "deadline_kind",
              "deadline_date", "deadline_as_written")  # fmt: skip
AGENCY_PROPS = ("name", "jurisdiction", "level", "kind", "function")
ROLE_PROPS = ("basis", "quote", "span", "as_written")
TARGET_PROPS = ("text", "kind", "value", "span")
SEED_SHAPED_ELEMENTS = 1 + 25 * (1 + 1 + 3)  # a document, its tasks, HAS_TASK and role edges (agencies are shared)


def seed_shaped(store: GraphStore, notices: int, batch: int = 100) -> float:
    """Elements/s of the seed-shaped `UNWIND … MERGE` into the store's (empty) graph."""
    started = time.perf_counter()
    for notices_batch in batches(notices, batch):
        store.write(WRITE, {"docs": notices_batch})
    return notices * SEED_SHAPED_ELEMENTS / (time.perf_counter() - started)


def _pick(row: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {name: row[name] for name in names}


def plain_rows(documents: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Document rows (graph/rows.document_row) → one list of parameter rows per plain statement."""
    rows: dict[str, list[dict[str, Any]]] = {step: [] for step in PLAIN_STEPS}
    agencies: dict[str, dict[str, Any]] = {}
    for doc in documents:
        rows["documents"].append({"key": doc["key"], "props": _pick(doc, DOCUMENT_PROPS)})
        for task in doc["tasks"]:
            rows["tasks"].append({"doc": doc["key"], "key": task["key"], "props": _pick(task, TASK_PROPS)})
            for step, roles in (("leads", task["leads"]), ("cooperates", task["cooperating"])):
                for role in roles:
                    agencies.setdefault(role["key"], {"key": role["key"], "props": _pick(role, AGENCY_PROPS)})
                    rows[step].append({"agency": role["key"], "task": task["key"], "props": _pick(role, ROLE_PROPS)})
            for target in task["targets"]:
                rows["targets"].append(
                    {"task": task["key"], "key": target["key"], "props": _pick(target, TARGET_PROPS)}
                )
    rows["agencies"] = list(agencies.values())
    return rows


def elements_of(rows: dict[str, list[dict[str, Any]]]) -> int:
    """Nodes + relationships the plain statements create for these rows."""
    edges = len(rows["tasks"]) + len(rows["leads"]) + len(rows["cooperates"]) + len(rows["targets"])
    nodes = len(rows["documents"]) + len(rows["tasks"]) + len(rows["agencies"]) + len(rows["targets"])
    return nodes + edges


def same_rows(store: GraphStore, documents: Iterable[dict[str, Any]], batch: int = 200) -> float:
    """Elements/s of the plain per-label statements writing these document rows into the store's (empty) graph."""
    queries = {step: (QUERIES / f"plain_{step}.cypher").read_text(encoding="utf-8") for step in PLAIN_STEPS}
    elements, seconds = 0, 0.0
    for chunk in batched(documents, batch):
        rows = plain_rows(chunk)  # built before the clock starts: the engine's cost is what is measured
        started = time.perf_counter()
        for step in PLAIN_STEPS:
            if rows[step]:
                store.write(queries[step], {"rows": rows[step]})
        seconds += time.perf_counter() - started
        elements += elements_of(rows)
    return elements / seconds
