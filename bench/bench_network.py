"""How long the agency collaboration networks take on a synthetic corpus (tests/support/synthetic.py): the fetch of
the (task, agency, role) rows, building each network, and each measure on its own. From the repository root:

    python -m bench.bench_network                              # FalkorDB, N = 1000
    python -m bench.bench_network --notices 1000 10000         # the larger one too
    python -m bench.bench_network --engine neo4j --notices 1000

A script, not a test: figures are printed, never asserted. The engine is started in a temporary directory on a free
port and stopped at the end (bench/common.py); the run stops itself after --time-limit seconds.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import networkx as nx

from bench.common import (
    Deadline,
    extract_parallel,
    extract_serial,
    make_corpus,
    read_records,
    records_cache_file,
    start_engine,
    write_records,
)
from policygraph.analysis import network, network_measures, network_two_mode
from policygraph.graph.loader import load_records
from policygraph.graph.store import GraphStore
from tests.support.synthetic import TASK_CHARS

WHOLE_GRAPH_BETWEENNESS = 3000  # nodes: above this, networkx's whole-graph betweenness takes minutes (O(V²) setup)


def timed(label: str, step: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    result = step()
    print(f"  {label:<44} {time.perf_counter() - started:8.3f} s", flush=True)
    return result


def measure_network(rows: list[network.TaskAgency], directed: bool) -> None:
    kind = "directed" if directed else "undirected"
    graph: nx.Graph = timed(f"build {kind}", lambda: network.agency_network(rows, is_directed=directed))
    print(f"  {kind}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    steps: dict[str, Callable[[], Any]] = {
        "degree + weighted degree": lambda: (dict(graph.degree()), dict(graph.degree(weight="weight"))),
        "betweenness by component": lambda: network_measures.betweenness_by_component(graph),
        "eigenvector by component": lambda: network_measures.eigenvector_by_component(graph),
        "pagerank": lambda: nx.pagerank(graph, weight="weight"),
        "k-core": lambda: network_measures.core_numbers(graph),
        "components": lambda: network_measures.components(graph),
        "network measures": lambda: network_measures.network_measures(graph, tasks=0, documents=0),
        "whole answer (all of the above), fetch excluded": lambda: network.analyse(rows, is_directed=directed),
    }
    if graph.number_of_nodes() <= WHOLE_GRAPH_BETWEENNESS:
        # What it would cost without going component by component (networkx's own, on the whole graph).
        steps["betweenness, networkx on the whole graph"] = lambda: nx.betweenness_centrality(graph)
    for label, step in steps.items():
        timed(f"  {label} ({kind})", step)


def measure_all(store: GraphStore, where: network.Slice, title: str) -> None:
    print(f"\n{title}")
    rows: list[network.TaskAgency] = timed("fetch (network_task_agencies)", lambda: network.fetch(store, where))
    print(f"  rows: {len(rows)}, tasks {len({r.task for r in rows})}, agencies {len({r.agency for r in rows})}")
    for directed in (False, True):
        measure_network(rows, directed)
    if len({r.agency for r in rows}) <= network.MAX_MATRIX_AGENCIES:
        timed("adjacency CSV", lambda: network.adjacency_csv(rows))
    timed("two-mode summary + task loads", lambda: (network_two_mode.summary(rows), network_two_mode.task_loads(rows)))


def load(store: GraphStore, records: list[dict[str, Any]], n: int) -> None:
    timed(f"load {n} notices", lambda: load_records(store, records, batch_size=200))


def corpus_records(n: int, seed: int, workers: int, cache_dir: Path | None) -> list[dict[str, Any]]:
    """The extracted records of the synthetic corpus of n notices; with a cache directory, kept there and reused
    (the same files as bench_load's and bench_diffusion's --records-cache)."""
    cache = records_cache_file(cache_dir, n, seed) if cache_dir else None
    if cache and cache.is_file():
        print(f"\nN = {n}: records read from {cache}")
        return read_records(cache)
    corpus, seconds = make_corpus(n, seed, TASK_CHARS)
    started = time.perf_counter()
    records = (extract_parallel(corpus, {n}, workers) if workers > 1 else extract_serial(corpus, {n}))[0]
    print(f"\nN = {n}: corpus generated in {seconds:.1f} s, extracted in {time.perf_counter() - started:.1f} s")
    if cache:
        write_records(cache, records)
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)  # fmt: skip
    parser.add_argument("--engine", choices=("falkordb", "neo4j"), default="falkordb")
    parser.add_argument("--notices", type=int, nargs="+", default=[1000], help="corpus sizes N")
    parser.add_argument("--workers", type=int, default=2, help="extraction processes")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--records-cache", type=Path, metavar="DIR", help="keep the extracted records there and reuse them"
    )
    parser.add_argument("--time-limit", type=float, default=1800.0, help="seconds; the run stops itself after this")
    args = parser.parse_args()
    deadline = Deadline(args.time_limit)
    with ExitStack() as stack:
        engine = start_engine(args.engine, stack, deadline, keep=False)
        for n in sorted(set(args.notices)):
            records = corpus_records(n, args.seed, args.workers, args.records_cache)
            store = engine.fresh(f"bench_network_{n}")
            load(store, records, n)
            measure_all(store, network.Slice(), f"N = {n}, every notice ({engine.version})")
            one_year = network.Slice(year_from=2021, year_to=2021, level="county")
            measure_all(store, one_year, f"N = {n}, county notices of 2021")
            measure_all(store, network.Slice(region="河南省"), f"N = {n}, one province (河南省 and below)")
            store.close()
            engine.drop(f"bench_network_{n}")
    deadline.cancel()


if __name__ == "__main__":
    main()
