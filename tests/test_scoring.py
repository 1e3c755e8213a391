"""The scorer: counts per field, alignment of tasks, folding of character width."""

from __future__ import annotations

import copy
from typing import Any

from policygraph.ingest.scoring import score, total

GOLD: dict[str, Any] = {
    "doc_no": "临州办发〔2021〕76号",
    "issuer": "临夏回族自治州人民政府办公室",
    "level": "prefectural",
    "region": "甘肃省临夏回族自治州",
    "date": None,
    "year": 2021,
    "title": "关于印发的通知",
    "cited": [{"doc_no": "国办发〔2021〕20号", "title": "通知", "relation": "basis"}],
    "tasks": [
        {"section": "一", "number": "(一)", "title": "甲", "lead": ["A"], "cooperating": ["B", "C"],
         "lead_basis": ["explicit"], "cooperating_basis": ["explicit", "explicit"]},
        {"section": "一", "number": "(二)", "title": "乙", "lead": ["D"], "cooperating": [],
         "lead_basis": ["sole"], "cooperating_basis": []},
    ],
}  # fmt: skip


def test_a_perfect_record_scores_one_everywhere() -> None:
    scores = score(copy.deepcopy(GOLD), GOLD)
    assert all(c.fp == 0 and c.fn == 0 for c in scores.values())
    assert scores["lead"].tp == 2 and scores["cooperating"].tp == 2
    assert scores["date"].f1 == 1.0  # both null is right


def test_a_missing_name_lowers_recall_and_a_wrong_one_precision() -> None:
    predicted = copy.deepcopy(GOLD)
    predicted["tasks"][0]["cooperating"] = ["B", "X"]
    scores = score(predicted, GOLD)
    assert (scores["cooperating"].tp, scores["cooperating"].fp, scores["cooperating"].fn) == (1, 1, 1)
    assert scores["cooperating"].precision == 0.5 and scores["cooperating"].recall == 0.5
    assert scores["lead"].f1 == 1.0


def test_an_extra_task_is_aligned_around() -> None:
    predicted = copy.deepcopy(GOLD)
    extra = {"section": "一", "number": "(一)bis", "title": "丙", "lead": ["E"], "cooperating": [],
             "lead_basis": ["sole"], "cooperating_basis": []}  # fmt: skip
    predicted["tasks"].insert(1, extra)
    scores = score(predicted, GOLD)
    assert (scores["task_count"].tp, scores["task_count"].fp) == (2, 1)
    assert (scores["task_title"].tp, scores["task_title"].fp, scores["task_title"].fn) == (2, 1, 0)
    assert (scores["lead"].tp, scores["lead"].fp, scores["lead"].fn) == (2, 1, 0)


def test_metadata_mismatch_and_width_folding() -> None:
    predicted = copy.deepcopy(GOLD)
    predicted["issuer"] = "别的办公室"
    predicted["tasks"][0]["lead"] = ["Ａ"]  # full-width A is the same name
    predicted["title"] = "关于印发 的通知"
    scores = score(predicted, GOLD)
    assert (scores["issuer"].tp, scores["issuer"].fp, scores["issuer"].fn) == (0, 1, 1)
    assert scores["lead"].f1 == 1.0 and scores["title"].f1 == 1.0


def test_totals_add_counts_over_notices() -> None:
    predicted = copy.deepcopy(GOLD)
    predicted["tasks"][1]["lead"] = []
    summed = total([score(GOLD, GOLD), score(predicted, GOLD)])
    assert (summed["lead"].tp, summed["lead"].fn) == (3, 1)
