"""A canonical export of the whole graph: sorted, engine-independent, so two graphs can be compared exactly."""

from __future__ import annotations

import json
from typing import Any

from policygraph.graph import ranks
from policygraph.graph.store import GraphStore

LISTS = ("keys", "names", "counts")  # a Ranking row's list of entries, in ranking order


def _canonical(rows: list[dict[str, Any]]) -> list[str]:
    # JSON with sorted keys makes every row comparable; floats and ints print the same on both engines.
    return sorted(json.dumps(row, ensure_ascii=False, sort_keys=True) for row in rows)


def _ranking_head(row: dict[str, Any]) -> dict[str, Any]:
    """A kept ranking as far as every kept list goes: a list kept in place may have lost entries off its end where a
    rebuilt one has not (graph/ranks.py), but both hold the ranking's first KEEP // 2 entries (or all it has)."""
    if row["label"] != "Ranking" or "keys" not in row["properties"]:
        return row
    head = {name: row["properties"][name][: ranks.KEEP // 2] for name in LISTS}
    return {**row, "properties": {**row["properties"], **head}}


def canonical_export(store: GraphStore) -> dict[str, list[str]]:
    """{"nodes": [...], "edges": [...]}, each a sorted list of JSON lines."""
    nodes = [_ranking_head(row) for row in store.run("export_nodes")]
    return {"nodes": _canonical(nodes), "edges": _canonical(store.run("export_edges"))}
