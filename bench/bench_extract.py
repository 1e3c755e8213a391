"""Throughput of read + normalise + extract over the seeds, repeated: docs/s and MB/s on one core.

    python -m bench.bench_extract              # 40 rounds over seeds/*.txt
    python -m bench.bench_extract --rounds 100 seeds/003_*.txt

A script, not a test: the machines are shared and noisy, so the figure is reported, not asserted. The first
round (pipeline and tables loading) is timed separately and left out of the rate. Both wall-clock and CPU time
(this process only) are shown: on a busy shared machine the CPU figure is the one that says what one core does.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from policygraph.ingest.extract import extract_text
from policygraph.ingest.readers import read_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def run(paths: list[Path]) -> int:
    """Read and extract every file once; returns the bytes read."""
    size = 0
    for path in paths:
        source = read_document(path)
        extract_text(source.text, source.source, source.sha256)
        size += path.stat().st_size
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="files (default: seeds/*.txt)")
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    paths = args.paths or sorted(SEEDS.glob("*.txt"))
    start = time.perf_counter()
    run(paths)
    warm_up = time.perf_counter() - start
    start, cpu_start = time.perf_counter(), time.process_time()
    size = sum(run(paths) for _ in range(args.rounds))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    docs = len(paths) * args.rounds
    print(f"first round (loading): {warm_up:.2f} s")
    print(f"{docs} documents, {size / 1e6:.1f} MB")
    for label, seconds in (("wall", elapsed), ("cpu", cpu)):
        print(f"{label:>4}: {seconds:.2f} s, {docs / seconds:.0f} docs/s, {size / 1e6 / seconds:.2f} MB/s, "
              f"{seconds / docs * 1000:.2f} ms/doc")  # fmt: skip


if __name__ == "__main__":
    main()
