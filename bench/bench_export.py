"""How long exports take on a synthetic corpus (tests/support/synthetic.py): reading the graph (whole, and one
province), building the networkx graph, and writing each format, with the file sizes. From the repository root:

    python -m bench.bench_export                          # FalkorDB, N = 1000
    python -m bench.bench_export --notices 1000 10000     # the 10k corpus too
    python -m bench.bench_export --engine neo4j --notices 1000

A script, not a test: figures are printed, never asserted. The engine is started in a temporary directory on a free
port and stopped at the end (bench/common.py); the run stops itself after --time-limit seconds.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from contextlib import ExitStack
from functools import partial
from typing import Any

from bench.common import Deadline, extract_parallel, extract_serial, make_corpus, start_engine
from policygraph.analysis.export_formats import FORMATS, export_bytes
from policygraph.analysis.exports import ExportFilter, read_graph
from policygraph.graph.loader import load_records
from policygraph.graph.store import GraphStore
from tests.support.synthetic import TASK_CHARS


def timed(label: str, step: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    result = step()
    seconds = time.perf_counter() - started
    print(f"  {label:<40} {seconds:8.2f} s", flush=True)
    return result, seconds


def measure(store: GraphStore, selection: ExportFilter, title: str) -> None:
    print(f"\n{title}")
    graph, _ = timed("read + build (read_graph)", lambda: read_graph(store, selection))
    print(f"  {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    for fmt in FORMATS:
        data, seconds = timed(f"write {fmt}", partial(export_bytes, graph, fmt))
        print(f"  {'':<40} {len(data) / 1e6:8.1f} MB  ({graph.number_of_edges() / seconds:,.0f} edges/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)  # fmt: skip
    parser.add_argument("--engine", choices=("falkordb", "neo4j"), default="falkordb")
    parser.add_argument("--notices", type=int, nargs="+", default=[1000], help="corpus sizes N")
    parser.add_argument("--workers", type=int, default=2, help="extraction processes")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--region", default="广东省", help="the full path of the region for the filtered export")
    parser.add_argument("--time-limit", type=float, default=1800.0, help="seconds; the run stops itself after this")
    args = parser.parse_args()
    deadline = Deadline(args.time_limit)
    with ExitStack() as stack:
        engine = start_engine(args.engine, stack, deadline, keep=False)
        for n in sorted(set(args.notices)):
            corpus, seconds = make_corpus(n, args.seed, TASK_CHARS)
            print(f"\nN = {n}: corpus generated in {seconds:.1f} s", flush=True)
            extracted = extract_parallel(corpus, {n}, args.workers) if args.workers > 1 else extract_serial(corpus, {n})
            store = engine.fresh(f"bench_export_{n}")
            timed(f"load {n} notices", partial(load_records, store, extracted[0], batch_size=200))
            measure(store, ExportFilter(), f"N = {n}, the whole graph ({engine.version})")
            measure(store, ExportFilter(region=args.region), f"N = {n}, region {args.region}")
            store.close()
            engine.drop(f"bench_export_{n}")
    deadline.cancel()


if __name__ == "__main__":
    main()
