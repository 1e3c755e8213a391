"""A computed graph (graph/bulk_rows.py) → an empty Neo4j graph, by plain CREATEs in large batches.

The incremental statement MERGEs every agency, region and stub, deletes a notice's old content and looks each
node up again per row; here the graph is computed beforehand (graph/bulk_rows.py, a stream), so nodes are created
per label without a lookup and edges per (type, source label, target label) with one index lookup per end (the schema's unique
constraints give the indexes). Labels and types are not parameters in Cypher: they come from bulk_rows' fixed
vocabulary and are checked against it before they go into a statement; every value is a parameter.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from policygraph.graph.bulk_rows import KEY_PROPERTY, Edge, Item, Node, Props
from policygraph.graph.store import GraphStore

LABELS = frozenset({"Document", "Task", "Target", "Agency", "Programme", "Region"})
TYPES = frozenset({"PART_OF", "IN_REGION", "ISSUED_BY", "CITES", "HAS_TASK", "LEADS", "COOPERATES_ON", "MENTIONS",
                   "SETS"})  # fmt: skip
BATCH = 20_000  # items (nodes and edges) per write; a few statements each, one per label or type


def _checked(name: str, allowed: frozenset[str]) -> str:
    if name not in allowed:
        raise ValueError(f"unknown label or relationship type {name!r}")
    return name


def _key(label: str) -> str:
    return KEY_PROPERTY.get(label, "key")


class _Buffer:
    """Items gathered until BATCH of them, then written: their nodes per label first, then their edges per type."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.nodes: dict[str, list[Props]] = {}
        self.edges: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
        self.size = 0

    def add(self, item: Item) -> None:
        if isinstance(item, Node):
            self.nodes.setdefault(item.label, []).append(item.properties)
        elif isinstance(item, Edge):
            row = {"s": item.source[1], "t": item.target[1], "p": item.properties}
            self.edges.setdefault((item.type, item.source[0], item.target[0]), []).append(row)
        self.size += 1
        if self.size >= BATCH:
            self.flush()

    def flush(self) -> None:
        for label, rows in self.nodes.items():
            self.store.write(f"UNWIND $rows AS r CREATE (n:{_checked(label, LABELS)}) SET n = r", {"rows": rows})
        for (kind, source, target), rows in self.edges.items():
            statement = (
                f"UNWIND $rows AS r MATCH (a:{_checked(source, LABELS)} {{{_key(source)}: r.s}}) "
                f"MATCH (b:{_checked(target, LABELS)} {{{_key(target)}: r.t}}) "
                f"CREATE (a)-[e:{_checked(kind, TYPES)}]->(b) SET e = r.p"
            )
            self.store.write(statement, {"rows": rows})
        self.nodes, self.edges, self.size = {}, {}, 0


def write_stream(store: GraphStore, items: Iterable[Item]) -> None:
    """Create the stream's nodes and edges on an empty graph with the schema applied (edges find their ends by the
    unique constraints' indexes)."""
    buffer = _Buffer(store)
    for item in items:
        buffer.add(item)
    buffer.flush()
