"""Load extraction records into the graph: batched, idempotent, one atomic write per notice.

A batch of notices is one `UNWIND` statement (cypher/documents_load.cypher), committed whole or not at all on both
engines. When a batch fails, its notices are written one by one, so one bad notice never takes its neighbours down
and is reported on its own. A notice whose content hash is already in the graph is left alone; a changed one is
replaced whole. After the writes, the derived data (title citations resolved, lineage, agency aliases, agency
continuity, orphans) is recomputed from the graph, which is what makes the result independent of the order of
ingestion. What the writes touched (graph/touched.py) is gathered as they go, so that the refresh after a load
recomputes only around it (graph/derived.py); `policygraph db refresh` recomputes everything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Literal

from policygraph.core.errors import StoreError
from policygraph.graph.derived import refresh_derived
from policygraph.graph.rows import document_row
from policygraph.graph.store import GraphStore
from policygraph.graph.touched import Touched, before_write

__all__ = ["DEFAULT_BATCH", "LoadResult", "Outcome", "Touched", "load_batch", "load_records", "refresh_derived"]

Status = Literal["new", "unchanged", "replaced", "failed"]
DEFAULT_BATCH = 50


@dataclass(frozen=True)
class Outcome:
    source: str
    status: Status
    key: str | None = None
    reason: str | None = None


@dataclass
class LoadResult:
    outcomes: list[Outcome] = field(default_factory=list)
    lineage_edges: int = 0
    corrections_applied: int = 0  # analysts' corrections re-applied after the load (graph/corrections.py)
    orphaned_corrections: list[str] = field(default_factory=list)  # one line each: file:line, notice, reason
    touched: Touched = field(default_factory=Touched)  # what the writes touched, for the derived data's refresh

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _rows_for(records: list[Mapping[str, Any]]) -> tuple[list[dict[str, Any]], list[Outcome]]:
    """Parameter maps for the records that can be turned into rows; the others fail here."""
    rows, failures = [], []
    for record in records:
        try:
            rows.append(document_row(record))
        except (KeyError, TypeError, ValueError) as e:
            failures.append(Outcome(str(record.get("source")), "failed", None, f"malformed record: {e}"))
    return rows, failures


def _split_duplicates(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """One row per key in a statement; a later file with the same key waits for the next write (and replaces)."""
    seen: dict[str, dict[str, Any]] = {}
    later = []
    for row in rows:
        if row["key"] in seen:
            later.append(row)
        else:
            seen[row["key"]] = row
    return list(seen.values()), later


def _write(store: GraphStore, rows: list[dict[str, Any]], status: dict[str, Status]) -> list[Outcome]:
    """Write rows in one statement; if that fails, one statement per row to isolate the culprit."""
    try:
        store.run("documents_load", {"docs": rows}, write=True)
        return [Outcome(row["source"], status[row["key"]], row["key"]) for row in rows]
    except StoreError:
        if len(rows) == 1:
            raise
    outcomes = []
    for row in rows:
        try:
            store.run("documents_load", {"docs": [row]}, write=True)
            outcomes.append(Outcome(row["source"], status[row["key"]], row["key"]))
        except StoreError as e:
            outcomes.append(Outcome(row["source"], "failed", row["key"], str(e)))
    return outcomes


def load_batch(store: GraphStore, records: list[Mapping[str, Any]], touched: Touched | None = None) -> list[Outcome]:
    """Write one batch of records; unchanged notices are skipped. What the writes touch is added to `touched`."""
    rows, outcomes = _rows_for(records)
    known = {r["key"]: r["sha256"] for r in store.run("documents_hashes", {"keys": [row["key"] for row in rows]})}
    pending = []
    for row in rows:
        if row["key"] in known and known[row["key"]] == row["sha256"] and row["sha256"]:
            outcomes.append(Outcome(row["source"], "unchanged", row["key"]))
        else:
            pending.append(row)
    while pending:
        first, pending = _split_duplicates(pending)
        status: dict[str, Status] = {row["key"]: "replaced" if row["key"] in known else "new" for row in first}
        if touched is not None:  # before the write: a replaced notice's old links are gone after it
            touched.add(before_write(store, first))
        try:
            outcomes.extend(_write(store, first, status))
        except StoreError as e:
            outcomes.extend(Outcome(row["source"], "failed", row["key"], str(e)) for row in first)
        known.update({row["key"]: row["sha256"] for row in first})
    return outcomes


def load_records(
    store: GraphStore,
    records: Iterable[Mapping[str, Any]],
    *,
    batch_size: int = DEFAULT_BATCH,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> LoadResult:
    """Load records (the JSON form of ingest.record.DocumentRecord) and refresh the derived data."""
    result = LoadResult()
    for batch in batched(records, batch_size):
        for outcome in load_batch(store, batch, result.touched):
            result.outcomes.append(outcome)
            if on_outcome:
                on_outcome(outcome)
    result.lineage_edges = refresh_derived(store, result.touched)
    return result
