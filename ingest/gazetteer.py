"""The data tables of `ingest/data/`, loaded once per process.

Each table is plain CSV or one-pattern-a-line text so that a new alias, region or programme is a new row, not new
code. This module only reads them; what they mean is decided in `regions`, `agencies` and `programmes`.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from policygraph.core.vocabulary import AGENCY_KINDS, AgencyKind

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines)]


def _patterns(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class Alias:
    full: str  # a full function name, or a template with {region} / {short}
    kind: AgencyKind


@dataclass(frozen=True)
class TierPrefix:
    prefix: str
    tier: str  # a region-name ending (省, 州 …), "own", "national" or "none"
    party: bool


@dataclass(frozen=True)
class Programme:
    name: str
    synonyms: tuple[str, ...]


@cache
def agency_aliases() -> dict[str, Alias]:
    """Function name as written → full function name (or template) and kind."""
    table = {}
    for row in _rows("agency_aliases.csv"):
        if row["kind"] not in AGENCY_KINDS:  # a typo in the table should stop the run, not mislabel organs
            raise ValueError(f"agency_aliases.csv: {row['written']}: unknown kind {row['kind']!r}")
        table[row["written"]] = Alias(row["full"], row["kind"])
    return table


@cache
def tier_prefixes() -> tuple[TierPrefix, ...]:
    """Prefix words, longest first so that 自治区党委 wins over 自治区 and 市场 over 市."""
    rows = [TierPrefix(r["prefix"], r["tier"], r["party"] == "yes") for r in _rows("tier_prefixes.csv")]
    return tuple(sorted(rows, key=lambda p: -len(p.prefix)))


@cache
def _tier_prefix_table() -> tuple[re.Pattern[str], dict[str, TierPrefix]]:
    table = {p.prefix: p for p in tier_prefixes()}
    return re.compile("|".join(re.escape(p.prefix) for p in tier_prefixes())), table


def tier_prefix_at(text: str) -> TierPrefix | None:
    """The longest prefix word `text` starts with (市场 before 市, so that 市场监管局 keeps its 市)."""
    pattern, table = _tier_prefix_table()
    m = pattern.match(text)
    return table[m.group(0)] if m else None


def tier_prefix(word: str) -> TierPrefix | None:
    """The prefix word `word` is, if it is one."""
    return _tier_prefix_table()[1].get(word)


@cache
def collective_pattern() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _patterns("collectives.txt")))


@cache
def programmes() -> tuple[Programme, ...]:
    table = []
    for row in _rows("programmes.csv"):
        synonyms = tuple(s for s in row["synonyms"].split("|") if s)
        table.append(Programme(row["name"], synonyms))
    return tuple(table)


@cache
def national_organs() -> dict[str, str]:
    """National organs as written (财政部, 国家医保局, 人社部) → full name (`national_organs.csv`)."""
    return {row["written"]: row["canonical"] for row in _rows("national_organs.csv")}
