"""Task alignment: which tasks of one notice say the same as which tasks of another (a child and its parent, the
same issuer's previous year, two siblings), by the similarity of their wording.

Pure functions, no database: the derived refresh stores the alignments of the standard pairs as ALIGNS_WITH edges,
and the comparison of any two notices (analysis/compare.py) aligns their tasks on the fly with the same function.

FIRST VERSION (an interface to build on): character-bigram Dice similarity, a fixed threshold. The calibrated
scorer, the boilerplate handling and the gold (docs/alignment.md) replace the inside, not the signatures.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

# The score at and above which two tasks are aligned (0..1).
THRESHOLD = 0.35

_NOT_WORDING = re.compile(r"[\s\d\W_]+")


@dataclass(frozen=True)
class AlignTask:
    """What alignment reads of a task: its key, its heading (title) and its text."""

    key: str
    title: str
    text: str


@dataclass(frozen=True)
class Aligned:
    """Task `a` (of the first notice) says what task `b` (of the second) says, with this score (0..1)."""

    a: str
    b: str
    score: float


def _bigrams(task: AlignTask) -> Counter[str]:
    wording = _NOT_WORDING.sub("", f"{task.title}{task.text}")
    return Counter(wording[i : i + 2] for i in range(len(wording) - 1))


def _dice(x: Counter[str], y: Counter[str]) -> float:
    total = sum(x.values()) + sum(y.values())
    return 2 * sum((x & y).values()) / total if total else 0.0


def align(a: Sequence[AlignTask], b: Sequence[AlignTask], threshold: float = THRESHOLD) -> list[Aligned]:
    """Every pair (task of a, task of b) scoring at or above the threshold: a task may align with zero, one or
    several tasks of the other notice. Sorted by a's order, then by score (highest first)."""
    grams_b = [_bigrams(task) for task in b]
    pairs: list[Aligned] = []
    for task_a in a:
        grams_a = _bigrams(task_a)
        found = [Aligned(task_a.key, task_b.key, round(_dice(grams_a, g), 4)) for task_b, g in zip(b, grams_b)]
        pairs.extend(sorted((p for p in found if p.score >= threshold), key=lambda p: -p.score))
    return pairs
