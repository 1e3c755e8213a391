"""PolicyGraph at the size of every 深化医改 notice China issues: load, one more notice, answers. From the repo root:

    python -m bench.bench_scale --notices 50000            # both engines; about an hour on 2 cores
    python -m bench.bench_scale --notices 2000             # the quick check, a few minutes
    python -m bench.bench_scale --notices 50000 --engine falkordb --paths bulk api

A script, not a test: figures are printed, never asserted, and each sits beside a baseline measured in the same run
(bench/baselines.py), since the machines are shared and noisy. What it does, per engine (started here, in a
temporary directory, and stopped at the end):

1. corpus: N notices from the generator (tests/support/synthetic.py, its full style mix) written as files once,
   kept under --corpus-dir for the next run;
2. baselines and the loader alone, on the first --sample notices: the seed-shaped plain `UNWIND … MERGE`, the same
   rows by plain per-label statements, and graph.loader.load_batch on those notices — elements/s each;
3. bulk: `policygraph ingest --bulk` (graph.ingest_files.ingest_paths(bulk=True)) of the N files into an empty
   graph, extraction included: seconds, notices/s;
4. one more notice into that graph, the incremental derived refresh included (what `policygraph ingest new.txt` does);
5. api: the API over that graph in a child process, every endpoint uncached (POLICYGRAPH_CACHE_SECONDS=0, one
   client: latency p50/p95), then cached with `serve --workers 2` (req/s from wrk with --concurrency connections
   if it is installed, else from as many client threads: bench/wrk.py), and the peak RSS of the API processes and
   of the engine;
6. streaming: `policygraph ingest --workers W` of the N files into an empty graph: seconds, notices/s.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx

from bench import baselines, wrk
from bench.bench_api import hammer, percentile
from bench.common import NEO4J_PASSWORD, Deadline, Engine, code_state, start_engine
from policygraph.graph import ranks
from policygraph.graph.ingest_files import expand, extract_or_reason, ingest_paths
from policygraph.graph.loader import batched, load_batch
from policygraph.graph.parallel import bounded_map
from policygraph.graph.process import children_of, free_port, port_is_open
from policygraph.graph.rows import document_row
from policygraph.graph.store import GraphStore
from tests.support.synthetic import generate

PATHS = ("baselines", "bulk", "one-more", "api", "streaming")
SEED = 0
FIRST_ANSWER_S = 120  # seconds the first answer of an endpoint may take
WRK_SECONDS = 10  # per cached endpoint


# --- the corpus --------------------------------------------------------------------------------------------------


def write_corpus(directory: Path, n: int) -> tuple[list[Path], float]:
    """N generated notices as .txt files (written once; a later run with the same N reuses them), and the seconds."""
    started = time.perf_counter()
    done = directory / ".complete"
    if not done.exists():
        directory.mkdir(parents=True, exist_ok=True)
        for index, (name, text, _) in enumerate(generate(n + 1, SEED)):
            # The last notice is kept apart: it is the "one more" added to the loaded graph.
            target = directory.parent / f"{directory.name}-one-more" if index == n else directory
            target.mkdir(exist_ok=True)
            (target / f"{index:06d}-{Path(name).stem}.txt").write_text(text, encoding="utf-8")
        done.write_text("ok", encoding="utf-8")
    return expand([directory]), time.perf_counter() - started


# --- measuring ---------------------------------------------------------------------------------------------------


@dataclass
class Report:
    engine: str
    lines: list[str] = field(default_factory=list)

    def add(self, line: str) -> None:
        print(f"  [{self.engine}] {line}", flush=True)
        self.lines.append(line)


def elements(store: GraphStore) -> int:
    summary = store.run("graph_summary")[0]
    return int(summary["nodes"]) + int(summary["edges"])


def peak_rss_mb(pid: int) -> float:
    """The high-water mark of a process's resident memory (VmHWM), in MB; 0 when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def sample_rows(files: list[Path], workers: int) -> tuple[list[dict[str, object]], float]:
    """The records of these files (extracted by the pool) and the extraction rate, notices/s."""
    started = time.perf_counter()
    records = [record for record, _ in bounded_map(extract_or_reason, files, workers=workers) if record]
    return records, len(files) / (time.perf_counter() - started)


def run_baselines(engine: Engine, files: list[Path], workers: int, batch: int, report: Report) -> None:
    records, extract_rate = sample_rows(files, workers)
    report.add(f"extraction ({workers} workers): {extract_rate:.1f} notices/s on {len(files)} notices")
    seed_rate = baselines.seed_shaped(engine.fresh("baseline_seed"), 2000)
    engine.drop("baseline_seed")
    rows_rate = baselines.same_rows(engine.fresh("baseline_rows"), [document_row(r) for r in records], batch)
    engine.drop("baseline_rows")
    store = engine.fresh("loader")
    started = time.perf_counter()
    for chunk in batched(records, batch):
        load_batch(store, chunk)
    seconds = time.perf_counter() - started
    loader_rate = elements(store) / seconds
    store.close()
    engine.drop("loader")
    report.add(f"baseline, seed-shaped plain UNWIND … MERGE: {seed_rate:,.0f} elements/s")
    report.add(f"baseline, same rows by plain per-label UNWIND: {rows_rate:,.0f} elements/s")
    report.add(f"incremental loader (load_batch, rows built, no refresh): {loader_rate:,.0f} elements/s "
               f"= {loader_rate / seed_rate:.0%} of seed-shaped, {loader_rate / rows_rate:.0%} of same rows "
               f"({len(records) / seconds:.1f} notices/s)")  # fmt: skip


def timed_ingest(store: GraphStore, paths: list[Path], *, workers: int, batch: int, bulk: bool = False
                 ) -> tuple[float, int]:  # fmt: skip
    """Seconds to ingest these files (extraction, load, derived refresh) and how many failed."""
    started = time.perf_counter()
    result = ingest_paths(store, paths, workers=workers, batch_size=batch, bulk=bulk)
    return time.perf_counter() - started, len(result.failed)


def run_load(engine: Engine, graph: str, files: list[Path], workers: int, batch: int, bulk: bool, report: Report
             ) -> GraphStore:  # fmt: skip
    store = engine.fresh(graph)
    seconds, failed = timed_ingest(store, files, workers=workers, batch=batch, bulk=bulk)
    label = "bulk (ingest --bulk)" if bulk else f"streaming (ingest --workers {workers})"
    report.add(f"{label}: {len(files)} notices in {seconds:.1f} s = {len(files) / seconds:.1f} notices/s, "
               f"{elements(store) / seconds:,.0f} elements/s, {failed} failed; engine peak RSS "
               f"{peak_rss_mb(engine.pid):.0f} MB")  # fmt: skip
    return store


# --- the API -----------------------------------------------------------------------------------------------------


def api_environment(engine: Engine, graph: str, cache_seconds: float) -> dict[str, str]:
    common = {"POLICYGRAPH_ENGINE": engine.name, "POLICYGRAPH_CACHE_SECONDS": str(cache_seconds)}
    if engine.name == "neo4j":
        return {**common, "NEO4J_URI": engine.address, "NEO4J_PASSWORD": NEO4J_PASSWORD}
    return {**common, "FALKORDB_URL": engine.address, "POLICYGRAPH_GRAPH": graph}


@contextmanager
def served(env: dict[str, str], workers: int) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`policygraph serve --workers W` in a child process on a free loopback port."""
    port = free_port()
    command = [sys.executable, "-m", "policygraph", "serve", "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(command, env={**os.environ, **env}, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not port_is_open(port):
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("the API did not start")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}", proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a worker still inside a long query
            proc.kill()
            proc.wait()


def endpoints(store: GraphStore) -> dict[str, str]:
    """The questions analysts ask, on notices this graph holds."""
    query = (baselines.QUERIES / "first_county_notice.cypher").read_text(encoding="utf-8")
    document = store.read(query)[0]
    key, province = quote(document["key"], safe=""), quote(ranks.province_of(document["region"]), safe="")
    return {
        "health": "/health",
        "top-leads": "/agencies/top-leads?limit=10",
        "top-leads province": f"/agencies/top-leads?region={province}&limit=10",
        "top-leads county 2021": "/agencies/top-leads?level=county&year_from=2021&year_to=2021&limit=10",
        "top-leads by function": "/agencies/top-leads?group_by=function&limit=10",
        "lineage": f"/documents/{key}/lineage",
        "document": f"/documents/{key}",
        "search": "/search?q=医共体&limit=10",
        "search two words": "/search?q=家庭医生%20签约&limit=10",
        "programmes": "/diffusion/programmes",
        # The maps' numbers and drawings (the first answer prepares the shapes once: not what users wait on).
        "map notices csv": "/maps/notices/map.csv?level=province",
        "map leads csv": f"/maps/leads/map.csv?function={quote('卫生健康委员会')}&level=prefecture",
        "map county svg": "/maps/notices/map.svg?level=county",
    }


def cached_rate(base: str, path: str, requests: int, concurrency: int) -> str:
    """req/s of cached answers from 2 workers: from wrk if installed (bench/wrk.py says why), else client threads."""
    if wrk.available():
        got = wrk.run(base + path, WRK_SECONDS, concurrency)
        return (f"{got.rate:7.0f} req/s  p50 {got.p50_ms:6.1f} ms  p99 {got.p99_ms:6.1f} ms "
                f"(2 workers, wrk with {concurrency} connections, {got.errors} errors)")  # fmt: skip
    rate, latencies, errors = hammer(base, path, requests * 5, concurrency)
    return (f"{rate:7.0f} req/s  p95 {percentile(latencies, 0.95):6.1f} ms "
            f"(2 workers, {concurrency} Python client threads: install wrk for the server's own figure, {errors} errors)")  # fmt: skip


def api_rss(proc: subprocess.Popen[bytes]) -> float:
    return peak_rss_mb(proc.pid) + sum(peak_rss_mb(child) for child in children_of(proc.pid))


def first_answer_fails(url: str) -> str | None:
    """Ask once (the first answer plans the query; it is not what users wait on): why it failed, or None."""
    try:
        answer = httpx.get(url, timeout=FIRST_ANSWER_S)
    except httpx.TimeoutException:
        return f"no answer within {FIRST_ANSWER_S} s"
    return None if answer.status_code < 300 else f"HTTP {answer.status_code}: {answer.text[:160]}"


def run_api(engine: Engine, graph: str, store: GraphStore, requests: int, concurrency: int, report: Report) -> None:
    paths = endpoints(store)
    with served(api_environment(engine, graph, 0), workers=1) as (base, proc):
        for name, path in paths.items():
            if refused := first_answer_fails(base + path):
                report.add(f"uncached {name:<24} {refused}")
                continue
            _, latencies, errors = hammer(base, path, requests, 1)
            report.add(f"uncached {name:<24} p50 {statistics.median(latencies):7.1f} ms  "
                       f"p95 {percentile(latencies, 0.95):7.1f} ms  ({len(latencies)} requests, {errors} errors)")  # fmt: skip
        report.add(f"API peak RSS (uncached, 1 worker): {api_rss(proc):.0f} MB")
    with served(api_environment(engine, graph, 600), workers=2) as (base, proc):
        for name in ("health", "top-leads", "top-leads province", "document"):
            if refused := first_answer_fails(base + paths[name]):
                report.add(f"cached {name:<26} {refused}")
                continue
            report.add(f"cached {name:<26} {cached_rate(base, paths[name], requests, concurrency)}")
        report.add(f"API peak RSS (cached, 2 workers): {api_rss(proc):.0f} MB; engine peak RSS "
                   f"{peak_rss_mb(engine.pid):.0f} MB")  # fmt: skip


# --- the run -----------------------------------------------------------------------------------------------------


def run_engine(name: str, files: list[Path], one_more: list[Path], args: argparse.Namespace, stack: ExitStack,
               deadline: Deadline) -> Report:  # fmt: skip
    report = Report(name)
    engine = start_engine(name, stack, deadline, keep=False)
    if "baselines" in args.paths:
        run_baselines(engine, files[: args.sample], args.workers, args.batch, report)
    if {"bulk", "one-more", "api"} & set(args.paths):
        store = run_load(engine, "bulk", files, args.workers, args.batch, True, report)
        if "one-more" in args.paths:
            seconds, failed = timed_ingest(store, one_more, workers=1, batch=args.batch)
            report.add(f"one more notice into the {len(files)}-notice graph, refresh included: {seconds:.2f} s "
                       f"({failed} failed)")  # fmt: skip
        if "api" in args.paths:
            run_api(engine, "bulk", store, args.requests, args.concurrency, report)
        store.close()
        engine.drop("bulk")
    if "streaming" in args.paths:
        run_load(engine, "streaming", files, args.workers, args.batch, False, report).close()
        engine.drop("streaming")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notices", type=int, default=2000)
    parser.add_argument("--engine", nargs="+", choices=("falkordb", "neo4j"), default=["falkordb", "neo4j"])
    parser.add_argument("--paths", nargs="+", choices=PATHS, default=list(PATHS), help="what to measure")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="extraction processes")
    parser.add_argument("--batch", type=int, default=200, help="notices per write of the incremental loader")
    parser.add_argument("--sample", type=int, default=2000, help="notices for the baselines and the loader alone")
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint (uncached)")
    parser.add_argument("--concurrency", type=int, default=8, help="client threads for the cached figures")
    parser.add_argument("--corpus-dir", type=Path, default=Path("/tmp/policygraph-bench-corpus"))
    parser.add_argument("--time-limit", type=float, default=7200.0, help="seconds; the run stops itself after this")
    args = parser.parse_args()
    print(f"code: {code_state()}")
    print(f"PolicyGraph scale benchmark: {os.cpu_count()} cores, N = {args.notices}, engines {args.engine}, "
          f"paths {args.paths}, {args.workers} workers, batch {args.batch}")  # fmt: skip
    deadline = Deadline(args.time_limit)
    corpus = args.corpus_dir / f"notices-{args.notices}-{SEED}"
    files, seconds = write_corpus(corpus, args.notices)
    one_more = expand([corpus.parent / f"{corpus.name}-one-more"])
    print(f"corpus: {len(files)} notices in {corpus} ({seconds:.1f} s)")
    reports = []
    with ExitStack() as stack:
        for name in args.engine:
            reports.append(run_engine(name, files, one_more, args, stack, deadline))
    deadline.cancel()
    print("\n=== figures")
    for report in reports:
        print(f"{report.engine}:")
        for line in report.lines:
            print(f"  {line}")
    print(f"bench process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
