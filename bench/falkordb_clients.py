"""Which client should PolicyGraph use for FalkorDB? Measures both on the same server and workload.

- the `falkordb` package over FalkorDB's own protocol (GRAPH.QUERY);
- the official `neo4j` driver over FalkorDB's experimental Bolt port (module argument BOLT_PORT).

Workload: N seed-shaped notices (25 tasks, 3 roles each) written in batches with one UNWIND … MERGE statement,
then the "top lead agencies" aggregation read repeatedly. Prints notices/s, elements/s and read latency per client,
or the error a client met. Run: python -m bench.falkordb_clients [--notices 1000] [--batch 100]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import neo4j
from falkordb import FalkorDB

from policygraph.graph import falkordb_server
from policygraph.graph.falkordb_store import FalkorDBStore
from policygraph.graph.process import pid_alive, port_is_open

HERE = Path(__file__).parent
WRITE = (HERE / "queries/write_notices.cypher").read_text(encoding="utf-8")
READ = (HERE / "queries/top_leads.cypher").read_text(encoding="utf-8")
AGENCIES = [f"{region}{function}" for region in ("山西省", "广东省", "甘肃省", "西藏自治区")
            for function in ("卫生健康委员会", "医疗保障局", "财政厅", "发展和改革委员会", "人力资源和社会保障厅")]  # fmt: skip


def notice(i: int) -> dict[str, Any]:
    tasks = []
    for t in range(25):
        roles = [
            {"agency": AGENCIES[(i + t + k) % len(AGENCIES)], "lead": k == 0, "basis": "explicit"} for k in range(3)
        ]
        tasks.append({"key": f"doc{i}#t{t}", "title": f"推进第{t}项改革任务", "number": f"({t})", "roles": roles})
    return {"key": f"doc{i}", "title": f"深化医药卫生体制改革{2015 + i % 10}年重点工作任务", "year": 2015 + i % 10,
            "level": "provincial", "tasks": tasks}  # fmt: skip


def batches(n: int, size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, n, size):
        yield [notice(i) for i in range(start, min(n, start + size))]


def latencies_ms(read: Callable[[], object], times: int = 50) -> list[float]:
    latencies = []
    for _ in range(times):
        t0 = time.perf_counter()
        read()
        latencies.append((time.perf_counter() - t0) * 1000)
    return sorted(latencies)


def describe(latencies: list[float]) -> str:
    return f"top-leads p50 {statistics.median(latencies):6.1f} ms  p95 {latencies[int(0.95 * len(latencies))]:6.1f} ms"


def read_latency(name: str, read: Callable[[], object]) -> None:
    try:
        latencies = latencies_ms(read)
    except Exception as e:  # a benchmark reports what failed instead of stopping
        print(f"{name:<34} FAILED: {type(e).__name__}: {str(e)[:160]}")
        return
    print(f"{name:<34} {describe(latencies)}")


def measure(
    name: str, write: Callable[[list[dict[str, Any]]], None], read: Callable[[], None], n: int, size: int
) -> None:
    elements_per_notice = 1 + 25 * (1 + 1 + 3)  # document, tasks, HAS_TASK, role edges (agencies are shared)
    try:
        started = time.perf_counter()
        for batch in batches(n, size):
            write(batch)
        seconds = time.perf_counter() - started
        latencies = latencies_ms(read)
    except Exception as e:  # a benchmark reports what failed instead of stopping
        print(f"{name:<34} FAILED: {type(e).__name__}: {str(e)[:160]}")
        return
    print(f"{name:<34} write {n / seconds:8.0f} notices/s {n * elements_per_notice / seconds:9.0f} elements/s | "
          f"{describe(latencies)}")  # fmt: skip


def low_free_port() -> int:
    """FalkorDB 4.16 silently ignores a BOLT_PORT above 32767 (seen here), so pick a free one below it."""
    for port in range(27687, 32767):
        if not port_is_open(port):
            return port
    raise RuntimeError("no free port below 32768")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notices", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()
    bolt_port = low_free_port()
    with tempfile.TemporaryDirectory() as tmp:
        state = falkordb_server.start(Path(tmp), extra_module_args=("BOLT_PORT", str(bolt_port)))
        try:
            db = FalkorDB(host="127.0.0.1", port=state.port)
            g1 = db.select_graph("bench_falkordb_client")
            FalkorDBStore(falkordb_server.url(state), graph="bench_falkordb_client").apply_schema()
            measure("falkordb client (GRAPH.QUERY)", lambda b: g1.query(WRITE, {"docs": b}), lambda: g1.ro_query(READ),
                    args.notices, args.batch)  # fmt: skip

            driver = neo4j.GraphDatabase.driver(
                f"bolt://127.0.0.1:{bolt_port}", auth=("falkordb", ""), max_transaction_retry_time=1
            )
            # Reads first, on the graph the falkordb client wrote: a failed Bolt write may take the server down.
            read_latency(
                "neo4j driver (Bolt), read only", lambda: driver.execute_query(READ, database_="bench_falkordb_client")
            )

            def bolt_write(batch: list[dict[str, Any]]) -> None:
                driver.execute_query(WRITE, {"docs": batch}, database_="bench_bolt")

            def bolt_read() -> None:
                driver.execute_query(READ, database_="bench_bolt")

            measure("neo4j driver (FalkorDB Bolt port)", bolt_write, bolt_read, args.notices, args.batch)
            alive = "still running" if pid_alive(state.pid) else "DEAD (crashed)"
            print(f"FalkorDB server after the Bolt run: {alive}")
            driver.close()
        finally:
            falkordb_server.stop(Path(tmp))


if __name__ == "__main__":
    main()
