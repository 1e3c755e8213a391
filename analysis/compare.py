"""What changed: the comparison of a notice with another — by default its parent — task by task.

The notice's tasks (A) are aligned with the other notice's (B) by graph.align.align() on the tasks as stored (the
calibrated scorer and threshold live there). A task of A aligned with one or several of B is inherited; a task of A
aligned with none is added; a task of B that no task of A aligned with is dropped. For each aligned pair,
analysis/compare_changes.py says what changed (lead, cooperating units, deadline, targets, programmes). The shares:
of A's tasks, how many are inherited from B; of B's tasks, how many A took up. docs/compare.md has the rules.

Three queries by key: each notice with its tasks (cypher/documents_compare_notice.cypher), and the partners a
notice is usually compared with (cypher/documents_compare_partners.cypher): its parents (IMPLEMENTS; the default is
the explicit one, else the nearest tier), its siblings (implementing the same parent) and the same issuer's previous
notice (same ISSUED_BY organs, region and level; the rule of the stored previous_year alignments).
"""

from __future__ import annotations

from typing import Any

from policygraph.analysis.compare_changes import changes
from policygraph.core.errors import BadInput, InvalidParameter, NotFound
from policygraph.core.i18n import N_
from policygraph.graph.align import THRESHOLD, Aligned, AlignTask, align
from policygraph.graph.alignment import previous_notices
from policygraph.graph.store import GraphStore, Row

STUB = "a stub has no tasks to compare: known only as cited"
RELATIONS = ("parent", "sibling", "previous_year", "other")
NOTICE_FIELDS = ("key", "doc_no", "title", "issuer", "level", "region", "year", "stub")
_AGENCY_FIELDS = ("key", "name", "function", "jurisdiction", "level", "kind")


def _ref(row: Row) -> Row:
    fields = ("key", "doc_no", "title", "level", "region", "year", "stub", "task_count", "kind")
    return {name: row.get(name) for name in fields}


def partners(store: GraphStore, key: str) -> dict[str, Any]:
    """The notices this one is compared with: `parents` (explicit first, then the nearest tier; each with `kind`,
    `stub` and `task_count`), `siblings` (notices with tasks implementing one of the same parents, by key) and
    `previous_year` (the same issuer's previous notice with tasks — the rule of the stored alignments,
    graph/alignment.py previous_notices — or None). NotFound for an unknown key."""
    rows = store.run("documents_compare_partners", {"key": key})
    if not rows:
        raise NotFound(N_("no notice has the key %(key)r"), values={"key": key})
    row = rows[0]
    parents = sorted(row["parents"], key=lambda p: (p["kind"] != "explicit", -(p["tier"] or 0), p["key"]))
    earlier = {e["key"]: e for e in row["earlier"]}
    previous = previous_notices([row, *row["earlier"]]).get(key)
    return {"parents": [_ref(p) for p in parents], "siblings": sorted((_ref(s) for s in row["siblings"]),
            key=lambda s: s["key"]), "previous_year": _ref(earlier[previous]) if previous else None}  # fmt: skip


def relation_of(found: dict[str, Any], other: str) -> str:
    """How the other notice stands to this one: parent, sibling, previous_year or other."""
    if any(p["key"] == other for p in found["parents"]):
        return "parent"
    if any(s["key"] == other for s in found["siblings"]):
        return "sibling"
    previous = found["previous_year"]
    return "previous_year" if previous and previous["key"] == other else "other"


def _notice(store: GraphStore, key: str, parameter: str) -> tuple[Row, list[Row]]:
    """The notice's heading fields and its tasks in order (one query); NotFound for an unknown key."""
    rows = store.run("documents_compare_notice", {"key": key})
    if not rows:
        raise NotFound(N_("no notice has the key %(key)r"), values={"key": key}, parameter=parameter)
    tasks = sorted((_task(row) for row in rows[0]["tasks"]), key=lambda t: t["ordinal"])
    return {**{name: rows[0].get(name) for name in NOTICE_FIELDS}, "task_count": len(tasks)}, tasks


def _comparable(notice: Row, tasks: list[Row], parameter: str) -> list[Row]:
    """A stub or a notice without tasks is refused, saying why."""
    if notice["stub"]:
        raise BadInput(N_("%(key)s is a stub: a stub has no tasks to compare: known only as cited"),
                       parameter=parameter, values={"key": notice["key"]})  # fmt: skip
    if not tasks:
        raise BadInput(N_("%(key)s has no tasks to compare"), parameter=parameter, values={"key": notice["key"]})
    return tasks


def _task(row: Row) -> Row:
    """A task as the comparison shows it: agencies by name, targets in printed order, programmes by name."""
    agencies = {role: sorted(({f: a.get(f) for f in _AGENCY_FIELDS} for a in row[role]), key=lambda a: a["name"])
                for role in ("leads", "cooperating")}  # fmt: skip
    targets = sorted(row["targets"], key=lambda t: (t.get("span") or [0])[0])
    return {"key": row["key"], "ordinal": row["ordinal"], "number": row["number"], "title": row["title"] or "",
            "text": row["text"] or "", **agencies, "programmes": sorted(row["programmes"]),
            "targets": [{f: t.get(f) for f in ("text", "kind", "value")} for t in targets],
            "deadline": row["deadline"]}  # fmt: skip


def _default_other(key: str, found: dict[str, Any]) -> tuple[str, str]:
    """The parent a comparison without `with` uses, and why that one."""
    if not found["parents"]:
        raise BadInput(N_("%(key)s has no parent notice; give with=KEY to compare it with another notice"),
                       parameter="with", values={"key": key})  # fmt: skip
    parent = found["parents"][0]
    why = "cited as its basis" if parent["kind"] == "explicit" else "inferred: the nearest higher-tier notice"
    several = f", the first of its {len(found['parents'])} parents" if len(found["parents"]) > 1 else ""
    if parent["stub"]:
        raise BadInput(N_("its parent %(key)s is a stub: a stub has no tasks to compare: known only as cited; give "
                          "with=KEY to compare it with another notice (a sibling, the previous year)"),
                       parameter="with", values={"key": parent["key"]})  # fmt: skip
    return parent["key"], f"its parent ({parent['kind']}: {why}{several})"


def compare(store: GraphStore, key: str, with_key: str | None = None) -> dict[str, Any]:
    """The notice `key` (A) against `with_key` (B; None: A's parent). Plain data: `notice`, `other`, `relation`
    (parent | sibling | previous_year | other: what B is to A), `chosen` (why B, when it was not given), `threshold`,
    `shares`, `counts`, `inherited` (pairs with their `changes`), `added` (A's tasks aligned with nothing) and
    `dropped` (B's tasks nothing aligned with). Refused: A = B, an unknown key, a stub, a notice without tasks."""
    if with_key is not None and with_key == key:
        raise InvalidParameter("with", N_("a notice cannot be compared with itself (%(key)s): give another notice's key"),
                               values={"key": key})  # fmt: skip
    notice, a_tasks = _notice(store, key, "key")
    found = partners(store, key)
    chosen = None
    if with_key is None:
        with_key, chosen = _default_other(key, found)
    other, b_tasks = _notice(store, with_key, "with")
    a_tasks, b_tasks = _comparable(notice, a_tasks, "key"), _comparable(other, b_tasks, "with")
    pairs = align([AlignTask(t["key"], t["title"], t["text"]) for t in a_tasks],
                  [AlignTask(t["key"], t["title"], t["text"]) for t in b_tasks])  # fmt: skip
    shift = (notice["year"] or 0) - (other["year"] or 0) if notice["year"] and other["year"] else 0
    inherited = _inherited(a_tasks, b_tasks, pairs, shift)
    aligned_a, aligned_b = {p.a for p in pairs}, {p.b for p in pairs}
    added = [t for t in a_tasks if t["key"] not in aligned_a]
    dropped = [t for t in b_tasks if t["key"] not in aligned_b]
    return {"notice": notice, "other": other, "relation": relation_of(found, with_key), "chosen": chosen,
            "threshold": THRESHOLD, "shares": _shares(a_tasks, b_tasks, aligned_a, aligned_b),
            "counts": _counts(inherited, added, dropped), "inherited": inherited, "added": added,
            "dropped": dropped}  # fmt: skip


def _inherited(a_tasks: list[Row], b_tasks: list[Row], pairs: list[Aligned], shift: int) -> list[Row]:
    """Each aligned pair in the notice's order (then by score), with what changed from B's task to A's."""
    a_of, b_of = {t["key"]: t for t in a_tasks}, {t["key"]: t for t in b_tasks}
    return [{"task": a_of[p.a], "other": b_of[p.b], "score": p.score, "changes": changes(a_of[p.a], b_of[p.b], shift)}
            for p in pairs]  # fmt: skip


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _shares(a_tasks: list[Row], b_tasks: list[Row], aligned_a: set[str], aligned_b: set[str]) -> Row:
    """`inherited`: the share of the notice's tasks aligned with the other's; `taken_up`: the share of the other's
    tasks the notice aligned with; with the counts they are made of."""
    return {"inherited": _share(len(aligned_a), len(a_tasks)), "taken_up": _share(len(aligned_b), len(b_tasks)),
            "tasks": len(a_tasks), "tasks_inherited": len(aligned_a), "other_tasks": len(b_tasks),
            "other_tasks_taken_up": len(aligned_b)}  # fmt: skip


def _counts(inherited: list[Row], added: list[Row], dropped: list[Row]) -> Row:
    """How many pairs show each kind of change, and how many tasks were added and dropped."""
    found = [pair["changes"] for pair in inherited]

    def deadlines(change: str) -> int:
        return sum(c["deadline"]["change"] == change for c in found)

    def targets(change: str) -> int:
        return sum(any(t["change"] == change for t in c["targets"]) for c in found)

    return {"pairs": len(inherited), "added": len(added), "dropped": len(dropped),
            "changed_pairs": sum(c["any"] for c in found),
            "lead_changed": sum(c["lead"]["status"] == "changed" for c in found),
            "lead_other_tier": sum(c["lead"]["status"] in ("lower_tier", "higher_tier", "other_region") for c in found),
            "cooperating_changed": sum(c["cooperating"]["changed"] for c in found),
            "deadline_tightened": deadlines("tightened"), "deadline_loosened": deadlines("loosened"),
            "deadline_moved": deadlines("moved"), "targets_tightened": targets("tightened"),
            "targets_loosened": targets("loosened"),
            "programmes_changed": sum(c["programmes"]["changed"] for c in found)}  # fmt: skip
