"""Measurable targets in a task: percentages, coverage, deadlines and counts, with their spans."""

from __future__ import annotations

import bisect
import re

from ingest.normalise import NormalisedText
from ingest.record import Target, TargetKind

_PERCENT = re.compile(r"([0-9]+(?:\.[0-9]+)?)%(以上|以下|左右)?")
_COVERAGE_WORDS = re.compile(r"覆盖率|覆盖面|覆盖")
_FULL_COVERAGE = re.compile(r"全覆盖")
_DEADLINE = re.compile(
    r"(?P<y>[0-9]{4})年(?:(?P<m>[0-9]{1,2})月)?年?(?P<end>底|末)?(?P<before>前|之前|以前)?"
    r"|(?<![0-9月])年(?:底|末)(?:前|之前)"
)
_DEADLINE_LEAD = ("到", "至")  # 到2025年: a deadline even without 前
# A number with a measure word; what makes it a target is checked around it (至少…, …以上).
_COUNT = re.compile(r"(?<![0-9.第])([0-9]+(?:\.[0-9]+)?)(万?(?:个|家|所|种|名|人|项|间|批|张|支|套))(以上)?")
_COUNT_LEAD = re.compile(r"(至少|不少于|不低于|达到?|新建|新增|培养|建设|打造|遴选|选派|招录|提高到?)$")
_COVERAGE_WINDOW = 10


def targets_by_range(norm: NormalisedText, ranges: list[tuple[int, int]], year: int | None) -> list[list[Target]]:
    """Targets in each [start, end) range of the normalised text; `year` completes 年底前 without a year.

    The patterns run once over the whole text (one scan each), then matches are dealt out to the ranges.
    """
    found = sorted(_matches(norm.text, year))
    starts = [a for a, _, _, _ in found]
    result = []
    for start, end in ranges:
        inside = found[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        result.append([Target(norm.text[a:b], kind, value, norm.span_to_original(a, b))
                       for a, b, kind, value in inside if b <= end])  # fmt: skip
    return result


def _matches(text: str, year: int | None) -> list[tuple[int, int, TargetKind, float | str | None]]:
    found: list[tuple[int, int, TargetKind, float | str | None]] = []
    for m in _PERCENT.finditer(text):
        near = text[max(0, m.start() - _COVERAGE_WINDOW) : m.start()]
        kind: TargetKind = "coverage" if _COVERAGE_WORDS.search(near) else "percent"
        found.append((m.start(), m.end(), kind, float(m.group(1))))
    for m in _FULL_COVERAGE.finditer(text):
        found.append((m.start(), m.end(), "coverage", 100.0))
    for m in _DEADLINE.finditer(text):
        if not m.group("y"):  # 年底前: the notice's year
            found.append((m.start(), m.end(), "deadline", str(year) if year else None))
        elif m.group("before") or m.group("end") or text[max(0, m.start() - 1) : m.start()] in _DEADLINE_LEAD:
            start = m.start() - 1 if text[max(0, m.start() - 1) : m.start()] in _DEADLINE_LEAD else m.start()
            month = m.group("m")
            found.append((start, m.end(), "deadline", f"{m.group('y')}-{int(month):02d}" if month else m.group("y")))
    for m in _COUNT.finditer(text):
        lead = _COUNT_LEAD.search(text, max(0, m.start() - 4), m.start())
        if lead or m.group(3):
            start = lead.start() if lead else m.start()
            scale = 10_000 if m.group(2).startswith("万") else 1  # 58.8万名 → 588,000
            found.append((start, m.end(), "count", float(m.group(1)) * scale))
    return found
