"""Writing an export graph (analysis/exports.py) as GEXF, GraphML, CSV node and edge lists, or node-link JSON.

Every writer returns bytes, so the CLI writes them to a file and the API sends them as they are.
- GEXF 1.2 (Gephi): dynamic mode with `timeformat="date"`: each node and edge carries its start/end spell.
- GraphML (yEd, Cytoscape, networkx): typed scalar attributes.
- CSV: nodes.csv (id, labels, label, start, end, then every property) and edges.csv (source, target, type, start,
  end, then every property), UTF-8; as a zip of both, or written into a directory.
- JSON: networkx node-link ({"nodes": [...], "edges": [...]}), readable with `nx.node_link_graph(data, edges="edges")`.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import networkx as nx

FORMATS = ("gexf", "graphml", "csv", "json")
MEDIA_TYPES = {
    "gexf": "application/gexf+xml",
    "graphml": "application/graphml+xml",
    "csv": "application/zip",
    "json": "application/json",
}
EXTENSIONS = {"gexf": "gexf", "graphml": "graphml", "csv": "zip", "json": "json"}
NODE_COLUMNS = ["id", "labels", "label", "start", "end"]
EDGE_COLUMNS = ["source", "target", "type", "start", "end"]


def to_gexf(graph: nx.MultiDiGraph) -> bytes:
    out = io.BytesIO()
    nx.write_gexf(graph, out, encoding="utf-8", prettyprint=False, version="1.2draft")
    return out.getvalue()


def to_graphml(graph: nx.MultiDiGraph) -> bytes:
    out = io.BytesIO()
    # Numeric attributes that are ints on some nodes and floats on others get one type (double), not two keys.
    nx.write_graphml(graph, out, encoding="utf-8", prettyprint=False, infer_numeric_types=True)
    return out.getvalue()


def to_json(graph: nx.MultiDiGraph) -> bytes:
    data = nx.node_link_data(graph, edges="edges")
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def csv_tables(graph: nx.MultiDiGraph) -> dict[str, str]:
    """{"nodes.csv": text, "edges.csv": text}."""
    nodes = [{"id": node, **data} for node, data in graph.nodes(data=True)]
    edges = [{"source": u, "target": v, "type": data.get("relationship"), **data}
             for u, v, data in graph.edges(data=True)]  # fmt: skip
    # In the edge list the relationship type is the `type` column; `label` repeats it (for Gephi) and is left out.
    return {
        "nodes.csv": _table(nodes, NODE_COLUMNS, skip=set()),
        "edges.csv": _table(edges, EDGE_COLUMNS, skip={"relationship", "label"}),
    }


def _table(rows: list[dict[str, Any]], first: list[str], skip: set[str]) -> str:
    rest = sorted({key for row in rows for key in row} - set(first) - skip)
    out = io.StringIO()
    writer = csv.DictWriter(out, [*first, *rest], extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return out.getvalue()


def _cell(value: Any) -> Any:
    return ("true" if value else "false") if isinstance(value, bool) else value


def to_csv_zip(graph: nx.MultiDiGraph) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in csv_tables(graph).items():
            archive.writestr(name, text.encode("utf-8"))
    return out.getvalue()


def write_csv_directory(graph: nx.MultiDiGraph, directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in csv_tables(graph).items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


WRITERS = {"gexf": to_gexf, "graphml": to_graphml, "csv": to_csv_zip, "json": to_json}


def export_bytes(graph: nx.MultiDiGraph, fmt: str) -> bytes:
    """The file for one format (csv: a zip of nodes.csv and edges.csv)."""
    return WRITERS[fmt](graph)
