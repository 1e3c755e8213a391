"""An ordered map over worker processes that never runs more than a window ahead of its consumer.

`policygraph ingest` extracts notices in worker processes while the loader writes the ones already extracted.
`Executor.map` (Python 3.11) submits every item at once and keeps every result until it is read, so a corpus of
50,000 notices behind a slower loader would sit in memory whole; here at most `window` items are in flight or
waiting, whatever the corpus size. With one worker everything runs in this process (no pool to start: the tests
and small ingests).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from policygraph.graph.process import die_with_parent

Item = TypeVar("Item")
Result = TypeVar("Result")

WINDOW_PER_WORKER = 4  # enough queued work that no worker waits for the next item, and little memory held


def bounded_map(
    function: Callable[[Item], Result], items: Iterable[Item], *, workers: int, window: int | None = None
) -> Iterator[Result]:
    """`function(item)` for each item, in the items' order, computed by `workers` processes.

    `function` must be a module-level function (it is pickled). Workers are spawned, not forked: the parent holds
    engine connections and driver threads that a forked child must not inherit."""
    if workers <= 1:
        yield from map(function, items)
        return
    limit = window or workers * WINDOW_PER_WORKER
    context = multiprocessing.get_context("spawn")
    # Workers end with their parent: an ingest killed with SIGKILL leaves no extraction process behind.
    with ProcessPoolExecutor(workers, context, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        pending: deque[Future[Result]] = deque()
        for item in items:
            pending.append(pool.submit(function, item))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
