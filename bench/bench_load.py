"""Extract and load a synthetic corpus (tests/support/synthetic.py) on both engines: documents/s and rows/s per batch
size. From the repository root:

    python -m bench.bench_load                                   # both engines, N = 1000 10000, batches 50 200
    python -m bench.bench_load --engine falkordb --notices 1000 --batch 25 50 100 200 --check
    python -m bench.bench_load --engine falkordb --notices 1000 --end-to-end 50000   # the optional long run
    python -m bench.bench_load --notices 1000 --profile extract load refresh

A script, not a test: the machines are shared and noisy, so figures are printed, never asserted. Each engine is
started here, in a temporary directory, on a free port (as tests/conftest.py does), and stopped at the end; the
whole run stops by itself after --time-limit seconds (engines stopped, exit status 2).

What is measured, separately:
- extract: notice texts → records (ingest.extract.extract_text(...).to_json()), one process, then a pool of
  --workers processes; docs/s and MB/s (UTF-8 bytes of the text);
- load: graph.loader.load_records(store, records, batch_size=B) into an empty graph, once per batch size;
  documents/s, and rows/s where rows = nodes + relationships in the graph afterwards (graph_summary; the graph
  was empty before). load_records ends with the derived refresh (lineage, aliases, orphans): it is timed again
  on its own by a second graph.loader.refresh_derived call, and the rate without it is shown too;
- with --check: documents == N, tasks == the sum put in, and for every record (plus a sample read back from the
  graph) the task and role counts, 文号, region, level, year and basis citations compared with the generator's;
- with --end-to-end N: generate N notices, then extract (--workers processes) and load (FalkorDB, the first
  batch size) in one stream, the way `policygraph ingest` would: the wall time of the whole.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import logging
import multiprocessing
import os
import pstats
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import (
    Deadline,
    Engine,
    Rate,
    Record,
    code_state,
    extract_one,
    extract_parallel,
    extract_serial,
    make_corpus,
    read_records,
    records_cache_file,
    start_engine,
    write_records,
)
from bench.load_checks import graph_problems, record_problems
from policygraph.core.errors import StoreError
from policygraph.graph import lineage
from policygraph.graph.loader import load_records, refresh_derived
from policygraph.graph.store import GraphStore
from tests.support.synthetic import TASK_CHARS

WARM_UP_DOCS = 20


# --- load --------------------------------------------------------------------------------------------------------


@dataclass
class LoadRun:
    engine: str
    notices: int
    batch: int
    seconds: float
    refresh: float
    summary: dict[str, int]
    failed: int
    statuses: Counter[str]
    client_cpu: float  # CPU seconds of this process (row building, the client's encoding) during load_records
    server_cpu: float  # CPU seconds of the engine's process during load_records
    refresh_parts: dict[str, float]
    problems: list[str] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return self.summary["nodes"] + self.summary["edges"]


def load_once(engine: Engine, records: list[Record], batch: int, graph: str,
              profiler: cProfile.Profile | None = None) -> tuple[LoadRun, GraphStore]:  # fmt: skip
    store = engine.fresh(graph)
    started, client_cpu, server_cpu = time.perf_counter(), time.process_time(), engine.cpu()
    if profiler:
        profiler.enable()
    result = load_records(store, records, batch_size=batch)
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - started
    client_cpu, server_cpu = time.process_time() - client_cpu, engine.cpu() - server_cpu
    summary = {k: int(v) for k, v in store.run("graph_summary")[0].items()}
    started = time.perf_counter()
    refresh_derived(store)
    refresh = time.perf_counter() - started
    statuses: Counter[str] = Counter(str(o.status) for o in result.outcomes)
    run = LoadRun(engine.name, len(records), batch, seconds, refresh, summary, len(result.failed), statuses,
                  client_cpu, server_cpu, refresh_parts(store))  # fmt: skip
    for outcome in result.failed[:3]:
        run.problems.append(f"failed: {outcome.source}: {(outcome.reason or '')[:200]}")
    return run, store


def refresh_parts(store: GraphStore) -> dict[str, float]:
    """Seconds of the pieces refresh_derived is made of (graph/loader.py), each run once more on its own."""
    parts: dict[str, float] = {}
    for label, step in (
        ("lineage", lambda: lineage.refresh(store)),
        ("agency_forms", lambda: store.run("agency_forms")),
        ("prune_orphans", lambda: store.run("graph_prune_orphans", write=True)),
    ):
        started = time.perf_counter()
        step()
        parts[label] = time.perf_counter() - started
    return parts


def warm_up(engine: Engine, records: list[Record]) -> None:
    """Plan the big load statement once (and warm the JIT on Neo4j) before anything is timed."""
    graph = "bench_warm_up"
    store = engine.fresh(graph)
    try:
        load_records(store, records[:WARM_UP_DOCS], batch_size=10)
    finally:
        store.close()
        engine.drop(graph)


# --- output ------------------------------------------------------------------------------------------------------


def print_load_table(runs: list[LoadRun]) -> None:
    print("\nload (graph.loader.load_records into an empty graph; rows = nodes + relationships afterwards)")
    print(
        "  client cpu = this process (row building, the driver's encoding), server cpu = the engine's process;\n"
        "  'cpu' rates = rows / (client cpu + server cpu): what an otherwise idle machine would give, since the\n"
        "  loader waits for each statement (a shared, busy machine inflates the wall-clock seconds, not these)"
    )
    header = (f"  {'engine':<9}{'N':>7}{'batch':>6}{'load s':>8}{'docs/s':>8}{'rows':>9}{'rows/s':>8}"
              f"{'refresh s':>10}{'rows/s w/o refr.':>17}{'client cpu':>11}{'server cpu':>11}{'docs/s cpu':>11}"
              f"{'rows/s cpu':>11}{'nodes':>8}{'edges':>9}  statuses")  # fmt: skip
    print(header)
    for r in runs:
        writes = max(r.seconds - r.refresh, 1e-9)
        cpu = max(r.client_cpu + r.server_cpu, 1e-9)
        statuses = ", ".join(f"{k} {v}" for k, v in sorted(r.statuses.items()))
        print(f"  {r.engine:<9}{r.notices:>7}{r.batch:>6}{r.seconds:>8.1f}{r.notices / r.seconds:>8.1f}{r.rows:>9}"
              f"{r.rows / r.seconds:>8.0f}{r.refresh:>10.2f}{r.rows / writes:>17.0f}{r.client_cpu:>10.1f}s"
              f"{r.server_cpu:>10.1f}s{r.notices / cpu:>11.1f}{r.rows / cpu:>11.0f}{r.summary['nodes']:>8}"
              f"{r.summary['edges']:>9}  {statuses}")  # fmt: skip


def print_profile(title: str, profiler: cProfile.Profile, top: int = 15) -> None:
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats("tottime").print_stats(top)
    print(f"\n--- profile: {title} (top {top} by own time) ---")
    lines = out.getvalue().splitlines()
    start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
    total = next((line.strip() for line in lines if "function calls" in line), "")
    print(f"  {total}")
    for line in lines[start:]:
        if line.strip():
            print("  " + line)


# --- the runs ----------------------------------------------------------------------------------------------------


def run_end_to_end(n: int, batch: int, workers: int, seed: int, task_chars: tuple[int, int], deadline: Deadline,
                   keep: bool) -> None:  # fmt: skip
    """Generate, then extract (a pool) and load (FalkorDB) in one stream: the wall time of the whole."""
    print(f"\n=== end to end: {n} notices, {workers} extraction processes, FalkorDB, batch {batch}")
    corpus, generated = make_corpus(n, seed, task_chars)
    mbytes = sum(len(text.encode("utf-8")) for _, text, _ in corpus) / 1e6
    print(f"  generated {n} notices ({mbytes:.0f} MB) in {generated:.1f} s (not counted below)")
    with ExitStack() as stack:
        engine = start_engine("falkordb", stack, deadline, keep)
        store = engine.fresh("bench_end_to_end")
        items: Iterator[tuple[str, str]] = ((name, text) for name, text, _ in corpus)
        done = 0
        started = time.perf_counter()
        next_report = started + 30

        def progress(_: object) -> None:
            nonlocal done, next_report
            done += 1
            if time.perf_counter() > next_report:
                next_report += 30
                print(f"  … {done} notices loaded after {time.perf_counter() - started:.0f} s", flush=True)

        with multiprocessing.get_context("fork").Pool(workers) as pool:
            deadline.cleanups.append(pool.terminate)
            result = load_records(store, pool.imap(extract_one, items, chunksize=8), batch_size=batch,
                                  on_outcome=progress)  # fmt: skip
        seconds = time.perf_counter() - started
        summary = store.run("graph_summary")[0]
        rows = int(summary["nodes"]) + int(summary["edges"])
        print(f"  extracted and loaded {n} notices in {seconds:.0f} s ({seconds / 60:.1f} min): {n / seconds:.1f} docs/s, "
              f"{mbytes / seconds:.2f} MB/s, {rows} rows ({rows / seconds:.0f} rows/s); documents {summary['documents']}, "
              f"failed {len(result.failed)}")  # fmt: skip
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)  # fmt: skip
    parser.add_argument("--engine", choices=("falkordb", "neo4j", "both"), default="both")
    parser.add_argument("--notices", type=int, nargs="+", default=[1000, 10000], help="corpus sizes N")
    parser.add_argument("--batch", type=int, nargs="+", default=[50, 200], help="batch sizes (e.g. 25 50 100 200)")
    parser.add_argument(
        "--check", action="store_true", help="compare what was extracted and loaded with what was put in"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=2,
        help="extraction processes: of the parallel measurement (1: skip it) and of --end-to-end",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--task-chars", type=int, nargs=2, default=list(TASK_CHARS), metavar=("MIN", "MAX"),
                        help="length of a task's text in characters")  # fmt: skip
    parser.add_argument("--profile", nargs="*", choices=("extract", "load", "refresh"), default=[],
                        help="cProfile: extraction (300 notices), the Python side of the first load, one refresh")  # fmt: skip
    parser.add_argument(
        "--end-to-end", type=int, metavar="N", help="also extract and load N notices in one stream (e.g. 50000)"
    )
    parser.add_argument("--time-limit", type=float, default=1800.0, help="seconds; the run stops itself after this")
    parser.add_argument("--keep", action="store_true", help="keep the engines' temporary data directories")
    parser.add_argument("--records-cache", type=Path, metavar="DIR",
                        help="keep the extracted records there, and reuse them (skipping the extraction) next time")  # fmt: skip
    parser.add_argument("--falkordb-read-timeout", type=float, metavar="SECONDS",
                        help="workaround: the FalkorDB client's socket read timeout (0: none; default: FalkorDBStore's "
                             "65 s, which a statement of a 10k-notice run exceeded on a busy machine)")  # fmt: skip
    args = parser.parse_args()
    # The driver logs a warning for each property a query names that no node has yet (an empty database).
    logging.getLogger("neo4j").setLevel(logging.ERROR)

    deadline = Deadline(args.time_limit)
    print(f"code: {code_state()}")
    task_chars = (args.task_chars[0], args.task_chars[1])
    ns = sorted(set(args.notices))
    engines = ["falkordb", "neo4j"] if args.engine == "both" else [args.engine]
    print(f"PolicyGraph load benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"N = {ns}, batches {args.batch}, engines {engines}, time limit {args.time_limit:.0f} s")  # fmt: skip

    corpus, generated = make_corpus(ns[-1], args.seed, task_chars)
    chars = sum(e.chars for _, _, e in corpus)
    tasks = sum(e.tasks for _, _, e in corpus)
    print(f"\ncorpus: {len(corpus)} notices generated in {generated:.1f} s, {chars / len(corpus):.0f} characters and "
          f"{tasks / len(corpus):.1f} tasks per notice; levels {dict(Counter(e.level for _, _, e in corpus))}")  # fmt: skip

    checkpoints = set(ns)
    extract_one(corpus[0][:2])  # load the extractor's tables and pipeline before timing
    if "extract" in args.profile:
        extract_profiler = cProfile.Profile()
        extract_profiler.enable()
        for name, text, _ in corpus[:300]:
            extract_one((name, text))
        extract_profiler.disable()
        print_profile("extract, 300 notices, one process", extract_profiler)
    print("\nextract (texts → records)")
    cache = records_cache_file(args.records_cache, ns[-1], args.seed, task_chars) if args.records_cache else None
    rates: list[Rate] = []
    prates: list[Rate] = []
    if cache and cache.is_file():
        records = read_records(cache)
        print(f"  records of {len(records)} notices read from {cache} (extraction not measured in this run)")
    else:
        records, rates = extract_serial(corpus, checkpoints)
        for rate in rates:
            print(rate.line(), flush=True)
        if cache:
            write_records(cache, records)
    if args.workers > 1 and rates:
        if deadline.left() > 120:
            parallel, prates = extract_parallel(corpus, checkpoints, args.workers)
            for rate in prates:
                print(rate.line(), flush=True)
            differ = sum(a != b for a, b in zip(parallel, records, strict=True))
            if differ:
                print(f"  !! {differ} records of the parallel extraction differ from the single-process ones: extraction "
                      "should be pure (tests/test_determinism.py), this is a bug")  # fmt: skip
            del parallel
        else:
            print("  parallel extraction skipped: not enough time left")

    if args.check:
        counts, examples = record_problems(records, corpus)
        print(f"\ncheck, records vs what was put in ({len(records)} notices): "
              + (", ".join(f"{k} wrong in {v}" for k, v in counts.items()) or "all as put in"))  # fmt: skip
        for field_name, lines in examples.items():
            for line in lines:
                print(f"  {field_name}: {line}")

    runs: list[LoadRun] = []
    failures: list[str] = []
    checks: list[tuple[LoadRun, list[str]]] = []
    for engine_name in engines:
        if deadline.left() < 60:
            print(f"\n{engine_name}: skipped, not enough time left")
            continue
        with ExitStack() as stack:
            engine = start_engine(engine_name, stack, deadline, args.keep, args.falkordb_read_timeout)
            warm_up(engine, records)
            for n in ns:
                for batch in args.batch:
                    if deadline.left() < 30:
                        print(f"  {engine_name} N={n} batch={batch}: skipped, not enough time left")
                        continue
                    started_run = time.perf_counter()
                    graph = f"bench_{n}_{batch}"
                    try:
                        run, store = load_once(engine, records[:n], batch, graph)
                    except StoreError as e:  # reported, and the other runs go on
                        failures.append(f"{engine_name} N={n} batch={batch}: FAILED after "
                                        f"{time.perf_counter() - started_run:.0f} s: {e}")  # fmt: skip
                        print(f"  {failures[-1]}", flush=True)
                        engine.drop(graph)
                        continue
                    parts = ", ".join(f"{k} {v:.2f}" for k, v in run.refresh_parts.items())
                    print(f"  {engine_name} N={n} batch={batch}: {run.seconds:.1f} s, {n / run.seconds:.1f} docs/s, "
                          f"{run.rows / run.seconds:.0f} rows/s (refresh {run.refresh:.2f} s: {parts}; cpu: client "
                          f"{run.client_cpu:.1f} s, server {run.server_cpu:.1f} s)", flush=True)  # fmt: skip
                    if "refresh" in args.profile and n == ns[-1] and batch == args.batch[-1]:
                        refresh_profiler = cProfile.Profile()
                        refresh_profiler.enable()
                        refresh_derived(store)
                        refresh_profiler.disable()
                        print_profile(f"refresh_derived on {engine_name}, N={n}", refresh_profiler)
                    if args.check:
                        checks.append((run, graph_problems(run.summary, store, records[:n], corpus, args.seed)))
                    runs.append(run)
                    store.close()
                    engine.drop(graph)
            if "load" in args.profile and deadline.left() > 120:
                # Not one of the measured runs: cProfile slows the Python side (row building, the drivers' packing)
                # by 2-3x. Its shares, not its seconds, are what it tells.
                n, batch = ns[0], args.batch[-1]
                profiler = cProfile.Profile()
                try:
                    _, store = load_once(engine, records[:n], batch, "bench_profile", profiler)
                except StoreError as e:
                    print(f"  profiled load failed: {e}")
                    continue
                print_profile(
                    f"load_records on {engine_name}, N={n}, batch {batch} (client side, profiled run)", profiler
                )
                store.close()
                engine.drop("bench_profile")

    print("\n=== figures")
    print(f"extract (texts → records; {chars / len(corpus):.0f} characters per notice)")
    for rate in rates + prates:
        print(rate.line())
    print_load_table(runs)
    for failure in failures:
        print(f"  {failure}")
    if args.check:
        print("\ncheck after loading")
        for run, problems in checks:
            print(f"  {run.engine} N={run.notices} batch={run.batch}: " + ("; ".join(problems) or "as put in"))
    if args.end_to_end:
        if deadline.left() > 60:
            run_end_to_end(args.end_to_end, args.batch[0], args.workers, args.seed, task_chars, deadline, args.keep)
        else:
            print("\nend to end skipped: not enough time left")
    deadline.cancel()


if __name__ == "__main__":
    main()
