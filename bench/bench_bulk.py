"""The bulk path (graph/bulk.py) against the incremental loader, on the same records, per engine. From the root:

    python -m bench.bench_bulk                                   # both engines, 5,000 notices
    python -m bench.bench_bulk --engine falkordb --notices 50000 --skip-incremental --records-cache /tmp/pg-records

A script, not a test: figures are printed, never asserted (shared, noisy machines). Records are extracted once and
kept in --records-cache (bench/common.py records_cache_file, shared with bench_load). Each engine is started here on
a free port and stopped at the end; the run stops itself after --time-limit seconds.

Printed per engine and path: notices/s and rows/s (rows = nodes + relationships in the graph afterwards), the
bulk path's steps (rows computed in Python, import, schema, derived refresh, swap), and whether the two graphs'
canonical exports are equal (--compare).
"""

from __future__ import annotations

import argparse
import resource
import time
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
from policygraph.graph.bulk import bulk_load
from policygraph.graph.export import canonical_export
from policygraph.graph.loader import load_records
from policygraph.graph.store import GraphStore

Record = dict[str, Any]


def graph_rows(store: GraphStore) -> int:
    summary = store.run("graph_summary")[0]
    return int(summary["nodes"]) + int(summary["edges"])


def cloned(records: list[Record], copies: int) -> list[Record]:
    """The records `copies` times, each copy under other keys (文号 or title marked with the copy's number), to
    measure a big load without extracting as many notices: the graph grows like a corpus that size (shared agencies,
    regions and programmes stay shared), the tasks' texts are the same objects (memory of the records stays flat)."""
    out = list(records)
    for copy in range(1, copies):
        for record in records:
            marked = dict(record, source=f"{record.get('source')}#{copy}", sha256=f"{record.get('sha256')}#{copy}")
            if record.get("doc_no"):
                marked["doc_no"] = f"{record['doc_no']}#{copy}"
            else:
                marked["title"] = f"{record.get('title')}#{copy}"
            out.append(marked)
    return out


def line(path: str, notices: int, rows: int, seconds: float) -> str:
    return (f"  {path:<12} {notices:>7} notices {seconds:8.1f} s  {notices / seconds:8.1f} notices/s "
            f"{rows / seconds:10.0f} rows/s  ({rows} rows)")  # fmt: skip


def measure(engine: Engine, records: list[Record], args: argparse.Namespace) -> None:
    print(f"\n{engine.version}")
    expected = None
    if not args.skip_incremental:
        store = engine.fresh("incremental")
        started = time.perf_counter()
        load_records(store, records, batch_size=args.batch)
        seconds = time.perf_counter() - started
        print(line("incremental", len(records), graph_rows(store), seconds), flush=True)
        expected = canonical_export(store) if args.compare else None
        store.close()
        engine.drop("incremental")
    store = engine.fresh("bulk")
    if engine.name == "neo4j":
        store.clear()
    steps: list[tuple[str, float]] = []
    started = time.perf_counter()
    bulk_load(store, records, batch_size=args.batch, workers=args.bulk_workers,
              on_step=lambda step: steps.append((step, time.perf_counter())))  # fmt: skip
    seconds = time.perf_counter() - started
    print(line(f"bulk ({args.bulk_workers} proc)", len(records), graph_rows(store), seconds))
    print(f"    peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    marks = [started, *(at for _, at in steps)]
    print(
        "    steps: "
        + ", ".join(f"{name} {at - before:.1f} s" for (name, at), before in zip(steps, marks, strict=False))
    )
    if expected is not None:
        print(f"    canonical exports equal: {canonical_export(store) == expected}")
    store.close()
    engine.drop("bulk")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", choices=("falkordb", "neo4j", "both"), default="both")
    parser.add_argument("--notices", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch", type=int, default=50, help="the incremental loader's batch size")
    parser.add_argument("--workers", type=int, default=2, help="extraction processes")
    parser.add_argument("--copies", type=int, default=1, help="load the records this many times under other keys")
    parser.add_argument("--bulk-workers", type=int, default=1, help="processes computing the bulk path's rows")
    parser.add_argument("--records-cache", type=Path, metavar="DIR", help="keep the extracted records here")
    parser.add_argument("--skip-incremental", action="store_true", help="time the bulk path only")
    parser.add_argument("--compare", action="store_true", help="compare the canonical exports of both paths")
    parser.add_argument("--time-limit", type=float, default=1800.0, help="seconds; the run stops itself after this")
    parser.add_argument("--keep", action="store_true", help="keep the engines' temporary data directories")
    args = parser.parse_args()
    deadline = Deadline(args.time_limit)
    print(f"code: {code_state()}")
    records = cached_records(args.notices, args.seed, args.workers, args.records_cache)
    if args.copies > 1:
        records = cloned(records, args.copies)
        print(f"records copied {args.copies} times: {len(records)} notices")
    with ExitStack() as stack:
        for name in ("falkordb", "neo4j") if args.engine == "both" else (args.engine,):
            measure(start_engine(name, stack, deadline, args.keep), records, args)
    deadline.cancel()


if __name__ == "__main__":
    main()
