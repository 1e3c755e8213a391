"""Measurable targets in a task: percentages, coverage, deadlines and counts, with their spans."""

from __future__ import annotations

import bisect
import re

from policygraph.ingest.normalise import NormalisedText
from policygraph.ingest.record import Target, TargetKind

# Most targets are a number and what follows it; numbers are rare in Chinese text, so the scan finds the numbers
# and then looks at what follows each (a scan per pattern over the whole text is several times slower).
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_PERCENT_AFTER = re.compile(r"%(以上|以下|左右)?")
_DEADLINE_AFTER = re.compile(r"年(?:(?P<m>[0-9]{1,2})月)?年?(?P<end>底|末)?(?P<before>前|之前|以前)?")
_COUNT_AFTER = re.compile(r"(万?(?:个|家|所|种|名|人|项|间|批|张|支|套))(以上)?")
_YEAR_END = re.compile(r"年(?:底|末)(?:前|之前)")  # 年底前 with no year: the notice's year
_FULL_COVERAGE = re.compile(r"全覆盖")
_COVERAGE_WORDS = re.compile(r"覆盖率|覆盖面|覆盖")
_DEADLINE_LEAD = ("到", "至")  # 到2025年: a deadline even without 前
_COUNT_LEAD = re.compile(r"(至少|不少于|不低于|达到?|新建|新增|培养|建设|打造|遴选|选派|招录|提高到?)$")
_COVERAGE_WINDOW = 10


def targets_by_range(norm: NormalisedText, ranges: list[tuple[int, int]], year: int | None) -> list[list[Target]]:
    """Targets in each [start, end) range of the normalised text; `year` completes 年底前 without a year.

    The patterns run once over the whole text (one scan each), then matches are dealt out to the ranges.
    """
    found = _without_overlaps(sorted(_matches(norm.text, year)))
    starts = [a for a, _, _, _ in found]
    result = []
    for start, end in ranges:
        inside = found[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        result.append([Target(norm.text[a:b], kind, value, norm.span_to_original(a, b))
                       for a, b, kind, value in inside if b <= end])  # fmt: skip
    return result


def _without_overlaps(
    found: list[tuple[int, int, TargetKind, float | str | None]],
) -> list[tuple[int, int, TargetKind, float | str | None]]:
    """Drop matches inside an earlier one (the 年底前 of 2024年年底前)."""
    kept: list[tuple[int, int, TargetKind, float | str | None]] = []
    for match in found:
        if not kept or match[0] >= kept[-1][1]:
            kept.append(match)
    return kept


def _matches(text: str, year: int | None) -> list[tuple[int, int, TargetKind, float | str | None]]:
    found: list[tuple[int, int, TargetKind, float | str | None]] = []
    for m in _NUMBER.finditer(text):
        found.extend(_after_number(text, m))
    for m in _YEAR_END.finditer(text):
        if text[m.start() - 1 : m.start()] not in ("月", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"):
            found.append((m.start(), m.end(), "deadline", str(year) if year else None))
    for m in _FULL_COVERAGE.finditer(text):
        found.append((m.start(), m.end(), "coverage", 100.0))
    return found


def _after_number(text: str, number: re.Match[str]) -> list[tuple[int, int, TargetKind, float | str | None]]:
    """The target a number opens, if any: 90%以上, 2024年10月底前, 至少530个."""
    start, end = number.span()
    before = text[start - 1 : start] if start else ""
    m = _PERCENT_AFTER.match(text, end)
    if m:
        near = text[max(0, start - _COVERAGE_WINDOW) : start]
        kind: TargetKind = "coverage" if _COVERAGE_WORDS.search(near) else "percent"
        return [(start, m.end(), kind, float(number.group()))]
    m = _DEADLINE_AFTER.match(text, end)
    if m and len(number.group()) == 4:
        if m.group("before") or m.group("end") or before in _DEADLINE_LEAD:
            month = m.group("m")
            value = f"{number.group()}-{int(month):02d}" if month else number.group()
            return [(start - 1 if before in _DEADLINE_LEAD else start, m.end(), "deadline", value)]
        return []
    m = _COUNT_AFTER.match(text, end)
    if m and before not in (".", "第"):
        lead = _COUNT_LEAD.search(text, max(0, start - 4), start)
        if lead or m.group(2):
            scale = 10_000 if m.group(1).startswith("万") else 1  # 58.8万名 → 588,000
            return [(lead.start() if lead else start, m.end(), "count", float(number.group()) * scale)]
    return []
