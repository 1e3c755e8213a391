"""The graph, or a filtered part of it, as a networkx MultiDiGraph ready for Gephi, yEd, Cytoscape or pandas.

Without filters the export is the whole graph (cypher/export_nodes and export_edges, the canonical export). With
filters (level, region — rolled up, so 甘肃 includes 临夏州 —, year range, one notice) it starts from the matching
full notices and holds: every relationship of those notices (their tasks, issuer, region, the notices they cite or
implement and those that cite or implement them), every relationship of their tasks (lead and cooperating
agencies, programmes, targets; ALIGNS_WITH only between tasks of those notices), and the PART_OF chain of their regions up to 中国 — each with both its ends.

Attribute values are scalars everywhere (lists as JSON text) so one graph serves every format, and every node and
edge with a year gets a `start`/`end` spell (YYYY-01-01 to YYYY-12-31): Gephi's timeline. A node without a year
of its own (an agency, a programme, a region) lives from the first to the last year of its relationships.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx

from policygraph.core.errors import InvalidParameter, NotFound
from policygraph.core.i18n import N_
from policygraph.core.vocabulary import LEVELS
from policygraph.graph.store import GraphStore, Row

DROPPED = {"search_text"}  # CJK bigrams for full-text search: derived, large, of no use outside the engine
# Names the writers read as their own (GEXF takes id, label, start, end, type, weight from the attributes).
RESERVED = {"id", "label", "labels", "start", "end", "type", "weight", "relationship", "viz", "pid"}
DISPLAY = {
    "Document": "key",
    "Task": "title",
    "Agency": "name",
    "Programme": "name",
    "Region": "name",
    "Target": "text",
}
Edge = tuple[str, str, str, Row]  # type, source id, target id, properties
# Control characters XML 1.0 cannot hold at all (GEXF and GraphML are XML): each becomes U+FFFD in every format.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class ExportFilter:
    """What to export; all None: the whole graph. `region` is a full path (ingest.divisions.region_prefix)."""

    level: str | None = None
    region: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    document: str | None = None

    def is_whole_graph(self) -> bool:
        return all(value is None for value in asdict(self).values())

    def check(self) -> None:
        if self.level is not None and self.level not in LEVELS:
            raise InvalidParameter("level", f"level: {self.level!r} is not one of {', '.join(LEVELS)}")
        if self.year_from is not None and self.year_to is not None and self.year_from > self.year_to:
            raise InvalidParameter(
                "year_from", f"year_from: must not be after year_to ({self.year_from} > {self.year_to})"
            )


# --- reading ------------------------------------------------------------------------------------------------------


def read_graph(store: GraphStore, selection: ExportFilter | None = None) -> nx.MultiDiGraph:
    """The export as a MultiDiGraph: node ids are natural keys (Region: its code), edges keep their type."""
    selection = selection or ExportFilter()
    selection.check()
    if selection.is_whole_graph():
        nodes = [(row["label"], row["properties"]) for row in store.run("export_nodes")]
        edges = [(row["type"], _xml_safe(str(row["source"])), _xml_safe(str(row["target"])), row["properties"])
                 for row in store.run("export_edges")]  # fmt: skip
    else:
        nodes, edges = _read_selection(store, selection)
    return build_graph(with_shares(store, nodes), edges)


def with_shares(store: GraphStore, nodes: list[tuple[str, Row]]) -> list[tuple[str, Row]]:
    """The notices' inheritance shares (cypher/export_inheritance_shares) as two more Document attributes,
    `inherited_share` and `taken_up_share`, for the notices whose parent has tasks. New dicts: a caching store hands
    out the same rows to every caller."""
    shares = {row["key"]: row for row in store.run("export_inheritance_shares")}
    found = []
    for label, props in nodes:
        share = shares.get(props.get("key")) if label == "Document" else None
        if share is not None:
            props = {**props, "inherited_share": share["inherited_share"], "taken_up_share": share["taken_up_share"]}
        found.append((label, props))
    return found


def _read_selection(store: GraphStore, selection: ExportFilter) -> tuple[list[tuple[str, Row]], list[Edge]]:
    params = asdict(selection)
    documents = [row["key"] for row in store.run("export_selected_documents", params)]
    if selection.document is not None and not documents:
        message = N_("document: no notice with the key %(key)r matches the filters")
        raise NotFound(message, parameter="document", values={"key": selection.document})
    # New lists, never `+=`: a caching store hands out the same row lists to every caller.
    rows = [*store.run("export_document_edges", {"documents": documents}),
            *store.run("export_task_edges", {"documents": documents}),
            *store.run("export_alignment_edges", {"documents": documents}),
            *store.run("export_lineage_edges", {"documents": documents})]  # fmt: skip
    codes = sorted({row["target"]["code"] for row in rows if row["type"] == "IN_REGION"})
    rows = [*rows, *store.run("export_region_edges", {"codes": codes})]
    nodes = {node_id(props): (label, props) for row in rows
             for label, props in ((row["source_label"], row["source"]), (row["target_label"], row["target"]))}  # fmt: skip
    edges = [(row["type"], node_id(row["source"]), node_id(row["target"]), row["properties"]) for row in rows]
    return list(nodes.values()), edges


def node_id(properties: Row) -> str:
    """The natural key: every label has `key` except Region, keyed by its division code."""
    return NOT_XML.sub("\ufffd", str(properties.get("key", properties.get("code"))))


# --- building -----------------------------------------------------------------------------------------------------


def build_graph(nodes: list[tuple[str, Row]], edges: list[Edge]) -> nx.MultiDiGraph:
    """Nodes and edges sorted (the same file from either engine), with scalar attributes and year spells."""
    graph = nx.MultiDiGraph(name="PolicyGraph")
    years: dict[str, int | None] = {}
    for label, props in sorted(nodes, key=lambda n: node_id(n[1])):
        identity = node_id(props)
        years[identity] = props.get("year") if isinstance(props.get("year"), int) else None
        graph.add_node(identity, labels=label, label=_display(label, props), **_scalars(props))
    seen: dict[str, list[int]] = defaultdict(list)
    for kind, source, target, props in sorted(edges, key=lambda e: (e[0], e[1], e[2], _json(e[3]))):
        year = years.get(source) or years.get(target)
        attributes = {"relationship": kind, "label": kind, **_scalars(props), **_spell(year, year)}
        graph.add_edge(source, target, **attributes)
        if year is not None:
            seen[source].append(year)
            seen[target].append(year)
    for identity, data in graph.nodes(data=True):
        own = years.get(identity)
        span = [own] if own is not None else seen.get(identity, [])
        data.update(_spell(min(span), max(span)) if span else {})
    _one_type_per_attribute([data for _, data in graph.nodes(data=True)])
    _one_type_per_attribute([data for _, _, data in graph.edges(data=True)])
    return graph


def _one_type_per_attribute(items: list[dict[str, Any]]) -> None:
    """An attribute whose values differ in type (a target's value: 90.0 or '2024-12') becomes text everywhere:
    GEXF and GraphML declare one type per attribute."""
    types: dict[str, set[type]] = defaultdict(set)
    for data in items:
        for name, value in data.items():
            types[name].add(type(value))
    mixed = {name for name, kinds in types.items() if len(kinds) > 1}
    for data in items:
        for name in mixed & data.keys():
            data[name] = _json(data[name]) if not isinstance(data[name], str) else data[name]


def _display(label: str, props: Row) -> str:
    value = props.get(DISPLAY.get(label, "key"))
    return NOT_XML.sub("\ufffd", str(value)) if value is not None else node_id(props)


def _scalars(props: Row) -> dict[str, Any]:
    """Properties every format can hold: no nulls, lists and maps as JSON text, no name a writer reserves."""
    out: dict[str, Any] = {}
    for name, value in props.items():
        if value is None or name in DROPPED:
            continue
        key = f"property_{name}" if name in RESERVED else name
        out[key] = _xml_safe(value if isinstance(value, str | int | float | bool) else _json(value))
    return out


def _xml_safe(value: Any) -> Any:
    return NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _spell(first: int | None, last: int | None) -> dict[str, str]:
    if first is None or last is None:
        return {}
    return {"start": f"{first:04d}-01-01", "end": f"{last:04d}-12-31"}
