"""The side-by-side page's rows: the other notice's task on the left facing the notice's task on the right, with the
characters that differ marked.

Rows follow the notice's order: each of its tasks with the task(s) it is aligned with, or alone (added); a dropped
task of the other notice comes after the last row whose left task precedes it. The texts are cut into fragments,
each (text, differs), by difflib's SequenceMatcher; the template escapes every fragment (no markup is built here).
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

Fragment = tuple[str, bool]


def _merged(fragments: list[Fragment]) -> list[Fragment]:
    """Adjacent fragments of the same kind joined, empty ones dropped."""
    out: list[Fragment] = []
    for text, differs in fragments:
        if not text:
            continue
        if out and out[-1][1] == differs:
            out[-1] = (out[-1][0] + text, differs)
        else:
            out.append((text, differs))
    return out


def fragments(left: str, right: str) -> tuple[list[Fragment], list[Fragment]]:
    """Both texts as fragments: equal runs unmarked, replaced, deleted and inserted runs marked."""
    # autojunk off: in Chinese prose the frequent characters (的, 和, 、) are not noise to skip.
    matcher = SequenceMatcher(None, left, right, autojunk=False)
    on_left: list[Fragment] = []
    on_right: list[Fragment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        same = tag == "equal"
        on_left.append((left[i1:i2], not same))
        on_right.append((right[j1:j2], not same))
    return _merged(on_left), _merged(on_right)


def _whole(text: str) -> list[Fragment]:
    return [(text, False)] if text else []


def _row(
    kind: str, left: dict[str, Any] | None, right: dict[str, Any] | None, pair: dict[str, Any] | None
) -> dict[str, Any]:
    if left is not None and right is not None:
        left_text, right_text = fragments(left["text"], right["text"])
    else:
        left_text = _whole(left["text"]) if left else []
        right_text = _whole(right["text"]) if right else []
    return {"kind": kind, "left": left, "right": right, "left_text": left_text, "right_text": right_text,
            "score": pair["score"] if pair else None, "changes": pair["changes"] if pair else None}  # fmt: skip


def side_by_side(comparison: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of the page, from the comparison's answer (GET /documents/{key}/compare)."""
    pairs_of: dict[str, list[dict[str, Any]]] = {}
    for pair in comparison["inherited"]:
        pairs_of.setdefault(pair["task"]["key"], []).append(pair)
    added = {task["key"] for task in comparison["added"]}
    tasks = sorted([*(p["task"] for p in comparison["inherited"]), *comparison["added"]], key=lambda t: t["ordinal"])
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for task in tasks:
        if task["key"] in seen:
            continue
        seen.add(task["key"])
        if task["key"] in added:
            rows.append(_row("added", None, task, None))
        rows += [_row("inherited", pair["other"], task, pair) for pair in pairs_of.get(task["key"], [])]
    for task in sorted(comparison["dropped"], key=lambda t: t["ordinal"]):
        before = [i for i, row in enumerate(rows) if row["left"] and row["left"]["ordinal"] < task["ordinal"]]
        rows.insert(before[-1] + 1 if before else 0, _row("dropped", task, None, None))
    return rows
