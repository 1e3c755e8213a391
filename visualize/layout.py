"""Node positions computed in Python, so the browser draws once with physics off (2,000 nodes in about a second,
against minutes of vis-network's own stabilisation).

- `layered`: the lineage view. One row per tier, national at the top, then provincial, prefectural, county; tasks
  below their notices, agencies below the tasks, programmes last. Within a row a node sits near the mean position of
  its neighbours in the rows above (one barycentric sweep); long rows wrap, so the drawing stays about as tall as it is wide.
- `radial`: the neighbourhood views (agency, programme, an expanded node): the centre in the middle, one ring per hop
  from it; a node's angle follows the mean angle of its neighbours on the inner rings. A ring too crowded for
  `NODE_GAP` pixels per node is split into staggered lanes.

Both are plain Python and linear in the graph (plus a sort per row or ring): 2,000 nodes take milliseconds.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

from policygraph.core.vocabulary import TIER_NUMBER

Positions = dict[str, tuple[float, float]]
Node = Mapping[str, Any]
Edge = Mapping[str, Any]

LEVEL_ROWS = TIER_NUMBER  # one row per tier, national at the top
KIND_ROWS = {"Task": 5, "Agency": 6, "Programme": 7, "Region": 8}
OTHER_DOCUMENT_ROW = 4  # department notices and notices of unknown level
X_GAP, ROW_GAP, WRAP_GAP, STAGGER = 120.0, 170.0, 70.0, 26.0
MIN_LINE = 8  # a row wraps after max(MIN_LINE, 1.5·√n) nodes, so the drawing stays roughly as tall as wide
RING_GAP, NODE_GAP, LANE_GAP = 230.0, 100.0, 70.0


def row_of(node: Node) -> int:
    if node.get("kind") in ("Document", "Missing"):
        return LEVEL_ROWS.get(str(node.get("level")), OTHER_DOCUMENT_ROW)
    return KIND_ROWS.get(str(node.get("kind")), max(KIND_ROWS.values()) + 1)


def neighbours(edges: Sequence[Edge]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for edge in edges:
        found[edge["source"]].append(edge["target"])
        found[edge["target"]].append(edge["source"])
    return found


def _barycentre(
    node_id: str, near: dict[str, list[str]], placed: Positions, order: dict[str, int]
) -> tuple[float, int]:
    """Mean x of the neighbours already placed (rows above); the given order breaks ties and places the rest."""
    xs = [placed[n][0] for n in near.get(node_id, []) if n in placed]
    return (sum(xs) / len(xs) if xs else math.inf, order[node_id])


def layered(nodes: Sequence[Node], edges: Sequence[Edge]) -> Positions:
    rows: dict[int, list[str]] = defaultdict(list)
    for node in nodes:
        rows[row_of(node)].append(node["id"])
    near = neighbours(edges)
    width = max(MIN_LINE, math.ceil(1.5 * math.sqrt(len(nodes))))
    positions: Positions = {}
    y = 0.0
    for _, ids in sorted(rows.items()):
        order = {node_id: i for i, node_id in enumerate(ids)}
        ids = sorted(ids, key=partial(_barycentre, near=near, placed=positions, order=order))
        lines = [ids[i : i + width] for i in range(0, len(ids), width)]
        for line in lines:
            stagger = STAGGER if len(line) > 6 else 0.0
            for i, node_id in enumerate(line):
                positions[node_id] = ((i - (len(line) - 1) / 2) * X_GAP, y + (i % 2) * stagger)
            y += WRAP_GAP
        y += ROW_GAP - WRAP_GAP
    return positions


def hops_from(centre: str, ids: Sequence[str], edges: Sequence[Edge]) -> dict[str, int]:
    """Breadth-first distance from the centre over edges in both directions; unreachable nodes one ring further out."""
    near = neighbours(edges)
    distance = {centre: 0}
    frontier = [centre]
    while frontier:
        following = []
        for node_id in frontier:
            for other in near.get(node_id, []):
                if other not in distance:
                    distance[other] = distance[node_id] + 1
                    following.append(other)
        frontier = following
    outer = max(distance.values()) + 1
    return {node_id: distance.get(node_id, outer) for node_id in ids}


def _mean_angle(angles: list[float]) -> float:
    if not angles:
        return math.inf
    return math.atan2(sum(math.sin(a) for a in angles), sum(math.cos(a) for a in angles))


def spread(desired: list[float], gap: float) -> list[float]:
    """Angles as near the desired ones (sorted) as a minimum gap allows; evenly spaced when the ring is full."""
    n = len(desired)
    if n * gap >= 2 * math.pi:
        return [desired[0] + 2 * math.pi * i / n for i in range(n)]
    thetas = [desired[0]]
    for wanted in desired[1:]:
        thetas.append(max(wanted, thetas[-1] + gap))
    shift = sum(t - d for t, d in zip(thetas, desired, strict=True)) / n
    thetas = [t - shift for t in thetas]
    if thetas[-1] - thetas[0] > 2 * math.pi - gap:
        return [thetas[0] + 2 * math.pi * i / n for i in range(n)]
    return thetas


def radial(nodes: Sequence[Node], edges: Sequence[Edge]) -> Positions:
    ids = [node["id"] for node in nodes]
    if not ids:
        return {}
    hops = hops_from(ids[0], ids, edges)
    near = neighbours(edges)
    angle: dict[str, float] = {}
    positions: Positions = {ids[0]: (0.0, 0.0)}
    radius = 0.0
    for hop in sorted(set(hops.values()) - {0}):
        ring = [node_id for node_id in ids if hops[node_id] == hop]
        wanted = {node_id: _mean_angle([angle[n] for n in near.get(node_id, []) if n in angle]) for node_id in ring}
        for i, node_id in enumerate(ring):  # no neighbour inside: evenly, in the order given (nearest first)
            if math.isinf(wanted[node_id]):
                wanted[node_id] = -math.pi + 2 * math.pi * i / len(ring)
        ring.sort(key=lambda node_id: wanted[node_id])
        radius += RING_GAP
        lanes = max(1, math.ceil(len(ring) * NODE_GAP / (2 * math.pi * radius)))
        thetas = spread([wanted[node_id] for node_id in ring], NODE_GAP / radius)
        for i, (node_id, theta) in enumerate(zip(ring, thetas, strict=True)):
            r = radius + (i % lanes) * LANE_GAP
            angle[node_id] = theta
            positions[node_id] = (round(r * math.cos(theta), 1), round(r * math.sin(theta), 1))
        radius += (lanes - 1) * LANE_GAP
    return positions
