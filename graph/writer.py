"""One writer per graph at a time.

Loading ends by recomputing lineage from the whole graph, and two loads that interleave could leave the lineage of
the one whose refresh read the graph first. So a write (an ingest, an API upload, an analyst's correction) holds an
exclusive advisory lock (flock) named after its engine target, and a second one on this machine waits for it:
concurrent ingests give the graph of one after the other (tests/reliability/test_concurrency.py). Writers on other
machines are not covered by a file lock; point them at one ingest host.
"""

from __future__ import annotations

import fcntl
import hashlib
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from policygraph.graph.falkordb_store import FalkorDBStore
from policygraph.graph.neo4j_store import Neo4jStore
from policygraph.graph.store import GraphStore


def _target(store: GraphStore) -> str:
    """Which graph a store writes to (a cache's inner store's graph)."""
    inner = getattr(store, "inner", None)
    if isinstance(inner, GraphStore):
        return _target(inner)
    if isinstance(store, FalkorDBStore):
        return f"falkordb {store.url} {store.graph_name}"
    if isinstance(store, Neo4jStore):
        return f"neo4j {store.uri} {store.database}"
    return store.engine


@contextmanager
def one_writer(store: GraphStore) -> Iterator[None]:
    """Hold the machine-wide write lock of the store's graph (see the module docstring)."""
    name = hashlib.sha256(_target(store).encode("utf-8")).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"policygraph-{name}.lock"
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # released when the file is closed, also if the process is killed
        yield
