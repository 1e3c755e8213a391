"""Bounded statements: core/batches.py's chunks and packs, and the plan graph/counts.py makes from them for the
function rows (that the rows written by that plan equal one write of all is tests/test_counts.py's, both engines)."""

from __future__ import annotations

from policygraph.core.batches import chunks, pack
from policygraph.graph.counts import FunctionWrite, plan_function_writes


def test_chunks_keep_the_order_and_every_item() -> None:
    assert list(chunks("abcde", 2)) == [["a", "b"], ["c", "d"], ["e"]]
    assert list(chunks([], 3)) == []


def test_a_pack_stays_under_its_limit_and_a_heavy_item_stands_alone() -> None:
    weights = [("a", 3), ("b", 4), ("c", 9), ("d", 1), ("e", 1), ("f", 1)]
    assert pack(weights, limit=7, most=10) == [["a", "b"], ["c"], ["d", "e", "f"]]
    assert pack(weights, limit=7, most=2) == [["a", "b"], ["c"], ["d", "e"], ["f"]]


def test_a_function_too_big_for_one_write_is_written_a_few_years_at_a_time() -> None:
    sizes = [{"function": "卫生健康委员会", "year": year, "edges": 40} for year in (0, 2019, 2020, 2021)]
    sizes += [{"function": "医疗保障局", "year": 2021, "edges": 30}, {"function": "财政局", "year": 2020, "edges": 50}]
    assert plan_function_writes(sizes, limit=100) == [
        FunctionWrite(["医疗保障局", "财政局"], None),
        FunctionWrite(["卫生健康委员会"], [0, 2019]),
        FunctionWrite(["卫生健康委员会"], [2020, 2021]),
    ]
