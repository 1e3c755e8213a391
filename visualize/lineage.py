"""Overlay a notice's lineage (GET /documents/{key}/lineage) on its subgraph (GET /subgraph?kind=document).

The chain up to the national notice is always drawn, even when the subgraph's `limit` cut some of it, and every tier
the chain skips gets a placeholder node ("no 2021 notice of 安徽省宿州市") on a dotted path from the child to its parent,
so a missing tier is visible where it should be.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from policygraph.core.i18n import gettext as _
from policygraph.core.terms import term

Json = dict[str, Any]


def missing_id(gap: Mapping[str, Any]) -> str:
    return f"missing|{gap['level']}|{gap.get('region') or ''}|{gap.get('year') or ''}"


def _chain_node(hop: Mapping[str, Any], distance: int) -> Json:
    return {"id": hop["key"], "kind": "Document", "label": hop.get("doc_no") or hop.get("title") or hop["key"],
            "hop": distance, "level": hop.get("level"), "stub": hop.get("stub"), "kind_detail": None,
            "task_count": None, "title": hop.get("title")}  # fmt: skip


def _missing_node(gap: Mapping[str, Any]) -> Json:
    where = gap.get("region") or _("the %(level)s tier", level=term(gap["level"]))
    year = gap.get("year") or ""
    label = _("no %(year)s notice of %(where)s", year=year, where=where).replace("  ", " ")
    title = _("Missing tier (%(level)s): the graph holds no %(year)s notice of %(where)s, not even a stub.",
              level=term(gap["level"]), year=year, where=where)  # fmt: skip
    return {"id": missing_id(gap), "kind": "Missing", "label": label, "hop": None, "level": gap["level"],
            "stub": None, "kind_detail": None, "task_count": None, "title": title}  # fmt: skip


def _edge(source: str, target: str, type_: str, relation: str | None = None, reason: str | None = None) -> Json:
    return {"source": source, "target": target, "type": type_, "relation": relation, "basis": None, "quote": None,
            "reason": reason}  # fmt: skip


def with_lineage(subgraph: Mapping[str, Any], lineage: Mapping[str, Any]) -> Json:
    """The subgraph plus the chain's notices and IMPLEMENTS edges it lacks, and the missing tiers."""
    nodes: list[Json] = [dict(node) for node in subgraph["nodes"]]
    edges: list[Json] = [dict(edge) for edge in subgraph["edges"]]
    present = {node["id"] for node in nodes}
    implements = {(e["source"], e["target"]) for e in edges if e["type"] == "IMPLEMENTS"}
    child = lineage["key"]
    for distance, hop in enumerate(lineage["hops"], start=1):
        if hop["key"] not in present:
            nodes.append(_chain_node(hop, distance))
            present.add(hop["key"])
        if (child, hop["key"]) not in implements:
            edges.append(_edge(child, hop["key"], "IMPLEMENTS", hop.get("relation"), hop.get("reason")))
        step = child
        for gap in (g for g in lineage["missing_tiers"] if g["below"] == child):
            if missing_id(gap) not in present:
                nodes.append(_missing_node(gap))
                present.add(missing_id(gap))
            edges.append(_edge(step, missing_id(gap), "MISSING_TIER"))
            step = missing_id(gap)
        if step != child:
            edges.append(_edge(step, hop["key"], "MISSING_TIER"))
        child = hop["key"]
    return {**subgraph, "nodes": nodes, "edges": edges}
