"""The streaming pipeline's parts: worker processes extract in order, a bad file fails alone, and the pool never
runs more than its window ahead of the loader that consumes it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from policygraph.graph.ingest_files import records_of
from policygraph.graph.loader import Outcome
from policygraph.graph.parallel import bounded_map
from tests.support.paths import SEEDS


def square(n: int) -> int:
    return n * n


def test_results_come_in_the_order_of_the_items() -> None:
    assert list(bounded_map(square, range(40), workers=2, window=3)) == [n * n for n in range(40)]


def test_the_pool_runs_no_more_than_its_window_ahead_of_the_consumer() -> None:
    pulled = 0

    def items() -> Iterator[int]:
        nonlocal pulled
        for n in range(60):
            pulled += 1
            yield n

    consumed = 0
    for _ in bounded_map(square, items(), workers=2, window=5):
        consumed += 1
        assert pulled - consumed <= 5, f"{pulled} items taken for {consumed} results"
    assert consumed == 60


def test_workers_extract_what_one_process_extracts_and_a_bad_file_fails_alone(tmp_path: Path) -> None:
    bad = tmp_path / "空白.txt"
    bad.write_text("\n\n   \n", encoding="utf-8")
    paths = [*sorted(SEEDS.glob("*.txt"))[:2], bad, *sorted(SEEDS.glob("*.txt"))[2:]]
    serial_failures: list[Outcome] = []
    pooled_failures: list[Outcome] = []
    serial = list(records_of(paths, serial_failures, None, workers=1))
    pooled = list(records_of(paths, pooled_failures, None, workers=2))
    assert pooled == serial
    assert [r["source"] for r in pooled] == [str(p) for p in paths if p != bad]
    assert pooled_failures == serial_failures
    assert [(f.source, f.status) for f in pooled_failures] == [(str(bad), "failed")]
