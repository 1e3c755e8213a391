"""A computed graph (graph/bulk_rows.py) → FalkorDB's GRAPH.BULK commands, which build a new graph in one pass.

The binary protocol is the one the `falkordb-bulk-loader` package (1.2.0) speaks, written here from Python values
instead of through CSV files: that package reads every array element back from text and guesses its type (the
string "1" in a list becomes the integer 1), and pulls click and pathos in. Here every value keeps its Python type.

A command is `GRAPH.BULK <graph> [BEGIN] <nodes> <edges> <label blocks> <type blocks> <block>…`; the first one
carries BEGIN, and the server refuses it when the graph's key exists. A block is a header (the label or type, the
count and names of its properties, each NUL-terminated) followed by its entities: a node is one value per property,
an edge the ids of its two ends (uint64: a node's id is its position among all nodes sent, from 0) and then its
values. A value is a type byte and its data; the null type stores nothing, so a node without a property simply lacks
it. The server creates a command's nodes before its edges, and the stream (graph/bulk_rows.py) puts every edge after
its ends, so the graph is sent as it is computed, one command at a time: memory stays flat however big the load.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from policygraph.graph.bulk_items import OWNED_LABELS, PROPERTIES, Edge, Item, Node, NodeRef, RowEnd

# Type bytes of the protocol (falkordb_bulk_loader.entity_file.Type).
NULL, BOOL, DOUBLE, STRING, LONG, ARRAY = 0, 1, 2, 3, 4, 5
# Bytes per command: far below redis's 512 MB argument limit, small enough to keep the client's memory flat.
MAX_COMMAND_BYTES = 32_000_000


_NULL = struct.pack("=B", NULL)
_STRING = struct.pack("=B", STRING)


def value_bytes(value: Any) -> bytes:
    """One property value in the protocol's encoding. Exact type tests, texts first: this runs for every value."""
    kind = type(value)
    if kind is str:
        encoded: bytes = value.encode()
        return _STRING + encoded + b"\0"
    if value is None:
        return _NULL
    if kind is bool:  # before int: a bool is an int in Python
        return struct.pack("=B?", BOOL, value)
    if kind is int:
        return struct.pack("=Bq", LONG, value)
    if kind is float:
        return struct.pack("=Bd", DOUBLE, value)
    if kind is list or kind is tuple:
        return struct.pack("=Bq", ARRAY, len(value)) + b"".join([value_bytes(item) for item in value])
    raise TypeError(f"a graph property cannot hold a {kind.__name__}")


@cache
def header_bytes(name: str) -> bytes:
    """A block's header: the label or type, then its properties (PROPERTIES), each NUL-terminated."""
    properties = PROPERTIES[name]
    names = b"".join(p.encode() + b"\0" for p in properties)
    return name.encode() + b"\0" + struct.pack("=I", len(properties)) + names


class _Command:
    """One GRAPH.BULK command being filled. The server creates its nodes block by block (one block per label, in
    the order the blocks first appear), so a node's id is known only when the command is complete: edges are kept
    as items until then, and packed with their ends' ids in `args`."""

    def __init__(self) -> None:
        self.nodes: dict[str, list[bytes]] = {}
        self.refs: dict[str, list[NodeRef]] = {}
        self.edges: list[tuple[Edge, bytes]] = []  # each with its packed properties
        self.size = 0

    def add_node(self, node: Node) -> None:
        if node.label not in self.nodes:
            self.nodes[node.label] = [header_bytes(node.label)]
            self.refs[node.label] = []
        data = _properties(node, node.label)
        self.nodes[node.label].append(data)
        self.refs[node.label].append((node.label, node.key))
        self.size += len(data)

    def add_edge(self, edge: Edge) -> None:
        data = _properties(edge, edge.type)
        self.edges.append((edge, data))
        self.size += 16 + len(data)

    def args(self, ids: _Ids) -> list[Any]:
        for refs in self.refs.values():  # ids in the server's order: block by block
            for ref in refs:
                ids.assign(ref)
        types: dict[str, list[bytes]] = {}
        pack = struct.Struct("=QQ").pack
        for edge, data in self.edges:
            if edge.type not in types:
                types[edge.type] = [header_bytes(edge.type)]
            types[edge.type].append(pack(ids[edge.source], ids[edge.target]) + data)
        labels = [b"".join(block) for block in self.nodes.values()]
        nodes = sum(len(refs) for refs in self.refs.values())
        return [nodes, len(self.edges), len(labels), len(types), *labels, *(b"".join(b) for b in types.values())]

    @property
    def empty(self) -> bool:
        return not self.refs and not self.edges


class _Ids:
    """Node ids: the shared nodes' for the whole load, the tasks' and targets' only until their notice's edges are
    sent (so memory does not grow with the load)."""

    def __init__(self) -> None:
        self.shared: dict[NodeRef, int] = {}
        self.owned: dict[NodeRef, int] = {}
        self.count = 0
        self.row: list[NodeRef] = []  # the owned nodes of the notice being read
        self.finished: list[NodeRef] = []  # those of notices read whole, forgotten after the next command

    def assign(self, ref: NodeRef) -> None:
        (self.owned if ref[0] in OWNED_LABELS else self.shared)[ref] = self.count
        self.count += 1

    def __getitem__(self, ref: NodeRef) -> int:
        return self.shared[ref] if ref in self.shared else self.owned[ref]

    def sent(self) -> None:
        for ref in self.finished:
            del self.owned[ref]
        self.finished.clear()


def _properties(item: Node | Edge, name: str) -> bytes:
    get = item.properties.get
    return b"".join([value_bytes(get(p)) for p in PROPERTIES[name]])


def commands(items: Iterable[Item], max_bytes: int = MAX_COMMAND_BYTES) -> Iterator[list[Any]]:
    """The argument lists of the GRAPH.BULK commands (without the command, graph name and BEGIN) for a stream in
    which every edge comes after its ends."""
    ids = _Ids()
    command = _Command()
    for item in items:
        if isinstance(item, RowEnd):
            ids.finished.extend(ids.row)
            ids.row.clear()
            continue
        if isinstance(item, Node):
            command.add_node(item)
            if item.label in OWNED_LABELS:
                ids.row.append((item.label, item.key))
        else:
            command.add_edge(item)
        if command.size >= max_bytes:
            yield command.args(ids)
            ids.sent()
            command = _Command()
    if not command.empty:
        yield command.args(ids)
