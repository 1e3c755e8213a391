"""Splitting work into statements of bounded size: a statement over a whole large graph runs long and, on Neo4j,
outgrows a transaction's memory, so the writers of derived rows (graph/counts.py, graph/ranks.py) take their keys a
batch at a time."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")


def chunks(items: Sequence[T], size: int) -> Iterator[list[T]]:
    """The items in lists of `size` (the last one shorter), in order."""
    return (list(items[i : i + size]) for i in range(0, len(items), size))


def pack(weights: Sequence[tuple[T, int]], limit: int, most: int) -> list[list[T]]:
    """The items, in order, in consecutive groups of at most `most` items whose weights add up to at most `limit`;
    an item heavier than `limit` alone makes a group of its own (the caller splits it further if it can)."""
    groups: list[list[T]] = []
    group: list[T] = []
    total = 0
    for item, weight in weights:
        if group and (total + weight > limit or len(group) >= most):
            groups.append(group)
            group, total = [], 0
        group.append(item)
        total += weight
    if group:
        groups.append(group)
    return groups
