"""The bulk path: build a whole graph from records at once, for big loads into an empty or new graph.

The graph the incremental loader (graph/loader.py) would write is computed in Python (graph/bulk_rows.py), then
- FalkorDB: imported with the server's own GRAPH.BULK into a new graph under a staging name, given the schema and the
  derived refresh there, and only then renamed over the store's graph (RENAME replaces the old key in one step).
  Anything failing before the rename deletes the staging graph: the store's graph is as it was, whatever it held.
- Neo4j: Community has one user database and no CREATE DATABASE, and swapping a store imported offline with
  neo4j-admin would need the server stopped; so the graph must be empty, and it is written with plain CREATEs in
  large batches (graph/bulk_neo4j.py), then given the derived refresh. A failure clears it again: empty, as it was.
Either way the result equals load_records(records) on an empty graph (tests/test_bulk.py compares the canonical
exports), the outcomes are the ones it would report, and a failure is one line (BulkLoadError).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from policygraph.core.errors import EngineUnavailable, StoreError
from policygraph.graph import bulk_neo4j
from policygraph.graph.bulk_falkordb import MAX_COMMAND_BYTES, commands
from policygraph.graph.bulk_rows import BulkStream
from policygraph.graph.falkordb_store import FalkorDBStore
from policygraph.graph.loader import DEFAULT_BATCH, LoadResult, batched, refresh_derived
from policygraph.graph.store import GraphStore

Step = Callable[[str], None]  # told each step done: "import", "schema", "derived", "swap"


class BulkLoadError(StoreError):
    """A bulk load that failed; the graph is as it was before. The message is one line."""


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text or type(error).__name__


def staging_name(graph: str) -> str:
    """The name the new graph is built under: one per process, so two loads never build into the same key."""
    return f"{graph}~bulk{os.getpid()}"


# Documents are sent as their key; their final properties are set once all are in (graph/bulk_rows.py).
DOCUMENTS_PER_WRITE = 5_000


def _set_documents(store: GraphStore, stream: BulkStream) -> None:
    for chunk in batched(stream.document_properties(), DOCUMENTS_PER_WRITE):
        store.run("documents_set_properties", {"docs": chunk}, write=True)


SCHEMA_WAIT_S = 1800.0  # indexes and constraints over a whole imported graph: minutes at 50,000 notices


def _apply_schema(staging: FalkorDBStore) -> None:
    try:
        staging.apply_schema()
    except EngineUnavailable:  # apply_schema waits 30 s for the background build; a big import needs longer
        staging.wait_for_schema(SCHEMA_WAIT_S)


def _import_falkordb(staging: FalkorDBStore, stream: BulkStream, max_bytes: int) -> bool:
    """Send the stream; False when it holds nothing (no graph was created)."""
    staging.command("DEL", staging.graph_name)  # a staging graph left by a killed run
    begin = ["BEGIN"]
    for args in commands(stream.items(), max_bytes):
        _send(staging, ["GRAPH.BULK", staging.graph_name, *begin, *args])
        begin = []
    return not begin


BUSY_WAIT_S = 120.0  # how long a command refused as BUSY is tried again


def _send(staging: FalkorDBStore, command: list[Any]) -> None:
    """One command; a refusal as BUSY (the server is about to fork, to rewrite its append-only file: the
    import's own writes make it grow) is tried again, since the command was not run."""
    deadline = time.monotonic() + BUSY_WAIT_S
    while True:
        try:
            staging.command(*command)
            return
        except StoreError as e:
            if "BUSY" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _load_falkordb(store: FalkorDBStore, stream: BulkStream, step: Step, max_bytes: int) -> int:
    staging = FalkorDBStore(store.url, graph=staging_name(store.graph_name))
    done = "start"
    try:
        sent = _import_falkordb(staging, stream, max_bytes)
        if sent:
            step(done := "import")
            _apply_schema(staging)
            _set_documents(staging, stream)
            step(done := "schema")
            edges = refresh_derived(staging)
            step(done := "derived")
            staging.command("RENAME", staging.graph_name, store.graph_name)
    except Exception as e:
        with contextlib.suppress(StoreError):
            staging.command("DEL", staging.graph_name)
        raise BulkLoadError(f"bulk load failed after step {done!r}, graph {store.graph_name!r} unchanged: "
                            f"{_one_line(e)}") from e  # fmt: skip
    finally:
        staging.close()
    if not sent:  # nothing to import: the graph becomes empty, in one atomic statement
        store.apply_schema()
        store.clear()
        return refresh_derived(store)
    store.forget_schema()
    step("swap")
    return edges


def nodes_held(store: GraphStore) -> int:
    """How many nodes the store's graph holds (0: empty, the bulk path can be taken on either engine)."""
    return sum(int(row["nodes"]) for row in store.run("graph_count_nodes"))


def _load_neo4j(store: GraphStore, stream: BulkStream, step: Step) -> int:
    held = nodes_held(store)
    if held:
        raise BulkLoadError(f"bulk load into Neo4j needs an empty graph, and this one holds {held} nodes: "
                            "clear it first, or load incrementally")  # fmt: skip
    done = "start"
    try:
        store.apply_schema()
        bulk_neo4j.write_stream(store, stream.items())
        _set_documents(store, stream)
        step(done := "import")
        step(done := "schema")  # applied before the import: the edges look their ends up by the constraints' index
        edges = refresh_derived(store)
        step(done := "derived")
    except Exception as e:
        with contextlib.suppress(StoreError):
            store.clear()
        raise BulkLoadError(f"bulk load failed after step {done!r}, the Neo4j graph is empty again: "
                            f"{_one_line(e)}") from e  # fmt: skip
    return edges


def bulk_load(
    store: GraphStore,
    records: Iterable[Mapping[str, Any]],
    *,
    batch_size: int = DEFAULT_BATCH,
    on_step: Step | None = None,
    max_command_bytes: int = MAX_COMMAND_BYTES,
    workers: int = 1,
    rows: Iterable[dict[str, Any] | str] | None = None,
) -> LoadResult:
    """Build the store's graph from these records alone, as load_records(records, batch_size=…) would on an empty
    graph (FalkorDB: the graph's former content is replaced, but only once the new one is complete; Neo4j: the graph
    must be empty). `workers` > 1 computes the rows in that many forked processes; `rows`, the records' rows made
    already (bulk_order.full_row, or why not, in the records' order), spares computing them and lets `records` hold
    bulk_order.KEY_FIELDS only. Raises BulkLoadError, the graph unchanged, when anything fails."""
    step = on_step or (lambda _: None)
    # Read twice (keys first, then rows): anything but a sequence is kept in a list (`ingest --bulk` gives a list
    # of the key fields alone, and the rows in a spool: graph/spool.py).
    stream = BulkStream(records if isinstance(records, Sequence) else list(records), batch_size, workers, rows)
    if isinstance(store, FalkorDBStore):
        edges = _load_falkordb(store, stream, step, max_command_bytes)
    elif store.engine == "neo4j":
        edges = _load_neo4j(store, stream, step)
    else:  # a wrapper (the API's CachedStore): the bulk path needs the engine's own store
        raise BulkLoadError(f"bulk load needs a FalkorDBStore or a Neo4j store, not a {type(store).__name__}")
    return LoadResult(outcomes=stream.outcomes, lineage_edges=edges)
