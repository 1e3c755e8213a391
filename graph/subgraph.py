"""The neighbourhood of a notice, an agency or a programme as nodes and edges: what the graph views draw.

Bounded twice: in depth (at most 3 hops from the centre, every variable-length pattern has an upper bound) and in
size (at most `limit` nodes, nearest first; `truncated` says there is more, so a caller can ask again with a larger
limit). The nodes come from `cypher/subgraph_<kind>.cypher`, the edges among them from `cypher/subgraph_edges.cypher`.
"""

from __future__ import annotations

from typing import Any, Literal

from policygraph.core.errors import NotFound
from policygraph.core.i18n import N_
from policygraph.graph.store import GraphStore, Row

Kind = Literal["document", "agency", "programme"]
KINDS: tuple[Kind, ...] = ("document", "agency", "programme")
MAX_LIMIT = 2000
MISSING = {"document": N_("no notice has the key %(key)r"), "agency": N_("no agency has the key %(key)r"),
           "programme": N_("no programme has the key %(key)r")}  # fmt: skip
NODE_FIELDS = ("id", "kind", "label", "hop", "level", "stub", "kind_detail", "task_count", "title")
EDGE_FIELDS = ("source", "target", "type", "relation", "basis", "quote", "reason")
EDGE_ORDER = {
    name: i for i, name in enumerate(("IMPLEMENTS", "CITES", "HAS_TASK", "LEADS", "COOPERATES_ON", "MENTIONS"))
}


def label(row: Row) -> str:
    """A short name to show: a notice's 文号 (else its title), a task's number and title, an agency's or programme's
    name; the key when there is nothing better."""
    if row["kind"] == "Document":
        return str(row["doc_no"] or row["title"] or row["id"])
    if row["kind"] == "Task":
        text = f"{row['number'] or ''}{row['title'] or ''}"
        return text or str(row["id"])
    return str(row["name"] or row["id"])


def node(row: Row) -> dict[str, Any]:
    with_label = {**row, "label": label(row)}
    return {name: with_label[name] for name in NODE_FIELDS}


def subgraph(store: GraphStore, kind: str, key: str, depth: int, limit: int, timeout: float | None = None) -> Row:
    """The nodes within `depth` hops of the centre (nearest first, at most `limit`), every edge among them, and
    whether more nodes were within reach. NotFound when no node of that kind has the key."""
    rows = store.run(f"subgraph_{kind}", {"key": key, "depth": depth, "limit": limit + 1}, timeout=timeout)
    if not rows:
        raise NotFound(MISSING[kind], values={"key": key})
    nodes = [node(row) for row in rows[:limit]]
    among = {
        "tasks": [n["id"] for n in nodes if n["kind"] == "Task"],
        "documents": [n["id"] for n in nodes if n["kind"] == "Document"],
        "keys": [n["id"] for n in nodes],
    }
    edges = [{name: e[name] for name in EDGE_FIELDS} for e in store.run("subgraph_edges", among, timeout=timeout)]
    edges.sort(key=lambda e: (EDGE_ORDER[e["type"]], e["source"], e["target"]))
    return {"nodes": nodes, "edges": edges, "truncated": len(rows) > limit}
