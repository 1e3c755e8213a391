"""Throughput of read + normalise + extract over the seeds, repeated: docs/s and MB/s on one core.

    python -m bench.bench_extract              # 40 rounds over seeds/*.txt
    python -m bench.bench_extract --rounds 100 seeds/003_*.txt
    python -m bench.bench_extract --synthetic 500     # the generator's mix of styles (tests/support/synthetic.py)

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


def run_synthetic(notices: list[tuple[str, str]]) -> int:
    """Extract generated notices once (no file reading); returns their UTF-8 bytes."""
    size = 0
    for name, text in notices:
        extract_text(text, name)
        size += len(text.encode("utf-8"))
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="files (default: seeds/*.txt)")
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--synthetic", type=int, metavar="N", help="extract N generated notices instead of files")
    args = parser.parse_args()
    paths = args.paths or sorted(SEEDS.glob("*.txt"))
    if args.synthetic:  # one round over the generated notices, warmed up on five of them
        from tests.support.synthetic import generate

        notices = [(name, text) for name, text, _ in generate(args.synthetic, seed=0)]
        warm, measure, rounds, per_round = (
            lambda: run_synthetic(notices[:5]),
            lambda: run_synthetic(notices),
            1,
            len(notices),
        )
    else:
        warm = measure = lambda: run(paths)
        rounds, per_round = args.rounds, len(paths)
    start = time.perf_counter()
    warm()
    warm_up = time.perf_counter() - start
    start, cpu_start = time.perf_counter(), time.process_time()
    size = sum(measure() for _ in range(rounds))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    docs = per_round * rounds
    print(f"first round (loading): {warm_up:.2f} s")
    print(f"{docs} documents, {size / 1e6:.1f} MB")
    for label, seconds in (("wall", elapsed), ("cpu", cpu)):
        print(f"{label:>4}: {seconds:.2f} s, {docs / seconds:.0f} docs/s, {size / 1e6 / seconds:.2f} MB/s, "
              f"{seconds / docs * 1000:.2f} ms/doc")  # fmt: skip


if __name__ == "__main__":
    main()
