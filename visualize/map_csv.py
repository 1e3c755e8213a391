"""A map's numbers as CSV: one row per region drawn, the tier maps' marks first, then the level's units.

Columns: code, name, path, tier, layer (`region`: a programme's adopter or a notice's implementer at its own level;
`unit`: a unit of the map's level), the map's number under its own name (notices, lead_tasks, first_year,
implementing_notices; a programme map's units have no first year, only the notices inside them), notices and kind (programme, reach), and
has_shape (false: the region is listed under the map instead of drawn).
"""

from __future__ import annotations

import csv
import io

from policygraph.analysis.maps import Area, MapKind, RegionMap
from policygraph.visualize.map_shapes import shape_of

VALUE_COLUMN: dict[MapKind, str] = {"notices": "notices", "leads": "lead_tasks", "programme": "first_year",
                                    "reach": "implementing_notices"}  # fmt: skip
COMMON = ("code", "name", "path", "tier", "layer")


def columns(kind: MapKind) -> list[str]:
    extra = {"programme": ["notices"], "reach": ["kind"]}.get(kind, [])
    return [*COMMON, VALUE_COLUMN[kind], *extra, "has_shape"]


def row(area: Area, layer: str, kind: MapKind) -> dict[str, object]:
    found: dict[str, object] = {"code": area.unit.code, "name": area.unit.name, "path": area.unit.path,
                                "tier": area.tier or area.unit.tier, "layer": layer, VALUE_COLUMN[kind]: area.value,
                                "has_shape": shape_of(area.unit.code) is not None}  # fmt: skip
    if kind == "programme":  # a unit has no first year of its own: the notices inside it that mention the programme
        found["notices"] = area.notices if layer == "region" else area.value
        found["first_year"] = area.value if layer == "region" else ""
    if kind == "reach":
        found["kind"] = area.kind or ""
    return found


def csv_text(found: RegionMap) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns(found.kind), lineterminator="\n")
    writer.writeheader()
    writer.writerows(row(a, "region", found.kind) for a in found.marks)
    writer.writerows(row(a, "unit", found.kind) for a in found.areas)
    return out.getvalue()
