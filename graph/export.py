"""A canonical export of the whole graph: sorted, engine-independent, so two graphs can be compared exactly."""

from __future__ import annotations

import json
from typing import Any

from policygraph.graph.store import GraphStore


def _canonical(rows: list[dict[str, Any]]) -> list[str]:
    # JSON with sorted keys makes every row comparable; floats and ints print the same on both engines.
    return sorted(json.dumps(row, ensure_ascii=False, sort_keys=True) for row in rows)


def canonical_export(store: GraphStore) -> dict[str, list[str]]:
    """{"nodes": [...], "edges": [...]}, each a sorted list of JSON lines."""
    return {"nodes": _canonical(store.run("export_nodes")), "edges": _canonical(store.run("export_edges"))}
