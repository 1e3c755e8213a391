"""What a load touched: the notices written and what they were linked to before and after, for graph/derived.py.

The loader reads each batch's notices' neighbours before writing them (a replaced notice loses its old citations,
agencies, programmes and region, which may leave stubs orphaned or change the inferred parents around its old
place), and graph/derived.py reads them again after the writes. A notice they cite counts only when it changed:
it appeared (a new stub), went away (an orphaned stub) or took another title (a stub takes the smallest title its
citers give); the State Council's notice every notice cites stays put, and recomputing around it would take its
whole year. Everything here only widens what is recomputed: a key or place too many costs time, never correctness.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from policygraph.graph.store import GraphStore, Row

# Where a notice stands, for lineage: (year, region path, tier).
Place = tuple[int | None, str | None, int | None]
# What of a notice matters to the derived data of others: its title and its place; None when it is not in the graph.
Facts = tuple[str | None, Place] | None


def facts_of(row: Row) -> Facts:
    return (row["title"], (row["year"], row["region"], row["tier"]))


@dataclass
class Touched:
    keys: set[str] = field(default_factory=set)  # notices written (new or replaced)
    titles: set[str] = field(default_factory=set)  # titles of notices written, appeared, gone or retitled
    places: set[Place] = field(default_factory=set)  # their places, before and after
    cited_before: dict[str, Facts] = field(default_factory=dict)  # notices cited, as they were before the load
    agencies: set[str] = field(default_factory=set)
    programmes: set[str] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)  # region codes of the notices

    def add(self, other: Touched) -> None:
        self.keys |= other.keys
        self.titles |= other.titles
        self.places |= other.places
        for key, facts in other.cited_before.items():
            self.cited_before.setdefault(key, facts)  # the state before the first batch that touched it
        self.agencies |= other.agencies
        self.programmes |= other.programmes
        self.regions |= other.regions

    def note(self, facts: Facts) -> None:
        """A notice whose title or place changed (a notice written, or a cited one that appeared, went or changed)."""
        if facts is None:
            return
        title, place = facts
        if title:
            self.titles.add(title)
        self.places.add(place)


def from_rows(rows: Iterable[Row]) -> tuple[Touched, dict[str, Facts]]:
    """From rows of cypher/graph_touched_neighbours: the notices' own facts and links (not their keys: see
    `before_write`), and the facts of the notices they cite."""
    touched = Touched()
    cited: dict[str, Facts] = {}
    for row in rows:
        touched.note(facts_of(row))
        cited.update((c["key"], facts_of(c)) for c in row["cited"])
        touched.agencies.update(row["agencies"])
        touched.programmes.update(row["programmes"])
        touched.regions.update(row["regions"])
    return touched, cited


def neighbours(store: GraphStore, keys: Iterable[str]) -> tuple[Touched, dict[str, Facts]]:
    """The notices' current links (nothing for keys not in the graph yet), in one query."""
    wanted = sorted(set(keys))
    return from_rows(store.run("graph_touched_neighbours", {"keys": wanted}) if wanted else [])


def before_write(store: GraphStore, rows: list[Row]) -> Touched:
    """What loading these rows (graph/rows.py) touches, read before they are written: the notices' keys and old
    links, and the facts of the notices they cite now and are about to cite."""
    touched, cited = neighbours(store, (row["key"] for row in rows))
    touched.keys.update(row["key"] for row in rows)
    touched.cited_before.update(cited)
    citing = sorted({c["key"] for row in rows for c in row["cited"]} - set(cited))
    found = {r["key"]: facts_of(r) for r in store.run("graph_touched_places", {"keys": citing})} if citing else {}
    touched.cited_before.update((key, found.get(key)) for key in citing)
    return touched


def after_write(store: GraphStore, touched: Touched) -> set[str]:
    """Add what the written notices are linked to now, and the cited notices that appeared or changed, to `touched`.
    Returns the notices cited before and no longer by them (stubs that may now be orphans)."""
    now, cited = neighbours(store, touched.keys)
    touched.add(now)
    for key, facts in cited.items():
        before = touched.cited_before.get(key)
        if facts != before:
            touched.note(before)
            touched.note(facts)
    return set(touched.cited_before) - set(cited) - touched.keys


def note_removed(touched: Touched, keys: Iterable[str]) -> None:
    """Stubs removed as orphans: their titles and places change the derived data around them."""
    for key in keys:
        touched.note(touched.cited_before.get(key))
