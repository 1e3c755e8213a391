"""One new notice into a graph of N generated notices: the derived data's refresh, incremental vs full. From the
repository root:

    python -m bench.bench_incremental --notices 5000
    python -m bench.bench_incremental --notices 5000 --engine both --records-cache /tmp/pg-records

A script, not a test: figures are printed, never asserted. The graph is built with load_records (batches of 200),
then a few notices are added one at a time (new ones from the same generator, and a changed version of a loaded one:
the same 文号, half its tasks), each timed as load_batch (the write) + refresh_derived(store, touched) (the incremental
refresh), and after each a full refresh_derived(store) for comparison (which the next notice then starts from).
Task alignment (graph/alignment.py) is timed apart: its share of the build's and of the full refresh, and of each
incremental refresh, with the pairs aligned and the ALIGNS_WITH edges written by kind. `--no-full-after` skips the
full refresh after each new notice (at 5,000 notices a full refresh aligns ~35,000 pairs of notices).
"""

from __future__ import annotations

import argparse
import copy
import statistics
import time
from collections import defaultdict
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from bench.common import (
    Deadline,
    Engine,
    cached_records,
    code_state,
    start_engine,
)
from policygraph.graph import alignment
from policygraph.graph.loader import load_batch, load_records, refresh_derived
from policygraph.graph.touched import Touched

Record = dict[str, Any]


def changed(record: Record) -> Record:
    new = copy.deepcopy(record)
    new["tasks"] = new["tasks"][: len(new["tasks"]) // 2]
    new["sha256"] = f"changed-{record['sha256']}"
    return new


class QueryTimes:
    """Seconds per named query while installed on a store (its `run`), to show where a refresh spends its time."""

    def __init__(self, store: Any) -> None:
        self.store, self.run = store, store.run
        self.seconds: defaultdict[str, float] = defaultdict(float)

    def __enter__(self) -> QueryTimes:
        def timed(name: str, *args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return self.run(name, *args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - started

        self.store.run = timed
        return self

    def __exit__(self, *exc: object) -> None:
        self.store.run = self.run

    def top(self, n: int = 6) -> str:
        ranked = sorted(self.seconds.items(), key=lambda item: -item[1])[:n]
        return ", ".join(f"{name} {seconds:.3f}" for name, seconds in ranked)


class AlignmentTime:
    """Seconds spent in task alignment (graph/alignment.py, full or near) while installed, and what it wrote."""

    def __init__(self) -> None:
        self.full, self.near = alignment.refresh, alignment.refresh_near
        self.seconds = 0.0
        self.written = alignment.Written()

    def _timed(self, function: Any) -> Any:
        def timed(*args: Any) -> alignment.Written:
            started = time.perf_counter()
            self.written = function(*args)
            self.seconds += time.perf_counter() - started
            return self.written

        return timed

    def __enter__(self) -> AlignmentTime:
        alignment.refresh, alignment.refresh_near = self._timed(self.full), self._timed(self.near)
        return self

    def __exit__(self, *exc: object) -> None:
        alignment.refresh, alignment.refresh_near = self.full, self.near


def describe(written: alignment.Written) -> str:
    return ", ".join(f"{kind} {written.pairs[kind]} pairs / {written.edges[kind]} edges" for kind in alignment.KINDS)


def one_notice(store: Any, record: Record, full_after: bool = True) -> tuple[float, float, float]:
    """Seconds of the write, of the incremental refresh after it, and of a full refresh of the same graph."""
    touched = Touched()
    started = time.perf_counter()
    load_batch(store, [record], touched)
    written = time.perf_counter()
    with QueryTimes(store) as times, AlignmentTime() as aligned:
        refresh_derived(store, touched)
    refreshed = time.perf_counter()
    print(f"    incremental refresh, slowest queries (s): {times.top()}")
    print(f"    of which task alignment {aligned.seconds:.3f} s: {describe(aligned.written)}")
    if full_after:
        refresh_derived(store)
    return written - started, refreshed - written, time.perf_counter() - refreshed


def run(engine: Engine, records: list[Record], extra: list[Record], full_after: bool = True) -> None:
    store = engine.fresh("bench_incremental")
    started = time.perf_counter()
    with AlignmentTime() as aligned:
        load_records(store, records, batch_size=200)
    built = time.perf_counter() - started
    print(f"{engine.version}: {len(records)} notices loaded in {built:.1f} s, of which task alignment "
          f"{aligned.seconds:.1f} s")  # fmt: skip
    started = time.perf_counter()
    with AlignmentTime() as aligned:
        refresh_derived(store)
    seconds = time.perf_counter() - started
    print(f"  full refresh {seconds:.2f} s, of which task alignment {aligned.seconds:.2f} s "
          f"({1000 * aligned.seconds / len(records):.1f} ms a notice; without it {seconds - aligned.seconds:.2f} s): "
          f"{describe(aligned.written)}")  # fmt: skip
    rows = []
    for label, record in [*(("new", r) for r in extra), ("replaced", changed(records[len(records) // 2]))]:
        write, incremental, full = one_notice(store, record, full_after)
        rows.append((write, incremental, full))
        print(f"  {label:<9} {record['source'][:48]:<48} write {write:6.3f} s  incremental refresh "
              f"{incremental:6.3f} s  full refresh {full:6.3f} s")  # fmt: skip
    medians = [statistics.median(column) for column in zip(*rows, strict=True)]
    print(f"  median: write {medians[0]:.3f} s, incremental refresh {medians[1]:.3f} s (write + refresh "
          f"{medians[0] + medians[1]:.3f} s), full refresh {medians[2]:.3f} s")  # fmt: skip
    store.close()
    engine.drop("bench_incremental")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)  # fmt: skip
    parser.add_argument("--engine", choices=("falkordb", "neo4j", "both"), default="falkordb")
    parser.add_argument("--notices", type=int, default=5000, help="notices in the graph before the new ones")
    parser.add_argument("--new", type=int, default=5, help="new notices added one at a time")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2, help="extraction processes")
    parser.add_argument("--records-cache", type=Path, metavar="DIR", help="keep the extracted records here")
    parser.add_argument("--no-full-after", action="store_true", help="no full refresh after each new notice")
    parser.add_argument("--time-limit", type=float, default=1800.0, help="seconds; the run stops itself after this")
    args = parser.parse_args()
    deadline = Deadline(args.time_limit)
    print(f"code: {code_state()}")
    records = cached_records(args.notices + args.new, args.seed, args.workers, args.records_cache)
    base, extra = records[: args.notices], records[args.notices :]
    engines = ("falkordb", "neo4j") if args.engine == "both" else (args.engine,)
    with ExitStack() as stack:
        for name in engines:
            run(start_engine(name, stack, deadline, keep=False), base, extra, not args.no_full_after)
    deadline.cancel()


if __name__ == "__main__":
    main()
