"""Analysts' corrections applied to the loaded graph: after every ingest, and at once when one is added.

Applied to the graph rather than to the extraction records, so that one path serves both moments: a correction
added through the CLI or the API changes the graph without the notice's file at hand, and an ingest re-applies the
whole file after loading (a notice whose file is unchanged is not rewritten, a changed one comes back as
extracted; either way the corrections go on top). Every step is idempotent: applying twice is applying once.

A notice keeps its extracted key when its 文号 is corrected (corrections name notices by that key); notices citing
the corrected 文号 are linked to it. A correction whose target is gone (the notice is not loaded, the task at that
position has another number or title, the parent is not in the graph) is returned as an `Orphan`, never dropped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policygraph.graph import alignment, counts, lineage
from policygraph.graph.rows import agency_row, issuer_rows, region_chain, tier_of
from policygraph.graph.store import GraphStore
from policygraph.graph.writer import one_writer
from policygraph.ingest import corrections as correction_file
from policygraph.ingest.corrections import Correction, CorrectionError, Orphan, TaskRef
from policygraph.ingest.docno import find_doc_nos

TaskFacts = tuple[str | None, str | None, str]  # number, title, key


@dataclass
class Notice:
    """A loaded notice as the graph holds it now: the fields corrections may set, and its tasks by ordinal."""

    key: str
    fields: dict[str, Any]
    tasks: dict[int, TaskFacts]


@dataclass
class Applied:
    applied: list[Correction] = field(default_factory=list)
    orphans: list[Orphan] = field(default_factory=list)


def notices(store: GraphStore, keys: Iterable[str]) -> dict[str, Notice]:
    rows = store.run("corrections_targets", {"keys": sorted(set(keys))})
    found = {}
    for row in rows:
        tasks = {int(t[0]): (t[1], t[2], t[3]) for t in row["tasks"] if t is not None}
        fields = {name: row[name] for name in ("doc_no", "issuer", "level", "region", "date")}
        found[row["key"]] = Notice(row["key"], fields, tasks)
    return found


def task_mismatch(ref: TaskRef, tasks: Mapping[int, TaskFacts]) -> str | None:
    """Why the task a correction names is not the notice's task at that position any more; None when it is."""
    if ref.ordinal not in tasks:
        return f"task {ref.ordinal} {ref.number} {ref.title!r} is gone: the notice has {len(tasks)} tasks"
    number, title, _ = tasks[ref.ordinal]
    if (number, title) != (ref.number, ref.title):
        return f"task {ref.ordinal} is now {number} {title!r}, not {ref.number} {ref.title!r}"
    return None


def orphan_reason(correction: Correction, found: Mapping[str, Notice], known: set[str]) -> str | None:
    """Why a correction cannot be applied to the graph as it is; None when it can."""
    notice = found.get(correction.notice)
    if notice is None:
        return "the notice is not in the graph"
    if correction.task is not None:
        return task_mismatch(correction.task, notice.tasks)
    parent = correction.fields.get("parent")
    if parent is not None and parent not in known:
        return f"the parent {parent} is not in the graph"
    if parent == correction.notice:
        return "a notice cannot implement itself"
    return None


def check(store: GraphStore, corrections: list[Correction]) -> tuple[dict[str, Notice], list[Orphan]]:
    """The notices the corrections name, and the corrections that cannot be applied."""
    found = notices(store, (c.notice for c in corrections))
    parents = {str(c.fields["parent"]) for c in corrections if c.fields.get("parent")}
    known = {row["key"] for row in store.run("corrections_documents_exist", {"keys": sorted(parents)})}
    orphans = []
    for correction in corrections:
        reason = orphan_reason(correction, found, known)
        if reason:
            orphans.append(Orphan(correction, reason))
    return found, orphans


def apply(store: GraphStore, corrections: list[Correction]) -> Applied:
    """Apply every correction that still has its target; report the others."""
    found, orphans = check(store, corrections)
    lost = {id(o.correction) for o in orphans}
    usable = [c for c in corrections if id(c) not in lost]
    documents = [c for c in usable if c.task is None]
    tasks = [c for c in usable if c.task is not None]
    doc_rows = document_rows(documents, found)
    linked_before = alignment.parents(store) if documents else {}
    if doc_rows:
        store.run("corrections_documents", {"docs": doc_rows}, write=True)
        citers = [{"key": row["key"], "doc_no": row["doc_no"]} for row in doc_rows if row["doc_no"]]
        store.run("corrections_citers", {"docs": citers}, write=True)
        lineage.refresh(store)  # tiers, regions and citations changed: the computed parents may change too
        store.run("graph_prune_orphans", write=True)
        documents_counted = {"documents": [row["key"] for row in doc_rows]}
        counts.refresh(store, keys(store.run("agency_counts_agencies_of_documents", documents_counted)))
    if tasks:
        rows = task_rows(store, tasks, found)
        counted = {"tasks": [row["key"] for row in rows]}
        before = keys(store.run("agency_counts_agencies_of_tasks", counted))
        store.run("corrections_tasks", {"tasks": rows}, write=True)
        store.run("graph_prune_orphans", write=True)
        counts.refresh(store, before | keys(store.run("agency_counts_agencies_of_tasks", counted)))
    parents = parent_rows(documents)
    if parents:
        store.run("corrections_parents", {"edges": parents}, write=True)
    if documents:  # parents, regions, levels or issuers changed: the task alignments around them follow
        regions = {found[c.notice].fields["region"] for c in documents} | {row["region"] for row in doc_rows}
        alignment.after_relinking(store, linked_before, {region for region in regions if region})
    return Applied(usable, orphans)


def keys(rows: list[dict[str, Any]]) -> set[str]:
    return {row["key"] for row in rows}


def add(store: GraphStore, path: Path, correction: Correction) -> Correction:
    """Check a new correction against the graph (its notice and task must be there as it names them), append it to
    the file (refused whole if the file would then contradict itself), and apply the notice's corrections at once.
    Returns the correction with its line in the file. CorrectionError names the file, the line and the reason."""

    def accept(new: Correction) -> None:
        _, orphans = check(store, [new])
        if orphans:
            raise CorrectionError(f"{path}:{new.line}", orphans[0].reason)

    with one_writer(store):
        written = correction_file.append(path, correction, accept)
        apply(store, [c for c in correction_file.read_file(path) if c.notice == written.notice])
    return written


def notice_key(store: GraphStore, given: str) -> str:
    """The key of the notice the analyst means: `given` when a loaded notice has that key (its 文号, or
    region|year|title), else the one notice read from the file `given` names (its path or file name). A file name
    that names no notice, or several, is returned unchanged, to be refused as a notice not in the graph."""
    if notices(store, [given]):
        return given
    keys = {row["key"] for row in store.run("corrections_key_of_source", {"source": given})}
    return keys.pop() if len(keys) == 1 else given


def task_as_printed(store: GraphStore, notice: str, ordinal: int) -> TaskRef | None:
    """The number and title the graph holds for task `ordinal` of a notice, to name it in a new correction."""
    found = notices(store, [notice]).get(notice)
    if found is None or ordinal not in found.tasks:
        return None
    number, title, _ = found.tasks[ordinal]
    return TaskRef(ordinal, number or "", title or "")


# ---- notices ----------------------------------------------------------------------------------------------------


def _notes(corrections: list[Correction]) -> str:
    return "; ".join(dict.fromkeys(c.note for c in corrections))


def document_rows(corrections: list[Correction], found: Mapping[str, Notice]) -> list[dict[str, Any]]:
    """One row per corrected notice: its fields as corrected, and what follows from them (rows.py's helpers)."""
    by_notice: dict[str, list[Correction]] = defaultdict(list)
    for correction in corrections:
        by_notice[correction.notice].append(correction)
    rows = []
    for key, group in sorted(by_notice.items()):
        fields = dict(found[key].fields)
        for correction in group:
            fields.update({k: v for k, v in correction.fields.items() if k != "parent"})
        doc_nos = find_doc_nos(fields["doc_no"]) if fields.get("doc_no") else []
        chain = region_chain(fields.get("region"))
        rows.append(fields | {
            "key": key,
            "doc_no_prefix": doc_nos[0].prefix if doc_nos else None,
            "tier": tier_of(fields.get("level"), fields.get("region")),
            "regions": chain,
            "region_code": chain[0]["code"] if chain else None,
            "issuer_agencies": issuer_rows(fields),
            "corrected_fields": sorted({name for c in group for name in c.fields}),
            "note": _notes(group),
            "corrected_on": max(c.corrected_on for c in group),
        })  # fmt: skip
    return rows


def parent_rows(corrections: list[Correction]) -> list[dict[str, Any]]:
    return [
        {"child": c.notice, "parent": c.fields["parent"], "note": c.note, "corrected_on": c.corrected_on,
         "reason": f"corrected by an analyst on {c.corrected_on}: {c.note}"}
        for c in corrections if c.fields.get("parent")
    ]  # fmt: skip


# ---- tasks ------------------------------------------------------------------------------------------------------


def agencies_named(store: GraphStore, corrections: list[Correction]) -> dict[str, list[dict[str, Any]]]:
    """The graph's agencies under each name the corrections give (one query for all of them)."""
    names = sorted({n for c in corrections for n in (c.lead or ()) + (c.cooperating or ())})
    candidates: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in store.run("corrections_agencies", {"names": names}):
        candidates[row["name"]].append(row)
    return candidates


def resolve_agency(name: str, candidates: list[dict[str, Any]], region: str | None) -> dict[str, Any]:
    """A name as an agency row: the graph's agency of that name whose jurisdiction contains the notice's region
    (the nearest), else a national one, else a new agency of the notice's region. Names are taken as written."""
    fitting = [a for a in candidates if not a["jurisdiction"] or (region or "").startswith(a["jurisdiction"])]
    if not fitting:
        return agency_row({"canonical": name, "jurisdiction": region or "", "kind": "agency"})
    best = max(fitting, key=lambda a: (len(a["jurisdiction"] or ""), a["key"]))
    return {k: best[k] for k in ("key", "jurisdiction", "level", "kind", "function")} | {"name": name}


def task_rows(store: GraphStore, corrections: list[Correction], found: Mapping[str, Notice]) -> list[dict[str, Any]]:
    """One row per corrected task (cypher/corrections_tasks.cypher), merging the corrections of it."""
    by_task: dict[tuple[str, int], list[Correction]] = defaultdict(list)
    for correction in corrections:
        assert correction.task is not None
        by_task[(correction.notice, correction.task.ordinal)].append(correction)
    named = agencies_named(store, corrections)
    rows = []
    for (notice, ordinal), group in sorted(by_task.items()):
        region = found[notice].fields.get("region")
        names = {n for c in group for n in (c.lead or ()) + (c.cooperating or ())}
        agencies = {name: resolve_agency(name, named[name], region) for name in names}
        rows.append(task_row(found[notice].tasks[ordinal][2], group, agencies))
    return rows


def task_row(key: str, group: list[Correction], agencies: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """What the corrections of one task set; each role keeps the note and date of the correction that set it (the
    file never sets one thing of a task twice differently)."""
    row: dict[str, Any] = {"key": key, "deadline": None, "set_deadline": False}
    for role, edges in (("lead", "leads"), ("cooperating", "cooperating")):
        setting = next((c for c in group if getattr(c, role) is not None), None)
        row |= {edges: [agencies[n] for n in getattr(setting, role)] if setting else [], f"set_{role}": bool(setting),
                f"{role}_note": setting.note if setting else None,
                f"{role}_on": setting.corrected_on if setting else None}  # fmt: skip
    dated = next((c for c in group if c.deadline is not None), None)
    if dated and dated.deadline:
        row |= {"set_deadline": True, "deadline": dated.deadline.to_json()}
    return row | {"corrected_fields": sorted({name for c in group for name in c.changes()}), "note": _notes(group),
                  "corrected_on": max(c.corrected_on for c in group)}  # fmt: skip
