"""The task aligner (graph/align.py): its precision and recall on the hand-judged gold, and its speed.

    python -m bench.bench_align              # speed: two 30-task notices (p50/p95), then 1,000 pairs of notices
    python -m bench.bench_align calibrate    # precision, recall and F1 per threshold, per half of the gold

The gold is tests/gold/alignment/pairs.toml (README.md there): each comparison names two notices and lists every pair
of their tasks judged aligned; every other pair of their tasks was judged not aligned.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from typing import Any

import numpy as np

from policygraph.graph import align as aligner
from policygraph.graph.align import AlignTask
from policygraph.graph.ingest_files import extract_file
from policygraph.ingest.scoring import Counts
from tests.support.paths import ROOT, SEED_FILES

GOLD = ROOT / "tests" / "gold" / "alignment" / "pairs.toml"
THRESHOLDS = [round(0.10 + 0.025 * i, 3) for i in range(17)]  # 0.10 … 0.50


@dataclass(frozen=True)
class Comparison:
    """Two notices' tasks and the pairs of positions (1-based) judged aligned."""

    a: str
    b: str
    kind: str
    half: str
    a_tasks: list[AlignTask]
    b_tasks: list[AlignTask]
    aligned: frozenset[tuple[int, int]]


@cache
def notice_tasks(path: str) -> list[AlignTask]:
    """A notice's tasks, extracted by the project's pipeline (keys are `<file>#<position>`)."""
    record: dict[str, Any] = extract_file(ROOT / path)
    return [
        AlignTask(f"{path}#{i}", t.get("title") or "", t.get("text") or "") for i, t in enumerate(record["tasks"], 1)
    ]


def load_gold() -> list[Comparison]:
    gold = tomllib.loads(GOLD.read_text("utf-8"))
    notices: dict[str, str] = gold["notices"]
    return [
        Comparison(
            c["a"], c["b"], c["kind"], c["half"], notice_tasks(notices[c["a"]]), notice_tasks(notices[c["b"]]),
            frozenset((i, j) for i, j in c["aligned"]),
        )
        for c in gold["comparison"]
    ]  # fmt: skip


def judged(comparison: Comparison, threshold: float) -> Counts:
    """The aligner against the judgement on every pair of the two notices' tasks."""
    position = {t.key: i for i, t in enumerate(comparison.a_tasks + comparison.b_tasks)}
    offset = len(comparison.a_tasks)
    found = {
        (position[p.a] + 1, position[p.b] - offset + 1)
        for p in aligner.align(comparison.a_tasks, comparison.b_tasks, threshold)
    }
    tp = len(found & comparison.aligned)
    return Counts(tp, len(found) - tp, len(comparison.aligned) - tp)


def evaluate(comparisons: list[Comparison], threshold: float) -> Counts:
    total = Counts()
    for comparison in comparisons:
        total.add(judged(comparison, threshold))
    return total


def line(score: Counts) -> str:
    return (
        f"P={score.precision:.2f} R={score.recall:.2f} F1={score.f1:.2f} (tp {score.tp}, fp {score.fp}, fn {score.fn})"
    )


def calibrate() -> None:
    gold = load_gold()
    halves = {h: [c for c in gold if c.half == h] for h in ("calibration", "held_out")}
    pairs = sum(len(c.a_tasks) * len(c.b_tasks) for c in gold)
    print(f"gold: {len(gold)} comparisons, {pairs} judged pairs, {sum(len(c.aligned) for c in gold)} aligned")
    print("| threshold | calibration P / R / F1 | held-out P / R / F1 | all P / R / F1 |")
    print("| ---: | --- | --- | --- |")
    for threshold in THRESHOLDS:
        cells = [
            evaluate(halves["calibration"], threshold),
            evaluate(halves["held_out"], threshold),
            evaluate(gold, threshold),
        ]
        mark = " ←" if threshold == aligner.THRESHOLD else ""
        print(
            f"| {threshold:.3f}{mark} | "
            + " | ".join(f"{s.precision:.2f} / {s.recall:.2f} / {s.f1:.2f}" for s in cells)
            + " |"
        )
    print(f"\nat THRESHOLD = {aligner.THRESHOLD}, per comparison:")
    for c in gold:
        print(f"  {c.a} ~ {c.b} ({c.kind}, {c.half}): {line(judged(c, aligner.THRESHOLD))}")


def synthetic_notice(rng: random.Random, pool: list[AlignTask], size: int, tag: str) -> list[AlignTask]:
    """`size` tasks drawn from the seeds' tasks, each with a few characters changed, so nothing is cached yet."""
    tasks = []
    for i in range(size):
        task = rng.choice(pool)
        text = list(task.text)
        for _ in range(3):
            text[rng.randrange(len(text))] = rng.choice("医保药卫健康疾控服务")
        tasks.append(AlignTask(f"{tag}#{i}", task.title, "".join(text)))
    return tasks


def timed(call: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) milliseconds of one call: on a shared machine the CPU time is the work, the wall time the wait."""
    wall, cpu = time.perf_counter(), time.process_time()
    call()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def percentiles(name: str, runs: list[tuple[float, float]]) -> None:
    wall, cpu = [w for w, _ in runs], [c for _, c in runs]
    print(
        f"{name}: wall p50 {statistics.median(wall):.1f} ms, p95 {np.percentile(wall, 95):.1f} ms; "
        f"CPU p50 {statistics.median(cpu):.1f} ms, p95 {np.percentile(cpu, 95):.1f} ms ({len(runs)} runs)"
    )


def speed(repeats: int, notices: int) -> None:
    rng = random.Random(18)
    pool = [t for path in SEED_FILES for t in notice_tasks(str(path.relative_to(ROOT)))]
    aligner.align(pool[:2], pool[2:4])  # the import of scikit-learn, once per process
    pairs = [
        (synthetic_notice(rng, pool, 30, f"a{r}"), synthetic_notice(rng, pool, 30, f"b{r}")) for r in range(repeats)
    ]
    percentiles("two new 30-task notices (cleaning included)", [timed(partial(aligner.align, a, b)) for a, b in pairs])
    percentiles("the same pairs again (wordings cached)", [timed(partial(aligner.align, a, b)) for a, b in pairs])
    corpus = [synthetic_notice(rng, pool, 30, f"n{i}") for i in range(notices // 2)]
    for label in ("each wording cleaned on first use", "all wordings cached"):
        wall, cpu = timed(
            lambda: [aligner.align(corpus[i % len(corpus)], corpus[(i * 7 + 1) % len(corpus)]) for i in range(notices)]
        )
        print(f"{notices} pairs of 30-task notices ({label}): wall {wall / 1000:.2f} s, CPU {cpu / 1000:.2f} s, "
              f"{cpu / notices:.1f} ms CPU a pair")  # fmt: skip
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", nargs="?", choices=["speed", "calibrate"], default="speed")
    parser.add_argument("--repeats", type=int, default=200)
    parser.add_argument("--pairs", type=int, default=1000)
    args = parser.parse_args()
    if args.what == "calibrate":
        calibrate()
    else:
        speed(args.repeats, args.pairs)


if __name__ == "__main__":
    main()
