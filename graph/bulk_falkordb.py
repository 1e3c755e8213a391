"""A computed graph (graph/bulk_rows.py) → FalkorDB's GRAPH.BULK commands, which build a new graph in one pass.

The binary protocol is the one the `falkordb-bulk-loader` package (1.2.0) speaks, written here from Python values
instead of through CSV files: that package reads every array element back from text and guesses its type (the
string "1" in a list becomes the integer 1), and pulls click and pathos in. Here every value keeps its Python type.

A command is `GRAPH.BULK <graph> [BEGIN] <nodes> <edges> <label blocks> <type blocks> <block>…`; the first one
carries BEGIN, and the server refuses it when the graph's key exists. A block is a header (the label or type, the
count and names of its properties, each NUL-terminated) followed by its entities: a node is one value per property,
an edge the ids of its two ends (uint64: a node's id is its position among all nodes sent, from 0) and then its
values. A value is a type byte and its data; the null type stores nothing, so a node without a property simply lacks
it. All nodes are sent before the first edge, so every edge's ends exist.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from policygraph.graph.bulk_rows import BulkGraph, NodeRef

# Type bytes of the protocol (falkordb_bulk_loader.entity_file.Type).
NULL, BOOL, DOUBLE, STRING, LONG, ARRAY = 0, 1, 2, 3, 4, 5
# Bytes per command: far below redis's 512 MB argument limit, small enough to keep the client's memory flat.
MAX_COMMAND_BYTES = 32_000_000


def value_bytes(value: Any) -> bytes:
    """One property value in the protocol's encoding."""
    if value is None:
        return struct.pack("=B", NULL)
    if isinstance(value, bool):  # before int: a bool is an int in Python
        return struct.pack("=B?", BOOL, value)
    if isinstance(value, int):
        return struct.pack("=Bq", LONG, value)
    if isinstance(value, float):
        return struct.pack("=Bd", DOUBLE, value)
    if isinstance(value, str):
        return struct.pack("=B", STRING) + value.encode() + b"\0"
    if isinstance(value, list | tuple):
        return struct.pack("=Bq", ARRAY, len(value)) + b"".join(value_bytes(item) for item in value)
    raise TypeError(f"a graph property cannot hold a {type(value).__name__}")


def header_bytes(name: str, properties: list[str]) -> bytes:
    names = b"".join(p.encode() + b"\0" for p in properties)
    return name.encode() + b"\0" + struct.pack("=I", len(properties)) + names


@dataclass
class _Block:
    header: bytes
    is_edges: bool
    entities: list[bytes] = field(default_factory=list)
    size: int = 0

    def body(self) -> bytes:
        return self.header + b"".join(self.entities)


@dataclass
class _Command:
    blocks: list[_Block] = field(default_factory=list)
    size: int = 0

    def args(self) -> list[Any]:
        nodes = sum(len(b.entities) for b in self.blocks if not b.is_edges)
        edges = sum(len(b.entities) for b in self.blocks if b.is_edges)
        labels = [b.body() for b in self.blocks if not b.is_edges]
        types = [b.body() for b in self.blocks if b.is_edges]
        return [nodes, edges, len(labels), len(types), *labels, *types]


def _property_names(rows: list[dict[str, Any]], first: str | None) -> list[str]:
    names = sorted({name for row in rows for name in row} - {first})
    return [first, *names] if first else names


def _entities(graph: BulkGraph) -> Iterator[tuple[str, bool, list[str], bytes]]:
    """(label or type, is an edge, its property names, one entity's bytes), nodes first, in id order."""
    ids: dict[NodeRef, int] = {}
    for label, by_key in graph.nodes.items():
        names = _property_names(list(by_key.values()), "code" if label == "Region" else "key")
        for key, props in by_key.items():
            ids[(label, key)] = len(ids)
            yield label, False, names, b"".join(value_bytes(props.get(name)) for name in names)
    by_type: dict[str, list[Any]] = {}
    for edge in graph.edges:
        by_type.setdefault(edge.type, []).append(edge)
    for kind, edges in by_type.items():
        names = _property_names([e.properties for e in edges], None)
        for e in edges:
            ends = struct.pack("=QQ", ids[e.source], ids[e.target])
            yield kind, True, names, ends + b"".join(value_bytes(e.properties.get(name)) for name in names)


def commands(graph: BulkGraph, max_bytes: int = MAX_COMMAND_BYTES) -> Iterator[list[Any]]:
    """The argument lists of the GRAPH.BULK commands (without the command, graph name and BEGIN)."""
    command, block, current = _Command(), None, ("", False)
    for name, is_edges, names, data in _entities(graph):
        if command.size + len(data) > max_bytes and command.size:
            yield command.args()
            command, block = _Command(), None
        if block is None or current != (name, is_edges):
            block, current = _Block(header_bytes(name, names), is_edges), (name, is_edges)
            command.blocks.append(block)
            command.size += len(block.header)
        block.entities.append(data)
        command.size += len(data)
    if command.blocks:
        yield command.args()
