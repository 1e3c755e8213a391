"""What a load touched: the notices written and what they were linked to before and after, for graph/derived.py.

The loader reads each batch's notices' neighbours before writing them (a replaced notice loses its old citations,
agencies, programmes and region, which may leave stubs orphaned or change the inferred parents around its old
place), and graph/derived.py reads them again after the writes. Everything here only widens what is recomputed:
a key or place too many costs time, never correctness.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from policygraph.graph.store import GraphStore, Row

# A lineage place: (year, region path, tier) of a notice that appeared, went away or changed.
Place = tuple[int | None, str | None, int | None]


@dataclass
class Touched:
    keys: set[str] = field(default_factory=set)  # notices written (new or replaced)
    titles: set[str] = field(default_factory=set)  # titles of those notices and of what they cite, before and after
    places: set[Place] = field(default_factory=set)  # where those notices and the notices they cite stand
    cited: set[str] = field(default_factory=set)  # notices they cite or cited (stubs may be orphaned)
    agencies: set[str] = field(default_factory=set)
    programmes: set[str] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)  # region codes of the notices

    def add(self, other: Touched) -> None:
        self.keys |= other.keys
        self.titles |= other.titles
        self.places |= other.places
        self.cited |= other.cited
        self.agencies |= other.agencies
        self.programmes |= other.programmes
        self.regions |= other.regions

    def note_notice(self, title: Any, year: Any, region: Any, tier: Any) -> None:
        if title:
            self.titles.add(str(title))
        self.places.add((year, region, tier))


def from_rows(rows: Iterable[Row]) -> Touched:
    """A Touched from rows of cypher/graph_touched_neighbours (the notices' keys are not added: see `neighbours`)."""
    touched = Touched()
    for row in rows:
        touched.note_notice(row["title"], row["year"], row["region"], row["tier"])
        for cited in row["cited"]:
            touched.cited.add(cited["key"])
            touched.note_notice(cited["title"], cited["year"], cited["region"], cited["tier"])
        touched.agencies.update(row["agencies"])
        touched.programmes.update(row["programmes"])
        touched.regions.update(row["regions"])
    return touched


def neighbours(store: GraphStore, keys: Iterable[str]) -> Touched:
    """The notices' current links (nothing for keys not in the graph yet), in one query."""
    wanted = sorted(set(keys))
    return from_rows(store.run("graph_touched_neighbours", {"keys": wanted})) if wanted else Touched()


def before_write(store: GraphStore, rows: list[Row]) -> Touched:
    """What loading these rows (graph/rows.py) touches, read before they are written: the notices' keys and old
    links, and the titles and places of the notices they are about to cite."""
    touched = neighbours(store, (row["key"] for row in rows))
    touched.keys.update(row["key"] for row in rows)
    cited = sorted({c["key"] for row in rows for c in row["cited"]})
    for row in store.run("graph_touched_places", {"keys": cited}) if cited else []:
        touched.note_notice(row["title"], row["year"], row["region"], row["tier"])
    return touched
