"""The explorer's visual vocabulary: one colour and shape per kind of node, one line style per type of edge.

Documents are coloured by level (national → county, from red to green), agencies by kind, stubs drawn hollow with a
dashed border. An edge is dashed when it was inferred rather than printed: an IMPLEMENTS edge derived from the tiers
(`relation: inferred`), or a role read from a standing clause elsewhere in the notice (`basis: standing_clause`).
The legend is built from these same tables, so it cannot drift from the drawing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from policygraph.core.i18n import N_

LEVEL_COLOURS = {
    "national": "#b71c1c",
    "provincial": "#e65100",
    "prefectural": "#c79100",
    "county": "#2e7d32",
    "department": "#6a1b9a",
}
AGENCY_COLOURS = {
    "agency": "#1565c0",
    "collective": "#00838f",
    "party organ": "#ad1457",
    "vertically managed": "#4527a0",
}
UNKNOWN_COLOUR = "#757575"
TASK_COLOUR = "#90a4ae"
PROGRAMME_COLOUR = "#ffb300"
REGION_COLOUR = "#8d6e63"
MISSING_COLOUR = "#9e9e9e"

# vis-network shape per node kind, and the glyph the legend shows for it.
SHAPES = {"Document": "square", "Task": "dot", "Agency": "diamond", "Programme": "star", "Region": "hexagon",
          "Missing": "square"}  # fmt: skip
GLYPHS = {"square": "■", "dot": "●", "diamond": "◆", "star": "★", "hexagon": "⬢"}


@dataclass(frozen=True)
class EdgeStyle:
    label: str
    colour: str
    width: float
    arrow: bool


EDGE_STYLES = {
    "IMPLEMENTS": EdgeStyle(N_("implements (lineage)"), "#b71c1c", 3.0, True),
    "CITES": EdgeStyle(N_("cites"), "#616161", 1.5, True),
    "HAS_TASK": EdgeStyle(N_("has task"), "#cfd8dc", 1.0, False),
    "LEADS": EdgeStyle(N_("leads (牵头)"), "#1565c0", 2.5, True),
    "COOPERATES_ON": EdgeStyle(N_("cooperates on (配合)"), "#64b5f6", 1.0, True),
    "MENTIONS": EdgeStyle(N_("mentions programme"), "#ffb300", 1.0, True),
    "MISSING_TIER": EdgeStyle(N_("skips a tier with no notice"), MISSING_COLOUR, 1.0, False),
}
INFERRED_BASES = frozenset({"standing_clause"})
DASHES = [6, 4]


def is_inferred(edge: Mapping[str, Any]) -> bool:
    """Drawn dashed: derived by PolicyGraph rather than printed next to the task or cited as a basis."""
    return (
        edge.get("relation") == "inferred" or edge.get("basis") in INFERRED_BASES or edge.get("type") == "MISSING_TIER"
    )


def node_colour(node: Mapping[str, Any]) -> str:
    kind = node.get("kind")
    if kind == "Document":
        return LEVEL_COLOURS.get(str(node.get("level")), UNKNOWN_COLOUR)
    if kind == "Agency":
        return AGENCY_COLOURS.get(str(node.get("kind_detail")), AGENCY_COLOURS["agency"])
    return {"Task": TASK_COLOUR, "Programme": PROGRAMME_COLOUR, "Region": REGION_COLOUR}.get(str(kind), MISSING_COLOUR)


def node_size(node: Mapping[str, Any]) -> float:
    """Grows with the task count (a notice's tasks, an agency's roles, a programme's mentions); tasks stay small."""
    if node.get("kind") == "Task":
        return 7.0
    count = node.get("task_count") or 0
    return round(min(40.0, 12.0 + 3.0 * math.sqrt(count)), 1)


def node_visuals(node: Mapping[str, Any]) -> dict[str, Any]:
    """The vis-network attributes that depend only on the node's kind and properties."""
    kind = str(node.get("kind"))
    colour = node_colour(node)
    hollow = bool(node.get("stub")) or kind == "Missing"
    visuals: dict[str, Any] = {
        "shape": SHAPES.get(kind, "dot"),
        "size": node_size(node),
        "color": {"background": "#ffffff" if hollow else colour, "border": colour,
                  "highlight": {"background": colour, "border": "#212121"}},
        "borderWidth": 2 if hollow else 1,
    }  # fmt: skip
    if hollow:
        visuals["shapeProperties"] = {"borderDashes": [4, 3]}
        visuals["font"] = {"color": "#616161"}
    return visuals


def edge_visuals(edge: Mapping[str, Any]) -> dict[str, Any]:
    style = EDGE_STYLES.get(str(edge.get("type")), EDGE_STYLES["CITES"])
    return {
        "color": {"color": style.colour, "highlight": "#212121", "hover": "#212121"},
        "width": style.width,
        "dashes": DASHES if is_inferred(edge) else False,
        "arrows": {"to": {"enabled": style.arrow, "scaleFactor": 0.6}},
    }


# vis-network options: positions always come from Python (visualize/layout.py), so physics stays off and the first
# drawing is the final one, whatever the size.
OPTIONS: dict[str, Any] = {
    "autoResize": True,
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False},
    "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True, "navigationButtons": False,
                    "keyboard": False, "multiselect": False},
    "nodes": {"font": {"size": 13, "face": "Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif"},
              "scaling": {"label": {"drawThreshold": 6}}},
    "edges": {"smooth": False, "selectionWidth": 1.5},
}  # fmt: skip


# The legend's labels are catalogue messages (core/i18n.py), translated where the legend is drawn.
LEVEL_NOTICES = {"national": N_("national notice"), "provincial": N_("provincial notice"),
                 "prefectural": N_("prefectural notice"), "county": N_("county notice"),
                 "department": N_("department notice")}  # fmt: skip


@dataclass(frozen=True)
class LegendEntry:
    """One line of the legend: a glyph (node) or a line (edge) in a colour."""

    label: str
    colour: str
    glyph: str | None = None
    line: str | None = None  # "solid" or "dashed"
    edge_type: str | None = None  # set for edge entries: the legend doubles as the on/off switch


def legend() -> dict[str, list[LegendEntry]]:
    """The legend in sections: notices by level, other nodes, agencies by kind, edges by type."""
    square, dot = GLYPHS["square"], GLYPHS["dot"]
    notices = [LegendEntry(LEVEL_NOTICES[level], colour, square) for level, colour in LEVEL_COLOURS.items()]
    notices.append(LegendEntry(N_("stub (only cited, or from the national registry)"), UNKNOWN_COLOUR, "□"))
    notices.append(LegendEntry(N_("missing tier (no notice at all)"), MISSING_COLOUR, "⬚"))
    others = [
        LegendEntry(N_("task"), TASK_COLOUR, dot),
        LegendEntry(N_("programme"), PROGRAMME_COLOUR, GLYPHS["star"]),
    ]
    agencies = [LegendEntry(kind, colour, GLYPHS["diamond"]) for kind, colour in AGENCY_COLOURS.items()]
    edges = [LegendEntry(s.label, s.colour, line="solid", edge_type=t) for t, s in EDGE_STYLES.items()]
    edges.append(LegendEntry(N_("dashed: inferred, not printed"), UNKNOWN_COLOUR, line="dashed"))
    return {N_("Notices"): notices, N_("Other nodes"): others, N_("Agencies"): agencies, N_("Edges"): edges}
