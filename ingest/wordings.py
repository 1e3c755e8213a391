"""The wordings table (`ingest/data/attribution_wordings.csv`): role verbs, first-leads rules, ongoing deadline
words and non-task section headings, read once per process."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

_PATH = Path(__file__).parent / "data" / "attribution_wordings.csv"


@cache
def _rows() -> tuple[tuple[str, str, str], ...]:
    with _PATH.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return tuple((row["kind"], row["wording"], row["meaning"]) for row in csv.DictReader(lines))


def wordings(kind: str) -> list[str]:
    """The wordings of one kind, in file order."""
    return [wording for k, wording, _ in _rows() if k == kind]


def meanings(kind: str) -> dict[str, str]:
    """Wording → meaning for one kind (the role verbs)."""
    return {wording: meaning for k, wording, meaning in _rows() if k == kind}
