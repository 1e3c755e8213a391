"""Which rows graph/loader.py would write, in which order, and the rows themselves (made in worker processes when
there are many): the first half of the bulk path's replay of cypher/documents_load.cypher (graph/bulk_rows.py)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from policygraph.graph.bulk_items import (
    CITES_FIELDS,
    DOCUMENT_FIELDS,
    PROPERTIES,
    ROLE_FIELDS,
    STUB_FIELDS,
    TARGET_FIELDS,
    TASK_FIELDS,
    pick,
)
from policygraph.graph.loader import Outcome, Status, batched
from policygraph.graph.rows import document_key, document_row
from policygraph.graph.store import NUL

Record = Mapping[str, Any]


def _stored_values(d: Mapping[str, Any]) -> Iterator[Any]:
    """Every value the row puts into a property."""
    yield from pick(d, DOCUMENT_FIELDS).values()
    yield from d["coverage"].values()
    for r in d["regions"]:
        yield from pick(r, PROPERTIES["Region"]).values()
    for a in d["issuer_agencies"]:
        yield from pick(a, PROPERTIES["Agency"]).values()
    for c in d["cited"]:
        yield from pick(c, ("key", "title", *STUB_FIELDS, *CITES_FIELDS)).values()
    for t in d["tasks"]:
        yield from pick(t, TASK_FIELDS).values()
        for a in [*t["leads"], *t["cooperating"]]:
            yield from pick(a, (*PROPERTIES["Agency"], *ROLE_FIELDS)).values()
        yield from (p["key"] for p in t["programmes"])
        for g in t["targets"]:
            yield from pick(g, TARGET_FIELDS).values()


SCALARS = (bool, int, float, str, type(None))


def unstorable(d: Mapping[str, Any]) -> str | None:
    """Why the engines would refuse this row's write, if they would: a map or a nested list as a property value
    (the loader's statement fails for that notice alone), or a NUL character (refused before it is sent, because
    FalkorDB cuts a text at NUL). Plain type tests: this runs on every value of every notice."""
    for value in _stored_values(d):
        for item in value if type(value) is list else (value,):
            if not isinstance(item, SCALARS):
                return f"a property cannot hold {item!r:.60}"
            if type(item) is str and NUL in item:
                return "a text holds a NUL character"
    return None


def full_row(record: Record) -> dict[str, Any]:
    """graph/rows.py's row, refused (ValueError) when an engine would refuse to store it."""
    row = document_row(record)
    reason = unstorable(row)
    if reason:
        raise ValueError(reason)
    return row


KEY_FIELDS = ("doc_no", "region", "year", "title", "sha256", "source")  # all key_row and the order read of a record


def key_fields(record: Record) -> dict[str, Any]:
    """The few fields of a record that the bulk path's first pass reads, for a list of 50,000 to stay small."""
    return {name: record.get(name) for name in KEY_FIELDS}


def key_row(record: Record) -> dict[str, Any]:
    """What decides the loader's order and statuses, without the costly rest of the row."""
    key = document_key(record.get("doc_no"), record.get("region"), record.get("year"), record.get("title"))
    return {"key": key, "sha256": record.get("sha256"), "source": record.get("source")}


Written = tuple[int, dict[str, Any], Status]  # the record's position, its row, its status


@dataclass(frozen=True)
class Failed:
    position: int
    outcome: Outcome


def safely(make_row: Callable[[Record], dict[str, Any]], record: Record) -> dict[str, Any] | str:
    """The row, or why it cannot be made (what the loader reports for a malformed record)."""
    try:
        return make_row(record)
    except (KeyError, TypeError, ValueError) as e:
        return f"malformed record: {e}"


def in_loader_order(
    records: Iterable[Record], batch_size: int, made: Iterable[dict[str, Any] | str]
) -> Iterator[Written | Failed | Outcome]:
    """The writes of graph/loader.load_records on an empty graph, in its order, and its outcomes for the others;
    `made` gives each record's row (or why it has none), in the records' order."""
    hashes: dict[str, str | None] = {}  # full notices written: key → sha256 (what documents_hashes answers)
    position = 0
    for batch in batched(zip(records, made, strict=True), batch_size):
        rows: list[tuple[int, dict[str, Any]]] = []
        for record, row in batch:
            if isinstance(row, str):
                yield Failed(position, Outcome(str(record.get("source")), "failed", None, row))
            else:
                rows.append((position, row))
            position += 1
        known = {row["key"]: hashes[row["key"]] for _, row in rows if row["key"] in hashes}
        pending = []
        for at, row in rows:
            if row["key"] in known and known[row["key"]] == row["sha256"] and row["sha256"]:
                yield Outcome(row["source"], "unchanged", row["key"])
            else:
                pending.append((at, row))
        while pending:  # rounds: one row per key each (loader._split_duplicates)
            first: dict[str, tuple[int, dict[str, Any]]] = {}
            later = []
            for at, row in pending:
                (later.append((at, row)) if row["key"] in first else first.setdefault(row["key"], (at, row)))
            for at, row in first.values():
                yield at, row, ("replaced" if row["key"] in known else "new")
            known.update({key: row["sha256"] for key, (_, row) in first.items()})
            hashes.update({key: row["sha256"] for key, (_, row) in first.items()})
            pending = later


# --- the stream ------------------------------------------------------------------------------------------------


_FORKED: Sequence[Record] = ()  # the records, inherited by forked workers so that only positions are sent to them
WINDOW = 400  # records per round of work handed to the workers: two rounds of rows are in memory at a time


def _row_at(position: int) -> dict[str, Any] | str:
    return safely(full_row, _FORKED[position])


def rows_in_parallel(records: Sequence[Record], workers: int) -> Iterator[dict[str, Any] | str]:
    """safely(full_row, record) for each record, in order, by forked worker processes; the next window is computed
    while the caller consumes this one."""
    global _FORKED
    _FORKED = records
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            windows = [range(start, min(start + WINDOW, len(records))) for start in range(0, len(records), WINDOW)]
            pending = pool.map_async(_row_at, windows[0], chunksize=8) if windows else None
            for following in [*windows[1:], None]:
                ahead = pool.map_async(_row_at, following, chunksize=8) if following else None
                yield from pending.get() if pending else []
                pending = ahead
    finally:
        _FORKED = ()
