"""Time each diffusion analysis (analysis/diffusion.py, analysis/diffusion_notices.py) on the synthetic corpus.

From the repository root:

    python -m bench.bench_diffusion                                  # FalkorDB, N = 1000 then 10000
    python -m bench.bench_diffusion --engine both --notices 1000 --records-cache .bench-cache

A script, not a test: figures are printed, never asserted. The corpus is tests/support/synthetic.py
`generate(n, seed)`, extracted (2 processes) and loaded with graph.loader.load_records; the engine is started in a
temporary directory by bench/common.py's `start_engine` and stopped at the end. The N values are loaded cumulatively
(the first 1,000 notices, measured, then the next 9,000), so the larger graph contains the smaller. Each analysis runs
--repeat times after one warm-up run; the median and the fastest are printed with the size of the answer.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from bench.common import (
    Deadline,
    Record,
    cached_records,
    code_state,
    start_engine,
)
from policygraph.analysis.diffusion import programme_diffusion, programme_diffusions
from policygraph.analysis.diffusion_notices import notice_diffusion, notice_diffusions
from policygraph.analysis.diffusion_summary import programme_summaries
from policygraph.graph.loader import load_records
from policygraph.graph.store import GraphStore
from policygraph.visualize.chart import adoption_chart

PROGRAMME = "三明医改经验"
NATIONAL = "国办发〔2021〕20号"


def analyses(store: GraphStore) -> dict[str, Callable[[], int]]:
    """Each analysis, returning the size of its answer (to show the work is real)."""

    def one_programme() -> int:
        found = programme_diffusion(store, PROGRAMME)
        return found.regions if found else 0

    def chart() -> int:
        found = programme_diffusion(store, PROGRAMME)
        return len(adoption_chart(found)) if found else 0

    def one_notice() -> int:
        found = notice_diffusion(store, NATIONAL)
        return len(found.implementations) if found else 0

    return {
        "every programme: label, totals (engine counts)": lambda: len(programme_summaries(store)),
        "every programme in full (series, in Python)": lambda: len(programme_diffusions(store)),
        f"one programme ({PROGRAMME}; regions)": one_programme,
        "one programme + SVG chart (bytes)": chart,
        "every national notice (descendants)": lambda: sum(len(n.implementations) for n in notice_diffusions(store)),
        f"one national notice ({NATIONAL})": one_notice,
    }


def measure(step: Callable[[], int], repeat: int) -> tuple[float, float, int]:
    size = step()  # warm-up: plans cached, connections open
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times), size


def graph_size(store: GraphStore) -> str:
    summary: dict[str, Any] = store.run("graph_summary")[0]
    return ", ".join(f"{k} {v}" for k, v in summary.items())


def run_engine(name: str, records: list[Record], ns: list[int], repeat: int, deadline: Deadline) -> list[str]:
    lines = []
    with ExitStack() as stack:
        engine = start_engine(name, stack, deadline, keep=False)
        store = engine.fresh("bench_diffusion")
        loaded = 0
        for n in ns:
            started = time.perf_counter()
            result = load_records(store, records[loaded:n], batch_size=200)
            print(f"  {name}: loaded notices {loaded + 1}–{n} in {time.perf_counter() - started:.0f} s "
                  f"({len(result.failed)} failed); graph: {graph_size(store)}", flush=True)  # fmt: skip
            loaded = n
            for label, step in analyses(store).items():
                median, fastest, size = measure(step, repeat)
                lines.append(f"  {name:<9} N={n:<6} {label:<48} median {median * 1000:8.1f} ms  "
                             f"min {fastest * 1000:8.1f} ms  (answer size {size})")  # fmt: skip
                print(lines[-1], flush=True)
        store.close()
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--engine", choices=("falkordb", "neo4j", "both"), default="falkordb")
    parser.add_argument("--notices", type=int, nargs="+", default=[1000, 10000], help="corpus sizes N (cumulative)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2, help="extraction processes")
    parser.add_argument("--records-cache", type=Path, metavar="DIR", help="keep/reuse the extracted records there")
    parser.add_argument("--time-limit", type=float, default=3600.0, help="seconds; the run stops itself after this")
    args = parser.parse_args()
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    deadline = Deadline(args.time_limit)
    ns = sorted(set(args.notices))
    print(f"code: {code_state()}")
    records = cached_records(ns[-1], args.seed, args.workers, args.records_cache)
    engines = ["falkordb", "neo4j"] if args.engine == "both" else [args.engine]
    lines = [line for name in engines for line in run_engine(name, records, ns, args.repeat, deadline)]
    print(f"\n=== figures (median and fastest of {args.repeat} runs after a warm-up)")
    print("\n".join(lines))
    deadline.cancel()


if __name__ == "__main__":
    main()
