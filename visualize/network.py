"""The API's subgraph JSON (GET /subgraph) → a pyvis Network with positions, styles and tooltips → the data the
explorer's template embeds.

Tooltips are in the current language (core/i18n.py) and plain text (vis-network 9 shows a string title with innerText, never as HTML); labels are cut to
`LABEL_CHARS` characters, the whole label goes in the tooltip. Every node carries the page it opens (`page`) and,
for notices, agencies and programmes, what to ask /subgraph when it is expanded (`expand`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pyvis.edge import Edge
from pyvis.network import Network

from policygraph.core.i18n import gettext as _
from policygraph.core.terms import say, term
from policygraph.visualize import layout, style, urls

Json = dict[str, Any]
Layout = Literal["layered", "radial"]
LABEL_CHARS = 18
ROLE_TYPES = ("LEADS", "COOPERATES_ON")


def short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def node_tooltip(node: Mapping[str, Any]) -> str:
    kind = node.get("kind")
    lines = [str(node.get("label") or node["id"])]
    title = node.get("title")
    if title and title != lines[0]:
        lines.append(str(title))
    if kind == "Document":
        level = node.get("level")
        lines.append(_(style.LEVEL_NOTICES[level]) if level in style.LEVEL_NOTICES else _("unknown level notice"))
        if node.get("stub"):
            lines.append(_("stub: known only as cited, or from the national registry (no tasks loaded)"))
        if node.get("task_count") is not None:
            lines.append(_("%(n)s tasks", n=node["task_count"]))
    elif kind == "Agency":
        lines.append(", ".join(term(v) for v in (node.get("kind_detail"), node.get("level")) if v))
        if node.get("task_count") is not None:
            lines.append(_("leads or cooperates on %(n)s tasks", n=node["task_count"]))
    elif kind == "Programme" and node.get("task_count") is not None:
        lines.append(_("programme mentioned by %(n)s tasks", n=node["task_count"]))
    elif kind == "Task":
        lines.append(_("task"))
    return "\n".join(lines)


def type_label(edge: Mapping[str, Any]) -> str:
    """The edge's type as the legend says it, in the current language (the code when the legend has no entry)."""
    known = style.EDGE_STYLES.get(str(edge["type"]))
    return _(known.label) if known else str(edge["type"])


def edge_tooltip(edge: Mapping[str, Any]) -> str:
    """What the edge is, how it was read, and the text it was read from (the provenance quote)."""
    how = edge.get("basis") or edge.get("relation")
    lines = [type_label(edge) + (f" ({term(how)})" if how else "")]
    if edge.get("quote"):
        lines.append(f"“{edge['quote']}”")
    if edge.get("reason"):
        lines.append(say(str(edge["reason"])))
    return "\n".join(lines)


def edge_id(edge: Mapping[str, Any]) -> str:
    return f"{edge['type']}|{edge['source']}|{edge['target']}"


def positions_for(subgraph: Mapping[str, Any], how: Layout) -> layout.Positions:
    nodes, edges = subgraph["nodes"], subgraph["edges"]
    if how == "layered":
        return layout.layered(nodes, edges)
    return layout.radial(nodes, edges)


def build(subgraph: Mapping[str, Any], how: Layout = "radial", *, links: bool = True) -> Network:
    """A pyvis Network of the subgraph, every node placed (physics off). `links`: nodes carry the page they open."""
    net = Network(directed=True)
    positions = positions_for(subgraph, how)
    for node in subgraph["nodes"]:
        x, y = positions[node["id"]]
        kind = str(node["kind"])
        extra: Json = {"kind": kind, "level": node.get("level"), "hop": node.get("hop"),
                       "full_label": str(node.get("label") or node["id"]), "x": x, "y": y,
                       "page": urls.page_of(kind, node["id"]) if links else None,
                       "expand": urls.SUBGRAPH_KIND.get(kind) if links else None}  # fmt: skip
        visuals = style.node_visuals(node)
        net.add_node(node["id"], label=short(extra["full_label"]), title=node_tooltip(node), **visuals, **extra)
    known, seen = set(net.node_ids), set()
    for edge in subgraph["edges"]:
        if edge_id(edge) in seen or edge["source"] not in known or edge["target"] not in known:
            continue
        seen.add(edge_id(edge))
        # pyvis's add_edge checks both ends by a scan of its node list (5,000 edges × 2,000 nodes: 0.4 s): the same
        # Edge, appended after a set lookup.
        options = {"id": edge_id(edge), "type": edge["type"], "type_label": type_label(edge), "inferred": style.is_inferred(edge),
                   "title": edge_tooltip(edge), **style.edge_visuals(edge)}  # fmt: skip
        net.edges.append(Edge(edge["source"], edge["target"], net.directed, **options).options)
    return net


def payload(net: Network, *, centre: str | None, truncated: bool = False, graph_url: str | None = None) -> Json:
    """What the page embeds: nodes, edges, vis options, the centre, the edge types present, where to expand."""
    nodes: list[Json] = net.nodes
    edges: list[Json] = net.edges
    present = {edge["type"] for edge in edges}
    return {
        "nodes": nodes,
        "edges": edges,
        "options": style.OPTIONS,
        "centre": centre,
        "truncated": truncated,
        "edge_types": [t for t in style.EDGE_STYLES if t in present],
        "graph_url": graph_url,
    }


def graph_payload(subgraph: Mapping[str, Any], how: Layout = "radial", *, links: bool = True,
                  graph_url: str | None = None) -> Json:  # fmt: skip
    """Subgraph JSON → the embedded data, in one call."""
    centre = subgraph["nodes"][0]["id"] if subgraph["nodes"] else None
    net = build(subgraph, how, links=links)
    return payload(net, centre=centre, truncated=bool(subgraph.get("truncated")), graph_url=graph_url)
