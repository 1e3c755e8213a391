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

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from policygraph.graph.bulk_items import (
    AGENCY_FIELDS,
    CITES_FIELDS,
    DOCUMENT_FIELDS,
    KEY_PROPERTY,
    ROLE_FIELDS,
    ROW_END,
    STUB_FIELDS,
    TARGET_FIELDS,
    TASK_FIELDS,
    Edge,
    Item,
    Node,
    NodeRef,
    Props,
    pick,
    present,
)
from policygraph.graph.bulk_order import Failed, Record, full_row, in_loader_order, key_row, rows_in_parallel, safely
from policygraph.graph.loader import DEFAULT_BATCH, Outcome, Status


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
            self.out.append(Node(ref[0], ref[1], present({KEY_PROPERTY.get(ref[0], "key"): ref[1], **on_create})))

    def edge(self, kind: str, source: NodeRef, target: NodeRef, props: Mapping[str, Any] | None = None) -> None:
        self.out.append(Edge(kind, source, target, present(props or {})))

    def write(self, at: int, d: Mapping[str, Any]) -> None:
        """One row of documents_load.cypher; its own content only if no later write of the key replaces it."""
        doc: NodeRef = ("Document", d["key"])
        self.merge(doc, {})
        self.documents[d["key"]] = {"key": d["key"], **pick(d, DOCUMENT_FIELDS), "task_count": len(d["tasks"]),
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
                self.edge("CITES", doc, ("Document", key), pick(c, CITES_FIELDS))

    def _regions(self, d: Mapping[str, Any], kept: bool) -> None:
        regions = d["regions"]
        for i, r in enumerate(regions):
            region = ("Region", r["code"])
            self.merge(region, pick(r, ("name", "level", "path")))
            lower = ("Region", regions[i - 1]["code"])
            if i and (lower, region) not in self.part_of:
                self.part_of.add((lower, region))
                self.edge("PART_OF", lower, region)
        if d["region_code"] is not None and kept:
            self.edge("IN_REGION", ("Document", d["key"]), ("Region", d["region_code"]))

    def _agency(self, a: Mapping[str, Any]) -> NodeRef:
        ref = ("Agency", a["key"])
        self.merge(ref, pick(a, AGENCY_FIELDS))
        return ref

    def _stub(self, c: Mapping[str, Any]) -> None:
        ref = ("Document", c["key"])
        self.merge(ref, {})
        parent = self.documents.setdefault(c["key"], {"key": c["key"], "stub": True, **pick(c, STUB_FIELDS)})
        title = parent.get("title")
        if parent["stub"] and (title is None or (c["title"] is not None and c["title"] < title)):
            parent["title"] = c["title"]

    def _task(self, d: Mapping[str, Any], t: Mapping[str, Any], doc: NodeRef, kept: bool) -> None:
        """Its agencies and programmes are MERGEd whether or not the task stays; the task itself only if it does."""
        task: NodeRef = ("Task", t["key"])
        if kept:
            props = {**pick(t, TASK_FIELDS), "year": d["year"], "level": d["level"], "region": d["region"]}
            self.out.append(Node("Task", t["key"], present(props)))
            self.edge("HAS_TASK", doc, task)
        for kind, roles in (("LEADS", t["leads"]), ("COOPERATES_ON", t["cooperating"])):
            for a in roles:
                agency = self._agency(a)
                if kept:
                    self.edge(kind, agency, task, pick(a, ROLE_FIELDS))
        for p in t["programmes"]:
            programme = ("Programme", p["key"])
            self.merge(programme, {"name": p["name"]})
            if kept:
                self.edge("MENTIONS", task, programme)
        for g in t["targets"] if kept else []:
            self.out.append(Node("Target", g["key"], present(pick(g, TARGET_FIELDS))))
            self.edge("SETS", task, ("Target", g["key"]))


# --- the stream ------------------------------------------------------------------------------------------------


def _replan(outcome: Outcome) -> None:
    """A record that failed was the last write of its key, or changed another's status: the first pass, which only
    read keys and hashes, chose the wrong writes to keep. Rare (a malformed file among several with one key)."""
    raise ValueError(f"{outcome.source}: a file that failed shares its key with another; load them incrementally")


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
        return [present(props) for props in self._builder.documents.values()]


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
