"""Extraction records → exactly the nodes and relationships the incremental loader would write, computed in Python,
as a stream (a big load never holds the whole graph in memory).

cypher/documents_load.cypher, run by graph/loader.py on an empty graph, is replayed here row by row so that a bulk
import (graph/bulk.py) builds the same graph without a MERGE per element:
- the loader's order is kept: batches of `batch_size` records, and inside a batch the rounds of
  loader._split_duplicates (a later file with the same key is written in a later round and replaces the earlier);
  a notice whose hash is already in the graph at the start of a batch is skipped (`unchanged`), as the loader does;
- MERGEd nodes (Agency, Programme, Region) keep the properties of the row that created them first (ON CREATE);
- a notice written again replaces what it owns (its tasks and targets, and its outgoing CITES, ISSUED_BY,
  IN_REGION, HAS_TASK edges with LEADS, COOPERATES_ON, MENTIONS, SETS of its tasks): a first, cheap pass over the
  records (keys and hashes only) finds which write of each key is the last, and only that one's content is sent;
  the shared nodes the earlier writes created stay, as in the graph, until the derived refresh prunes the orphans;
- Document nodes change after they are created (a stub's title is the smallest its citers give; a stub becomes a
  full notice; a notice is replaced): they are sent as their key alone when first met, and their final properties,
  `document_properties()`, are set once the stream is over;
- a property set to null is absent, as a SET to null leaves it on both engines.
Every edge comes after both its ends in the stream. Pure: no database. The derived data (lineage, aliases,
continuity, orphans) is not computed here: graph/bulk.py runs the loader's own refresh_derived on the imported graph.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from policygraph.graph.loader import DEFAULT_BATCH, Outcome, Status, batched
from policygraph.graph.rows import document_key, document_row
from policygraph.graph.store import NUL

Props = dict[str, Any]
NodeRef = tuple[str, str]  # (label, natural key): Region nodes are keyed by code, all others by key
Record = Mapping[str, Any]


@dataclass(frozen=True)
class Node:
    label: str
    key: str
    properties: Props


@dataclass(frozen=True)
class Edge:
    type: str
    source: NodeRef
    target: NodeRef
    properties: Props


class RowEnd:
    """Marks the end of one notice's items in the stream: the tasks and targets it owns are never referred to
    again, so an importer can forget their ids."""


ROW_END = RowEnd()
OWNED_LABELS = frozenset({"Task", "Target"})
Item = Node | Edge | RowEnd

KEY_PROPERTY = {"Region": "code"}  # every other label is keyed by `key`

DOCUMENT_FIELDS = ("doc_no", "doc_no_prefix", "title", "issuer", "issuer_kind", "level", "tier", "region", "date",
                   "year", "sha256", "source", "series")  # fmt: skip
STUB_FIELDS = ("doc_no", "doc_no_prefix", "issuer", "level", "tier", "year", "region", "series")
AGENCY_FIELDS = ("name", "jurisdiction", "level", "kind", "function")
TASK_FIELDS = ("key", "ordinal", "section", "number", "title", "text", "search_text", "span", "deadline_kind",
               "deadline_date", "deadline_as_written")  # fmt: skip
ROLE_FIELDS = ("basis", "quote", "span", "as_written")
TARGET_FIELDS = ("key", "text", "kind", "value", "span")
CITES_FIELDS = ("relation", "quote", "span")

# The properties a node of each label, or an edge of each type, can have when it is sent (Document: its key; the
# rest of a Document is set afterwards). An importer that needs one header per label or type uses these.
PROPERTIES: dict[str, tuple[str, ...]] = {
    "Document": ("key",),
    "Task": (*TASK_FIELDS, "year", "level", "region"),
    "Target": TARGET_FIELDS,
    "Agency": ("key", *AGENCY_FIELDS),
    "Programme": ("key", "name"),
    "Region": ("code", "name", "level", "path"),
    "CITES": CITES_FIELDS,
    "LEADS": ROLE_FIELDS,
    "COOPERATES_ON": ROLE_FIELDS,
    "PART_OF": (),
    "IN_REGION": (),
    "ISSUED_BY": (),
    "HAS_TASK": (),
    "MENTIONS": (),
    "SETS": (),
}


def _present(props: Mapping[str, Any]) -> Props:
    """A SET or CREATE of null stores nothing."""
    return {k: v for k, v in props.items() if v is not None}


def _pick(row: Mapping[str, Any], names: Iterable[str]) -> Props:
    return {name: row.get(name) for name in names}


# --- which rows the loader writes, in which order --------------------------------------------------------------


def _stored_values(d: Mapping[str, Any]) -> Iterator[Any]:
    """Every value the row puts into a property."""
    yield from _pick(d, DOCUMENT_FIELDS).values()
    yield from d["coverage"].values()
    for r in d["regions"]:
        yield from _pick(r, PROPERTIES["Region"]).values()
    for a in d["issuer_agencies"]:
        yield from _pick(a, PROPERTIES["Agency"]).values()
    for c in d["cited"]:
        yield from _pick(c, ("key", "title", *STUB_FIELDS, *CITES_FIELDS)).values()
    for t in d["tasks"]:
        yield from _pick(t, TASK_FIELDS).values()
        for a in [*t["leads"], *t["cooperating"]]:
            yield from _pick(a, (*PROPERTIES["Agency"], *ROLE_FIELDS)).values()
        yield from (p["key"] for p in t["programmes"])
        for g in t["targets"]:
            yield from _pick(g, TARGET_FIELDS).values()


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


class _Builder:
    """Replays documents_load.cypher row by row; what it creates is queued in `out`."""

    def __init__(self, last_writes: dict[str, int]) -> None:
        self.last_writes = last_writes  # key → position of the record whose write of that key is the last
        self.created: set[NodeRef] = set()  # Agency, Programme, Region, Document
        self.documents: dict[str, Props] = {}
        self.part_of: set[tuple[NodeRef, NodeRef]] = set()
        self.out: list[Node | Edge] = []

    def merge(self, ref: NodeRef, on_create: Mapping[str, Any]) -> None:
        if ref not in self.created:
            self.created.add(ref)
            self.out.append(Node(ref[0], ref[1], _present({KEY_PROPERTY.get(ref[0], "key"): ref[1], **on_create})))

    def edge(self, kind: str, source: NodeRef, target: NodeRef, props: Mapping[str, Any] | None = None) -> None:
        self.out.append(Edge(kind, source, target, _present(props or {})))

    def write(self, at: int, d: Mapping[str, Any]) -> None:
        """One row of documents_load.cypher; its own content only if no later write of the key replaces it."""
        doc: NodeRef = ("Document", d["key"])
        self.merge(doc, {})
        self.documents[d["key"]] = {"key": d["key"], **_pick(d, DOCUMENT_FIELDS), "task_count": len(d["tasks"]),
                                    "stub": False, **d["coverage"]}  # fmt: skip
        kept = self.last_writes.get(d["key"]) == at
        self._regions(d, kept)
        organs = dict.fromkeys(self._agency(a) for a in d["issuer_agencies"])  # MERGE: one edge per organ
        for organ in organs if kept else []:
            self.edge("ISSUED_BY", doc, organ)
        cites: dict[str, Mapping[str, Any]] = {}
        for c in d["cited"]:
            self._stub(c)
            cites[c["key"]] = c  # MERGE, then SET: the last citation of a parent gives the edge's properties
        for t in d["tasks"]:
            self._task(d, t, doc, kept)
        if kept:
            for key, c in cites.items():
                self.edge("CITES", doc, ("Document", key), _pick(c, CITES_FIELDS))

    def _regions(self, d: Mapping[str, Any], kept: bool) -> None:
        regions = d["regions"]
        for i, r in enumerate(regions):
            region = ("Region", r["code"])
            self.merge(region, _pick(r, ("name", "level", "path")))
            lower = ("Region", regions[i - 1]["code"])
            if i and (lower, region) not in self.part_of:
                self.part_of.add((lower, region))
                self.edge("PART_OF", lower, region)
        if d["region_code"] is not None and kept:
            self.edge("IN_REGION", ("Document", d["key"]), ("Region", d["region_code"]))

    def _agency(self, a: Mapping[str, Any]) -> NodeRef:
        ref = ("Agency", a["key"])
        self.merge(ref, _pick(a, AGENCY_FIELDS))
        return ref

    def _stub(self, c: Mapping[str, Any]) -> None:
        ref = ("Document", c["key"])
        self.merge(ref, {})
        parent = self.documents.setdefault(c["key"], {"key": c["key"], "stub": True, **_pick(c, STUB_FIELDS)})
        title = parent.get("title")
        if parent["stub"] and (title is None or (c["title"] is not None and c["title"] < title)):
            parent["title"] = c["title"]

    def _task(self, d: Mapping[str, Any], t: Mapping[str, Any], doc: NodeRef, kept: bool) -> None:
        """Its agencies and programmes are MERGEd whether or not the task stays; the task itself only if it does."""
        task: NodeRef = ("Task", t["key"])
        if kept:
            props = {**_pick(t, TASK_FIELDS), "year": d["year"], "level": d["level"], "region": d["region"]}
            self.out.append(Node("Task", t["key"], _present(props)))
            self.edge("HAS_TASK", doc, task)
        for kind, roles in (("LEADS", t["leads"]), ("COOPERATES_ON", t["cooperating"])):
            for a in roles:
                agency = self._agency(a)
                if kept:
                    self.edge(kind, agency, task, _pick(a, ROLE_FIELDS))
        for p in t["programmes"]:
            programme = ("Programme", p["key"])
            self.merge(programme, {"name": p["name"]})
            if kept:
                self.edge("MENTIONS", task, programme)
        for g in t["targets"] if kept else []:
            self.out.append(Node("Target", g["key"], _present(_pick(g, TARGET_FIELDS))))
            self.edge("SETS", task, ("Target", g["key"]))


def _replan(outcome: Outcome) -> None:
    """A record that failed was the last write of its key, or changed another's status: the first pass, which only
    read keys and hashes, chose the wrong writes to keep. Rare (a malformed file among several with one key)."""
    raise ValueError(f"{outcome.source}: a file that failed shares its key with another; load them incrementally")


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


@dataclass
class BulkStream:
    """The records' graph as a stream: iterate `items()` once, then read `document_properties()` and `outcomes`."""

    records: Sequence[Record]
    batch_size: int = DEFAULT_BATCH
    workers: int = 1  # processes computing the rows (graph/rows.py costs most of the bulk path's time)
    # The records' full rows computed already, in the records' order (`ingest --bulk` has its extraction workers
    # make them): then `records` need only hold KEY_FIELDS.
    rows: Iterable[dict[str, Any] | str] | None = None
    outcomes: list[Outcome] = field(default_factory=list)
    _builder: _Builder | None = None

    def _full_rows(self) -> Iterator[dict[str, Any] | str]:
        if self.rows is not None:
            return iter(self.rows)
        if self.workers <= 1:
            return (safely(full_row, r) for r in self.records)
        return rows_in_parallel(self.records, self.workers)

    def items(self) -> Iterator[Item]:
        planned: dict[int, Status] = {}
        last_writes: dict[str, int] = {}
        replaced: set[int] = set()  # last writes that replace an earlier one
        for step in in_loader_order(self.records, self.batch_size, (safely(key_row, r) for r in self.records)):
            if isinstance(step, tuple):
                planned[step[0]] = step[2]
                if step[1]["key"] in last_writes:
                    replaced.add(step[0])
                    replaced.discard(last_writes[step[1]["key"]])
                last_writes[step[1]["key"]] = step[0]
        builder = self._builder = _Builder(last_writes)
        for step in in_loader_order(self.records, self.batch_size, self._full_rows()):
            if isinstance(step, Outcome | Failed):
                outcome = step.outcome if isinstance(step, Failed) else step
                if isinstance(step, Failed) and step.position in replaced:
                    _replan(outcome)
                self.outcomes.append(outcome)
                continue
            at, row, status = step
            if planned.get(at) != status:
                _replan(Outcome(row["source"], status, row["key"]))
            builder.write(at, row)
            self.outcomes.append(Outcome(row["source"], status, row["key"]))
            yield from builder.out
            yield ROW_END
            builder.out.clear()

    def document_properties(self) -> list[Props]:
        """Each Document's final properties (the key included, nulls left out), once the stream is over."""
        if self._builder is None:
            raise RuntimeError("document_properties() before the stream was read")
        return [_present(props) for props in self._builder.documents.values()]


@dataclass
class BulkGraph:
    """The whole stream collected (for tests and small loads): nodes by label and key, edges, outcomes."""

    nodes: dict[str, dict[str, Props]] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def node_count(self) -> int:
        return sum(len(by_key) for by_key in self.nodes.values())


def bulk_graph(records: Iterable[Record], *, batch_size: int = DEFAULT_BATCH, workers: int = 1) -> BulkGraph:
    """The graph graph.loader.load_records(records, batch_size=…) writes into an empty graph, before its derived
    refresh, with the same outcomes."""
    stream = BulkStream(list(records), batch_size, workers)
    graph = BulkGraph()
    for item in stream.items():
        if isinstance(item, Node):
            graph.nodes.setdefault(item.label, {})[item.key] = item.properties
        elif isinstance(item, Edge):
            graph.edges.append(item)
    for props in stream.document_properties():
        graph.nodes["Document"][props["key"]] = props
    graph.outcomes = stream.outcomes
    return graph
