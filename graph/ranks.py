"""Rankings kept ready: the first agencies and functions under each common filter, so that a ranking page reads
one row instead of adding up the count rows of the whole country.

Adding up LeadCount rows (graph/counts.py) is cheap for a county but not for the country: at 50,000 notices the
unfiltered ranking added up about a million rows (county agencies are many, each in its own rows). So for every
filter a ranking page asks without a basis or a year range — everywhere or one province, any level or one, any year
or one, collectives counted or not — a `Ranking` row keeps the first KEEP entries (most tasks first, then name,
then key) and how many entries the filter has in all. cypher/agency_top_leads_ranked.cypher and
agency_top_lead_functions_page_ranked.cypher read them; other filters and deeper pages still add up the count rows.

The rows are kept by graph/counts.py as it rewrites count rows: `rebuild` computes them all from the count rows,
`update` changes only the cells whose counts changed. A list cut short stays the exact head of its ranking: an entry
that falls past its last entry leaves it (one not listed may now come first, and only a recount would say), an entry
that rises before it comes in. The list may so grow shorter, never wrong; a cell is recomputed from the count rows
when it is down to half of KEEP, or when an entry's place cannot be known (a function whose whole count is not).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from policygraph.core.batches import chunks
from policygraph.graph.store import GraphStore, Row
from policygraph.ingest.divisions import all_regions, full_path

Kind = Literal["agency", "function"]
KINDS: tuple[Kind, ...] = ("agency", "function")
KEEP = 100  # entries a cell lists: pages up to this deep are read from one row
BUILT = "built"  # the key of the row that says the rankings were built (a graph loaded before they existed has none)
WRITE_CHUNK = 500


@dataclass(frozen=True, order=True)
class RankCell:
    """One filter a ranking is kept for: '' (everywhere, any level) and 0 (any year) are no filter."""

    kind: str
    scope: str  # '' or a province's full path (甘肃省)
    level: str
    year: int
    collectives: bool

    @property
    def key(self) -> str:
        sign = "+" if self.collectives else "-"
        return f"{self.kind}|{self.scope}|{self.level}|{self.year}|{sign}"

    def params(self) -> dict[str, object]:
        return {"scope": self.scope, "level": self.level, "year": self.year, "collectives": self.collectives,
                "keep": KEEP}  # fmt: skip


@cache
def provinces() -> tuple[str, ...]:
    """Every province's full path: what a region filter naming a province matches the start of."""
    return tuple(full_path(region) for region in all_regions() if region.level == "provincial")


@cache
def province_of(region: str | None) -> str:
    """The province path a notice's region starts with ('' if none): the same test as the filter's STARTS WITH."""
    return next((path for path in provinces() if region and region.startswith(path)), "")


def cell_for(kind: Kind, level: str | None, region: str | None, year_from: int | None, year_to: int | None,
             basis: list[str], collectives: bool) -> RankCell | None:  # fmt: skip
    """The cell that answers this filter, or None when none is kept (a basis, a year range, a region below a
    province)."""
    if basis or year_from != year_to or (region is not None and region not in provinces()):
        return None
    return RankCell(kind, region or "", level or "", year_from or 0, collectives)


def serves(store: GraphStore, cell: RankCell, rows: int) -> bool:
    """Whether the cell's row lists the first `rows` entries of its ranking (or all it has)."""
    found = store.run("ranking_size", {"cell": cell.key, "built": BUILT})[0]
    return bool(found["built"]) and (found["listed"] >= rows or found["listed"] == found["total"])


# --- tallies: each entry's count in each cell its count rows fall in ------------------------------------------------


def cells_of(kind: str, row: Row) -> Iterator[RankCell]:
    """The cells a count row adds to: everywhere and its province, any level and its own, any year and its own,
    with collectives (always) and without them (unless it counts a collective)."""
    for scope in {"", province_of(row["region"])}:
        for level in {"", row["level"] or ""}:
            for year in {0, row["year"] or 0}:
                for collectives in (True,) if row["collective"] else (True, False):
                    yield RankCell(kind, scope, level, year, collectives)


Tally = dict[RankCell, dict[str, tuple[str, int]]]  # cell → entry key → (name, count)


def tally(kind: str, rows: Iterable[Row]) -> Tally:
    """Count rows (key, name, collective, level, region, year, count) added up per cell and entry."""
    cells: Tally = {}
    for row in rows:
        for cell in cells_of(kind, row):
            entries = cells.setdefault(cell, {})
            _, before = entries.get(row["key"], ("", 0))
            entries[row["key"]] = (row["name"], before + int(row["count"]))
    return cells


# --- one cell's list -------------------------------------------------------------------------------------------


Order = tuple[int, str, str]  # an entry's place in a ranking: (-count, name, key), the first first


def _order(key: str, name: str, count: int) -> Order:
    return (-count, name, key)


@dataclass
class Board:
    """A cell's first entries in ranking order (at most KEEP), and how many it has in all. A list cut short holds
    exactly the entries that come before its last one: where the others stand is not known here."""

    total: int = 0
    entries: dict[str, tuple[str, int]] = field(default_factory=dict)  # key → (name, count)
    floor: Order | None = None  # while changes are applied to a list cut short: the place of its last entry as read

    @property
    def complete(self) -> bool:
        return len(self.entries) == self.total

    @property
    def deep_enough(self) -> bool:
        """Whether the list still serves the pages it is kept for; entries that fell off it shorten it."""
        return self.complete or len(self.entries) >= KEEP // 2

    def ranked(self) -> list[tuple[str, str, int]]:
        order = sorted(self.entries.items(), key=lambda item: _order(item[0], *item[1]))
        return [(key, name, count) for key, (name, count) in order]

    def trim(self) -> None:
        self.entries = {key: (name, count) for key, name, count in self.ranked()[:KEEP]}
        self.floor = None

    def read(self) -> Board:
        """This board as read from its row, ready for changes: a list cut short remembers its last entry's place."""
        self.floor = None if self.complete else _order(*self.ranked()[-1])
        return self

    def add(self, entries: dict[str, tuple[str, int]]) -> None:
        """Entries counted once and for all (rebuild): every entry with a count is one more of the total."""
        counted = {key: value for key, value in entries.items() if value[1] > 0}
        self.total += len(counted)
        self.entries.update(counted)
        if len(self.entries) > 2 * KEEP:
            self.trim()

    def change(self, key: str, old: tuple[str, int] | None, new: tuple[str, int] | None) -> None:
        """Apply one entry's change, its whole count known before and after (None: it counted nothing)."""
        name = (new or old or ("", 0))[0]
        self._set(key, name, old[1] if old else 0, new[1] if new else 0)

    def shift(self, key: str, name: str, delta: int) -> bool:
        """Add `delta` to an entry's count (its whole count unknown): False when that cannot be placed."""
        listed = self.entries.get(key)
        if listed is None and not self.complete:
            return False
        was = listed[1] if listed else 0
        self._set(key, name, was, was + delta)
        return True

    def _set(self, key: str, name: str, was: int, now: int) -> None:
        # Every entry not listed comes after the floor and, unless it changes too, stays there: an entry is listed
        # when it comes before the floor, and one that falls past it leaves the list (which stays the ranking's head).
        self.total += (now > 0) - (was > 0)
        self.entries.pop(key, None)
        if now > 0 and (self.floor is None or _order(key, name, now) <= self.floor):
            self.entries[key] = (name, now)


# --- reading and writing the rows ---------------------------------------------------------------------------------


def is_built(store: GraphStore) -> bool:
    return bool(store.run("ranking_size", {"cell": BUILT, "built": BUILT})[0]["built"])


def rebuild(store: GraphStore, kind: Kind, row_chunks: Iterable[list[Row]]) -> None:
    """Every cell of `kind` computed again from count rows (key, name, collective, level, region, year, count),
    given in chunks that each hold all the rows of their entries (chunks of agencies, or of functions)."""
    boards: dict[RankCell, Board] = {}
    for rows in row_chunks:
        for cell, entries in tally(kind, rows).items():
            boards.setdefault(cell, Board()).add(entries)
    store.run("ranking_clear", {"kind": kind}, write=True)
    _write(store, boards)


def mark_built(store: GraphStore) -> None:
    store.run("ranking_clear_keys", {"keys": [BUILT]}, write=True)
    store.run("ranking_write", {"rows": [{"key": BUILT, "kind": "marker"}]}, write=True)


def update(store: GraphStore, kind: Kind, before: list[Row], after: list[Row], *, whole: bool) -> None:
    """Change the cells these count rows fall in, from the rows before and after a refresh rewrote them. `whole`:
    the rows are all the rows of their entries (an agency's), so each entry's count is known; otherwise they are
    some of its rows (a function's, in the notices' cells), and only the difference is, so the whole count is asked
    of the engine for the entries a list cut short does not hold (small ones: their rows are few)."""
    if not is_built(store):
        return  # a graph from before the rankings: `policygraph db refresh` builds them
    old, new = tally(kind, before), tally(kind, after)
    cells = sorted(old.keys() | new.keys())
    boards = _read(store, cells)
    changed = {cell: sorted(old.get(cell, {}).keys() | new.get(cell, {}).keys()) for cell in cells}
    counted = {} if whole else _unlisted_counts(store, boards, changed)
    for cell in cells:
        board, was, now = boards.setdefault(cell, Board()), old.get(cell, {}), new.get(cell, {})
        placed = all(
            _apply(board, key, was.get(key), now.get(key), whole, counted.get((cell, key))) for key in changed[cell]
        )
        if placed and board.deep_enough:
            board.trim()
        else:  # an entry's place is unknown, or too many fell off the list
            boards[cell] = _recompute(store, cell)
    store.run("ranking_clear_keys", {"keys": [cell.key for cell in cells]}, write=True)
    _write(store, boards)


def _apply(board: Board, key: str, old: tuple[str, int] | None, new: tuple[str, int] | None, whole: bool,
           counted: int | None) -> bool:  # fmt: skip
    if whole:
        board.change(key, old, new)
        return True
    name = (new or old or ("", 0))[0]
    delta = (new[1] if new else 0) - (old[1] if old else 0)
    if counted is None:
        return board.shift(key, name, delta)
    before = counted - delta  # the whole count after, less what changed
    board.change(key, (name, before) if before > 0 else None, (name, counted) if counted > 0 else None)
    return True


def _unlisted_counts(store: GraphStore, boards: dict[RankCell, Board], changed: dict[RankCell, list[str]]
                     ) -> dict[tuple[RankCell, str], int]:  # fmt: skip
    """The whole count, after the change, of each changed function that a list cut short does not hold."""
    asked = [(cell, key) for cell, keys in changed.items() if cell in boards and not boards[cell].complete
             for key in keys if key not in boards[cell].entries]  # fmt: skip
    if not asked:
        return {}
    entries = [{**cell.params(), "cell": cell.key, "key": key} for cell, key in asked]
    found = {(row["cell"], row["key"]): int(row["count"]) for row in store.run("ranking_entries_function",
                                                                                {"entries": entries})}  # fmt: skip
    return {(cell, key): found.get((cell.key, key), 0) for cell, key in asked}


def _read(store: GraphStore, cells: list[RankCell]) -> dict[RankCell, Board]:
    by_key = {cell.key: cell for cell in cells}
    boards = {}
    for chunk in chunks(list(by_key), WRITE_CHUNK):
        for row in store.run("ranking_read", {"keys": chunk}):
            listed = zip(row["keys"], row["names"], row["counts"], strict=True)
            entries = {key: (name, int(count)) for key, name, count in listed}
            boards[by_key[row["key"]]] = Board(int(row["total"]), entries).read()
    return boards


def _recompute(store: GraphStore, cell: RankCell) -> Board:
    found = store.run(f"ranking_cell_{cell.kind}", cell.params())[0]
    return Board(int(found["total"]), {e["key"]: (e["name"], int(e["count"])) for e in found["entries"]})


def _write(store: GraphStore, boards: dict[RankCell, Board]) -> None:
    rows = [_row(cell, board) for cell, board in sorted(boards.items()) if board.total > 0]
    for chunk in chunks(rows, WRITE_CHUNK):
        store.run("ranking_write", {"rows": chunk}, write=True)


def _row(cell: RankCell, board: Board) -> Row:
    board.trim()
    ranked = board.ranked()
    return {"key": cell.key, "kind": cell.kind, "scope": cell.scope, "level": cell.level, "year": cell.year,
            "collectives": cell.collectives, "total": board.total, "keys": [key for key, _, _ in ranked],
            "names": [name for _, name, _ in ranked], "counts": [count for _, _, count in ranked]}  # fmt: skip
