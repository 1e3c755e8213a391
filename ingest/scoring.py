"""Score extracted records against hand-made gold records: precision, recall and F1 per field.

Fields and what counts as one item:
- metadata (`doc_no`, `issuer`, `level`, `region`, `date`, `year`, `title`): one item per notice; both null counts
  as right;
- `cited`: one item per (doc_no, title, relation);
- `task_count`: min(predicted, gold) tasks are right, the surplus on either side wrong;
- `task_number`, `task_title`, `task_section`: tasks are aligned by their (section, number) sequence, then each
  aligned pair whose field agrees is one right item;
- `lead`, `cooperating`: one item per (aligned task, canonical name); `lead_basis`, `cooperating_basis` per
  (aligned task, name, basis).

Strings are compared after the normaliser's character folding (full-width → half-width, no whitespace): gold is
typed from the raw text, where "（开发区工委）" and "(开发区工委)" are the same words. Counts add up over notices
(micro-averaged) for the overall line.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policygraph.ingest.textutil import HALF_WIDTH

METADATA = ("doc_no", "issuer", "level", "region", "date", "year", "title")
TASK_FIELDS = ("task_count", "task_section", "task_number", "task_title")
ROLE_FIELDS = ("lead", "cooperating", "lead_basis", "cooperating_basis")
FIELDS = (*METADATA, "cited", *TASK_FIELDS, *ROLE_FIELDS)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


Scores = dict[str, Counts]


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    """Gold records by file stem (the seed's file name without .txt)."""
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(gold_dir.glob("*.json"))}


def score(predicted: dict[str, Any], gold: dict[str, Any]) -> Scores:
    """Counts per field for one notice; both arguments are records in the CLI's JSON shape."""
    scores: Scores = {name: _scalar(predicted.get(name), gold.get(name)) for name in METADATA}
    scores["cited"] = _sets(_citations(predicted), _citations(gold))
    pred_tasks, gold_tasks = predicted.get("tasks", []), gold.get("tasks", [])
    n = min(len(pred_tasks), len(gold_tasks))
    scores["task_count"] = Counts(n, len(pred_tasks) - n, len(gold_tasks) - n)
    pairs = _align(pred_tasks, gold_tasks)
    for name, key in (("task_section", "section"), ("task_number", "number"), ("task_title", "title")):
        right = sum(_same(p.get(key), g.get(key)) for p, g in pairs)
        scores[name] = Counts(right, len(pred_tasks) - right, len(gold_tasks) - right)
    for name in ROLE_FIELDS:
        scores[name] = _roles(pred_tasks, gold_tasks, pairs, name)
    return scores


def total(per_notice: Iterable[Scores]) -> Scores:
    summed = {name: Counts() for name in FIELDS}
    for scores in per_notice:
        for name, counts in scores.items():
            summed[name].add(counts)
    return summed


def _fold(value: Any) -> Any:
    """Strings without width or whitespace differences; other values unchanged."""
    return "".join(value.translate(HALF_WIDTH).split()) if isinstance(value, str) else value


def _same(a: Any, b: Any) -> bool:
    return bool(_fold(a) == _fold(b))


def _scalar(predicted: Any, gold: Any) -> Counts:
    if _same(predicted, gold):
        return Counts(tp=1)
    return Counts(fp=int(predicted is not None), fn=int(gold is not None))


def _sets(predicted: set[Any], gold: set[Any]) -> Counts:
    return Counts(len(predicted & gold), len(predicted - gold), len(gold - predicted))


def _citations(record: dict[str, Any]) -> set[tuple[Any, ...]]:
    return {(_fold(c.get("doc_no")), _fold(c.get("title")), c.get("relation")) for c in record.get("cited", [])}


def _align(pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Pairs of predicted and gold tasks: equal (section, number) runs, and equal-length replaced runs by position."""
    keys = [(t.get("section"), t.get("number")) for t in pred], [(t.get("section"), t.get("number")) for t in gold]
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    matcher = difflib.SequenceMatcher(a=keys[0], b=keys[1], autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and a2 - a1 == b2 - b1):
            pairs.extend(zip(pred[a1:a2], gold[b1:b2], strict=True))
    return pairs


def _role_items(task: dict[str, Any], name: str) -> set[tuple[str, ...]]:
    if name.endswith("_basis"):
        role = name.removesuffix("_basis")
        return {(_fold(n), b) for n, b in zip(task.get(role, []), task.get(name, []), strict=False)}
    return {(_fold(n),) for n in task.get(name, [])}


def _roles(pred: list[dict[str, Any]], gold: list[dict[str, Any]], pairs: list[tuple[Any, Any]], name: str) -> Counts:
    counts = Counts()
    for p, g in pairs:
        counts.add(_sets(_role_items(p, name), _role_items(g, name)))
    paired_pred = {id(p) for p, _ in pairs}
    paired_gold = {id(g) for _, g in pairs}
    counts.fp += sum(len(_role_items(t, name)) for t in pred if id(t) not in paired_pred)
    counts.fn += sum(len(_role_items(t, name)) for t in gold if id(t) not in paired_gold)
    return counts
