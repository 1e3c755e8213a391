"""Two `policygraph ingest` processes over overlapping files at once give the graph of one after the other, and the
API keeps answering while an ingest runs (latency recorded, not timed: only errors or an extreme bound fail)."""

from __future__ import annotations

import shutil
import statistics
import time
from pathlib import Path

import httpx

from policygraph.api.app import create_app
from policygraph.core.settings import Settings
from tests.reliability.harness import FIGURES, Target, differences, export
from tests.support.cli import finish_cli, run_cli, start_cli, still_running
from tests.support.live_server import LiveServer
from tests.support.paths import SEEDS
from tests.support.synthetic import generate

EXTREME_LATENCY_S = 10.0  # a request slower than this while an ingest runs is a hang, not a slow answer


def corpus_files(folder: Path, synthetic: int, seed: int = 23) -> list[Path]:
    """The five seeds and `synthetic` generated notices, as files."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    for name, text, _ in generate(synthetic, seed=seed):
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(folder.iterdir())


def test_two_ingests_at_once_equal_one_after_the_other(target: Target) -> None:
    files = corpus_files(target.workdir / "corpus", 40)
    seeds, synthetic = files[:5], files[5:]
    first = [*seeds[:4], *synthetic[:28]]  # 4 seeds and 12 notices in common with the second
    second = [*seeds[1:], *synthetic[16:]]

    for name, paths in (("a", first), ("b", second)):
        done = run_cli("ingest", *map(str, paths), settings=target.env, workdir=target.workdir / f"seq-{name}")
        assert done.returncode == 0, done.stderr
    one_after_the_other = export(target.store)

    target.store.clear()
    started = time.monotonic()
    running = [start_cli("ingest", *map(str, paths), settings=target.env, workdir=target.workdir / f"par-{name}")
               for name, paths in (("a", first), ("b", second))]  # fmt: skip
    results = [
        finish_cli(proc, target.workdir / f"par-{name}", started) for proc, name in zip(running, "ab", strict=True)
    ]
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    assert differences(export(target.store), one_after_the_other) == []


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def test_the_api_answers_while_an_ingest_runs(target: Target) -> None:
    files = corpus_files(target.workdir / "corpus", 150)
    settings = Settings(POLICYGRAPH_ENGINE=target.engine, POLICYGRAPH_CACHE_SECONDS=0)
    latencies: list[float] = []
    statuses: list[int] = []
    with (
        LiveServer(create_app(settings, target.store)) as server,
        httpx.Client(base_url=server.url, timeout=60) as client,
    ):
        started = time.monotonic()
        ingest = start_cli("ingest", *map(str, files), settings=target.env, workdir=target.workdir / "ingest")
        while still_running(ingest):
            for path in ("/documents?limit=20", "/ready"):
                sent = time.perf_counter()
                statuses.append(client.get(path).status_code)
                latencies.append(time.perf_counter() - sent)
            time.sleep(0.02)
        result = finish_cli(ingest, target.workdir / "ingest", started)
    assert result.returncode == 0, result.stderr
    assert len(latencies) >= 20, "the ingest ended before the API was measured"
    assert set(statuses) == {200}
    p50, p95 = statistics.median(latencies), percentile(latencies, 0.95)
    FIGURES[f"API during an ingest: requests ({target.engine})"] = len(latencies)
    FIGURES[f"API during an ingest: p50 ms ({target.engine})"] = round(p50 * 1000, 1)
    FIGURES[f"API during an ingest: p95 ms ({target.engine})"] = round(p95 * 1000, 1)
    FIGURES[f"API during an ingest: max ms ({target.engine})"] = round(max(latencies) * 1000, 1)
    assert max(latencies) < EXTREME_LATENCY_S
