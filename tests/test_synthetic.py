"""The generator writes every style of docs/extraction.md's catalogue, and the extractor reads back what it put in.

This is `bench_load --check`'s record comparison (bench/load_checks.py) on a corpus big enough to hold every header,
attribution style, layout and the watermark noise, without an engine: the graph side is checked by the bench.
"""

from __future__ import annotations

from collections import Counter

import pytest

from bench.common import extract_one
from bench.load_checks import record_problems
from tests.support.paths import ROOT
from tests.support.synthetic import HEADER_WEIGHTS, LAYOUT_WEIGHTS, STYLE_WEIGHTS, generate

NOTICES = 240


@pytest.fixture(scope="module")
def corpus() -> list[tuple[str, str, object]]:
    return list(generate(NOTICES, seed=3))


def test_every_catalogued_style_is_generated(corpus: list) -> None:
    seen: Counter[str] = Counter()
    for _, _, expected in corpus:
        seen.update((expected.header, expected.style, expected.layout))
        seen["watermark"] += expected.watermark
        seen["deadline"] += any(expected.deadlines)
    wanted = [*HEADER_WEIGHTS, "department", *STYLE_WEIGHTS, *LAYOUT_WEIGHTS, "watermark", "deadline"]
    assert [name for name in wanted if not seen[name]] == []


def test_extraction_gives_back_what_was_put_in(corpus: list) -> None:
    records = [extract_one((name, text)) for name, text, _ in corpus]
    counts, examples = record_problems(records, corpus)
    assert dict(counts) == {}, examples


def test_the_documented_proportions_are_the_generators() -> None:
    doc = (ROOT / "docs" / "extraction.md").read_text(encoding="utf-8")
    table = doc.split("## The synthetic corpus", 1)[1].split("\n\n")[2]
    shares = [int(cell) for line in table.splitlines()[2:] for cell in line.split("|")[2::2] if cell.strip()]
    columns = [list(weights.values()) for weights in (HEADER_WEIGHTS, STYLE_WEIGHTS, LAYOUT_WEIGHTS)]
    rows = max(map(len, columns))
    by_row = [column[i] for i in range(rows) for column in columns if i < len(column)]
    assert shares == by_row
