"""Where each character of an edited text came from in the original.

The normaliser deletes characters or replaces one character by one character, so the map from edited to original
positions is piecewise linear with slope 1: a sorted list of runs (edited start, original start). Storing runs
instead of one integer per character keeps the map small and composing two edits cheap. The one insertion it makes
is a line break restored in a notice printed without any (ingest.runtogether): the inserted character is a run of
length one that maps to the original position of the character it precedes, so a span starting at it starts there.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class OffsetMap:
    """Edited position → original position. `starts[k]` in the edited text begins a run copied from `origins[k]`."""

    starts: tuple[int, ...]
    origins: tuple[int, ...]
    length: int  # length of the edited text
    original_length: int

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls((0,), (0,), length, length)

    def __call__(self, i: int) -> int:
        """The original position of edited position `i`; `i == length` maps to the end of the original text."""
        if i < 0 or i > self.length:
            raise IndexError(f"offset {i} outside 0..{self.length}")
        if i == self.length:
            return self.original_length if self.length == 0 else self(i - 1) + 1
        k = bisect.bisect_right(self.starts, i) - 1
        return self.origins[k] + (i - self.starts[k])

    def keep(self, kept: Iterable[tuple[int, int]]) -> OffsetMap:
        """The map after keeping only the half-open intervals `kept` (sorted, disjoint) of the edited text."""
        runs = _Runs()
        for a, b in kept:
            self._copy(runs, a, b)
        return runs.done(self.original_length)

    def insert(self, at: Iterable[int]) -> OffsetMap:
        """The map after inserting one character before each edited position in `at` (sorted, no repeats, inside)."""
        runs = _Runs()
        pos = 0
        for p in at:
            if not 0 < p < self.length:
                continue  # a break is restored between two characters, never at either end
            self._copy(runs, pos, p)
            runs.add(self(p), 1)  # the inserted character stands where the character after it came from
            pos = p
        self._copy(runs, pos, self.length)
        return runs.done(self.original_length)

    def _copy(self, runs: _Runs, a: int, b: int) -> None:
        """Append edited [a, b) to `runs`; an interval may span several runs of this map: split it at their
        boundaries."""
        if a >= b:
            return
        k = bisect.bisect_right(self.starts, a) - 1
        pos = a
        while pos < b:
            run_end = self.starts[k + 1] if k + 1 < len(self.starts) else self.length
            stop = min(b, run_end)
            runs.add(self.origins[k] + (pos - self.starts[k]), stop - pos)
            pos = stop
            k += 1


class _Runs:
    """Runs of a map being built, merged when one continues the one before."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.origins: list[int] = []
        self.out = 0

    def add(self, origin: int, length: int) -> None:
        if not (self.starts and self.origins[-1] + (self.out - self.starts[-1]) == origin):
            self.starts.append(self.out)
            self.origins.append(origin)
        self.out += length

    def done(self, original_length: int) -> OffsetMap:
        if not self.starts:
            return OffsetMap((0,), (original_length,), 0, original_length)
        return OffsetMap(tuple(self.starts), tuple(self.origins), self.out, original_length)


def kept_intervals(length: int, deleted: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The complement of sorted, possibly overlapping deleted intervals within [0, length)."""
    kept: list[tuple[int, int]] = []
    pos = 0
    for a, b in sorted(deleted):
        if a > pos:
            kept.append((pos, a))
        pos = max(pos, b)
    if pos < length:
        kept.append((pos, length))
    return kept
