"""Where each character of an edited text came from in the original.

The normaliser only ever deletes characters or replaces one character by one character, so the map from edited to
original positions is piecewise linear with slope 1: a sorted list of runs (edited start, original start). Storing
runs instead of one integer per character keeps the map small and composing two edits cheap.
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
        starts: list[int] = []
        origins: list[int] = []
        out = 0
        for a, b in kept:
            # An interval may span several runs of this map: split it at their boundaries.
            k = bisect.bisect_right(self.starts, a) - 1
            pos = a
            while pos < b:
                run_end = self.starts[k + 1] if k + 1 < len(self.starts) else self.length
                stop = min(b, run_end)
                origin = self.origins[k] + (pos - self.starts[k])
                if not (starts and origins[-1] + (out - starts[-1]) == origin):
                    starts.append(out)
                    origins.append(origin)
                out += stop - pos
                pos = stop
                k += 1
        if not starts:
            starts, origins = [0], [self.original_length]
        return OffsetMap(tuple(starts), tuple(origins), out, self.original_length)


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
