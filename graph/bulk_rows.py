"""Extraction records → exactly the nodes and relationships the incremental loader would write, computed in Python.

cypher/documents_load.cypher, run by graph/loader.py on an empty graph, is replayed here row by row so that a bulk
import (graph/bulk.py) builds the same graph without a MERGE per element:
- the loader's order is kept: batches of `batch_size` records, and inside a batch the rounds of
  loader._split_duplicates (a later file with the same key is written in a later round and replaces the earlier);
  a notice whose hash is already in the graph at the start of a batch is skipped (`unchanged`), as the loader does;
- MERGEd nodes (Agency, Programme, Region, stub Document) keep the properties of the row that created them first
  (ON CREATE); a stub's title is the smallest title its citers give (the CASE of the statement);
- a notice written again replaces what it owns: its tasks and targets, and its outgoing CITES, ISSUED_BY,
  IN_REGION, HAS_TASK edges (with LEADS, COOPERATES_ON, MENTIONS, SETS of its tasks); shared nodes it created stay,
  as in the graph, until the derived refresh prunes the orphans;
- a property set to null is absent, as a SET to null leaves it on both engines.
Pure: no database. The derived data (lineage, aliases, continuity, orphans) is not computed here: graph/bulk.py runs
the loader's own refresh_derived on the imported graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from policygraph.graph.loader import DEFAULT_BATCH, Outcome, Status, _rows_for, _split_duplicates, batched
from policygraph.graph.store import NUL

Props = dict[str, Any]
NodeRef = tuple[str, str]  # (label, natural key): Region nodes are keyed by code, all others by key


@dataclass(frozen=True)
class Edge:
    type: str
    source: NodeRef
    target: NodeRef
    properties: Props


@dataclass
class BulkGraph:
    """Nodes by label and natural key (each with all its properties, the key included), edges, and one outcome
    per record as the loader would report it."""

    nodes: dict[str, dict[str, Props]] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def node_count(self) -> int:
        return sum(len(by_key) for by_key in self.nodes.values())


KEY_PROPERTY = {"Region": "code"}  # every other label is keyed by `key`

DOCUMENT_FIELDS = ("doc_no", "doc_no_prefix", "title", "issuer", "issuer_kind", "level", "tier", "region", "date",
                   "year", "sha256", "source", "series")  # fmt: skip
STUB_FIELDS = ("doc_no", "doc_no_prefix", "issuer", "level", "tier", "year", "region", "series")
AGENCY_FIELDS = ("name", "jurisdiction", "level", "kind", "function")
TASK_FIELDS = ("key", "ordinal", "section", "number", "title", "text", "search_text", "span", "deadline_kind",
               "deadline_date", "deadline_as_written")  # fmt: skip
ROLE_FIELDS = ("basis", "quote", "span", "as_written")
TARGET_FIELDS = ("key", "text", "kind", "value", "span")


def _present(props: Mapping[str, Any]) -> Props:
    """A SET or CREATE of null stores nothing."""
    return {k: v for k, v in props.items() if v is not None}


def _pick(row: Mapping[str, Any], names: Iterable[str]) -> Props:
    return {name: row.get(name) for name in names}


@dataclass
class _Owned:
    """What one written notice owns, replaced whole when the notice is written again."""

    nodes: list[NodeRef] = field(default_factory=list)
    edges: dict[tuple[str, NodeRef, NodeRef] | int, Edge] = field(default_factory=dict)


class _Builder:
    def __init__(self) -> None:
        self.shared: dict[NodeRef, Props] = {}  # Agency, Programme, Region, Document (stub or full)
        self.owned: dict[str, _Owned] = {}  # by Document key
        self.owned_nodes: dict[NodeRef, Props] = {}  # Task, Target
        self.part_of: dict[tuple[NodeRef, NodeRef], None] = {}  # MERGEd, shared by everyone

    def merge(self, ref: NodeRef, on_create: Props) -> Props:
        if ref not in self.shared:
            self.shared[ref] = {KEY_PROPERTY.get(ref[0], "key"): ref[1], **on_create}
        return self.shared[ref]

    def write(self, d: Mapping[str, Any]) -> None:
        """One row of documents_load.cypher."""
        doc: NodeRef = ("Document", d["key"])
        for ref in self.owned.pop(d["key"], _Owned()).nodes:
            del self.owned_nodes[ref]
        mine = self.owned[d["key"]] = _Owned()
        node = self.merge(doc, {})
        node.clear()
        node.update(key=d["key"], **_pick(d, DOCUMENT_FIELDS), task_count=len(d["tasks"]), stub=False,
                    **d["coverage"])  # fmt: skip
        self._regions(d, mine)
        for issuer in d["issuer_agencies"]:
            organ = self._agency(issuer)
            mine.edges[("ISSUED_BY", doc, organ)] = Edge("ISSUED_BY", doc, organ, {})
        for c in d["cited"]:
            parent = self._stub(c)
            mine.edges[("CITES", doc, parent)] = Edge("CITES", doc, parent, _pick(c, ("relation", "quote", "span")))
        for t in d["tasks"]:
            self._task(d, t, doc, mine)

    def _regions(self, d: Mapping[str, Any], mine: _Owned) -> None:
        regions = d["regions"]
        for i, r in enumerate(regions):
            region = ("Region", r["code"])
            self.merge(region, _pick(r, ("name", "level", "path")))
            if i:
                self.part_of[(("Region", regions[i - 1]["code"]), region)] = None
        if d["region_code"] is not None:
            doc, home = ("Document", d["key"]), ("Region", d["region_code"])
            self.merge(home, {})
            mine.edges[("IN_REGION", doc, home)] = Edge("IN_REGION", doc, home, {})

    def _agency(self, a: Mapping[str, Any]) -> NodeRef:
        ref = ("Agency", a["key"])
        self.merge(ref, _pick(a, AGENCY_FIELDS))
        return ref

    def _stub(self, c: Mapping[str, Any]) -> NodeRef:
        ref = ("Document", c["key"])
        parent = self.merge(ref, {"stub": True, **_pick(c, STUB_FIELDS)})
        title = parent.get("title")
        if parent["stub"] and (title is None or (c["title"] is not None and c["title"] < title)):
            parent["title"] = c["title"]
        return ref

    def _task(self, d: Mapping[str, Any], t: Mapping[str, Any], doc: NodeRef, mine: _Owned) -> None:
        task: NodeRef = ("Task", t["key"])
        self._own(mine, task, {**_pick(t, TASK_FIELDS), "year": d["year"], "level": d["level"], "region": d["region"]})
        self._create(mine, "HAS_TASK", doc, task, {})
        for kind, roles in (("LEADS", t["leads"]), ("COOPERATES_ON", t["cooperating"])):
            for a in roles:
                self._create(mine, kind, self._agency(a), task, _pick(a, ROLE_FIELDS))
        for p in t["programmes"]:
            programme = ("Programme", p["key"])
            self.merge(programme, {"name": p["name"]})
            self._create(mine, "MENTIONS", task, programme, {})
        for g in t["targets"]:
            target: NodeRef = ("Target", g["key"])
            self._own(mine, target, _pick(g, TARGET_FIELDS))
            self._create(mine, "SETS", task, target, {})

    def _own(self, mine: _Owned, ref: NodeRef, props: Props) -> None:
        mine.nodes.append(ref)
        self.owned_nodes[ref] = props

    @staticmethod
    def _create(mine: _Owned, kind: str, source: NodeRef, target: NodeRef, props: Props) -> None:
        """A CREATE: never merged with an edge already there."""
        mine.edges[len(mine.edges)] = Edge(kind, source, target, props)

    def graph(self, outcomes: list[Outcome]) -> BulkGraph:
        result = BulkGraph(outcomes=outcomes)
        for (label, key), props in [*self.shared.items(), *self.owned_nodes.items()]:
            result.nodes.setdefault(label, {})[key] = _present(props)
        result.edges = [Edge("PART_OF", a, b, {}) for a, b in self.part_of]
        for mine in self.owned.values():
            result.edges.extend(Edge(e.type, e.source, e.target, _present(e.properties)) for e in mine.edges.values())
        return result


def _stored_values(d: Mapping[str, Any]) -> Iterator[Any]:
    """Every value the row puts into a property."""
    yield from _pick(d, DOCUMENT_FIELDS).values()
    yield from d["coverage"].values()
    for r in d["regions"]:
        yield from _pick(r, ("code", "name", "level", "path")).values()
    for a in d["issuer_agencies"]:
        yield from _pick(a, ("key", *AGENCY_FIELDS)).values()
    for c in d["cited"]:
        yield from _pick(c, ("key", "title", *STUB_FIELDS, "relation", "quote", "span")).values()
    for t in d["tasks"]:
        yield from _pick(t, TASK_FIELDS).values()
        for a in [*t["leads"], *t["cooperating"]]:
            yield from _pick(a, ("key", *AGENCY_FIELDS, *ROLE_FIELDS)).values()
        yield from (p["key"] for p in t["programmes"])
        for g in t["targets"]:
            yield from _pick(g, TARGET_FIELDS).values()


SCALARS = (bool, int, float, str, type(None))


def _unstorable(d: Mapping[str, Any]) -> str | None:
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


def _refuse_unstorable(rows: list[dict[str, Any]], outcomes: list[Outcome]) -> list[dict[str, Any]]:
    """A row that cannot be written fails alone, as in the loader, and takes nothing into the graph."""
    kept = []
    for row in rows:
        reason = _unstorable(row)
        if reason:
            outcomes.append(Outcome(str(row.get("source")), "failed", row["key"], reason))
        else:
            kept.append(row)
    return kept


def bulk_graph(records: Iterable[Mapping[str, Any]], *, batch_size: int = DEFAULT_BATCH) -> BulkGraph:
    """The graph graph.loader.load_records(records, batch_size=…) writes into an empty graph, before its derived
    refresh, with the same outcomes."""
    builder = _Builder()
    outcomes: list[Outcome] = []
    hashes: dict[str, str | None] = {}  # full notices written: key → sha256 (documents_hashes)
    for batch in batched(records, batch_size):
        rows, failures = _rows_for(batch)
        outcomes.extend(failures)
        rows = _refuse_unstorable(rows, outcomes)
        known = {row["key"]: hashes[row["key"]] for row in rows if row["key"] in hashes}
        pending = []
        for row in rows:
            if row["key"] in known and known[row["key"]] == row["sha256"] and row["sha256"]:
                outcomes.append(Outcome(row["source"], "unchanged", row["key"]))
            else:
                pending.append(row)
        while pending:
            first, pending = _split_duplicates(pending)
            for row in first:
                status: Status = "replaced" if row["key"] in known else "new"
                builder.write(row)
                outcomes.append(Outcome(row["source"], status, row["key"]))
            known.update({row["key"]: row["sha256"] for row in first})
            hashes.update({row["key"]: row["sha256"] for row in first})
    return builder.graph(outcomes)
