"""A computed graph (graph/bulk_rows.py) → an empty Neo4j graph, by plain CREATEs in large batches.

The incremental statement MERGEs every agency, region and stub, deletes a notice's old content and looks each
node up again per row; here the graph is computed beforehand (graph/bulk_rows.py, a stream), so nodes are created
per label without a lookup (cypher/bulk/nodes.cypher) and edges per type with one index lookup per end
(cypher/bulk/edges_<type>.cypher; the schema's unique constraints give the indexes). Every value is a parameter.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from policygraph.graph.bulk_items import Edge, Item, Node, Props
from policygraph.graph.store import GraphStore

BATCH = 20_000  # items (nodes and edges) per write; a few statements each, one per label or type


class _Buffer:
    """Items gathered until BATCH of them, then written: their nodes per label first, then their edges per type."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.nodes: dict[str, list[Props]] = {}
        self.edges: dict[str, list[dict[str, Any]]] = {}
        self.size = 0

    def add(self, item: Item) -> None:
        if isinstance(item, Node):
            self.nodes.setdefault(item.label, []).append(item.properties)
        elif isinstance(item, Edge):
            row = {"s": item.source[1], "t": item.target[1], "p": item.properties}
            self.edges.setdefault(item.type, []).append(row)  # each type joins one pair of labels
        self.size += 1
        if self.size >= BATCH:
            self.flush()

    def flush(self) -> None:
        for label, rows in self.nodes.items():
            self.store.run("bulk/nodes", {"label": label, "rows": rows}, write=True)
        for kind, rows in self.edges.items():
            self.store.run(f"bulk/edges_{kind.lower()}", {"rows": rows}, write=True)
        self.nodes, self.edges, self.size = {}, {}, 0


def write_stream(store: GraphStore, items: Iterable[Item]) -> None:
    """Create the stream's nodes and edges on an empty graph with the schema applied (edges find their ends by the
    unique constraints' indexes)."""
    buffer = _Buffer(store)
    for item in items:
        buffer.add(item)
    buffer.flush()
