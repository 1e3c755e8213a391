"""core/i18n.py and core/terms.py without a server: the language a header or a value names, codes said in each
language, and our own English sentences stored with the data said back in Chinese (data itself left alone)."""

from __future__ import annotations

import pytest

from policygraph.core import i18n
from policygraph.core.terms import CITED_AS_BASIS, NEAREST, STUB_ASSUMED, WITH_GAPS, said, term
from policygraph.graph.lineage import Notice, inferred_edge

ZH = i18n.translations("zh")


@pytest.mark.parametrize(
    ("value", "language"),
    [("zh", "zh"), ("zh-CN", "zh"), ("zh_Hans", "zh"), ("ZH-tw", "zh"), ("en", "en"), ("en-GB", "en"), ("fr", None),
     ("", None), (None, None), ("zhx", None), ("e", None)],
)  # fmt: skip
def test_supported(value: str | None, language: str | None) -> None:
    assert i18n.supported(value) == language


def test_codes_are_said_in_each_language_and_data_is_left_alone() -> None:
    with i18n.using("zh"):
        assert [term(c) for c in ("national", "prefectural", "lead", "standing_clause")] == [
            "国家级",
            "市级",
            "牵头",
            "通用条款",
        ]
        assert term("西藏自治区卫生健康委员会") == "西藏自治区卫生健康委员会" and term("Search") == "Search"
    with i18n.using("en"):
        assert term("national") == "national"


def test_stored_sentences_are_said_back_with_their_values() -> None:
    stub = STUB_ASSUMED % {"year": 2021}
    gaps = WITH_GAPS % {"reason": NEAREST % {"year": 2022}, "year": 2022, "where": "安徽省宿州市, 安徽省"}
    assert said(ZH, CITED_AS_BASIS) == "明确引用为依据"
    assert said(ZH, stub) == "未载入（仅见于引用）；推定贯彻 2021 年最近的上一层级文件"
    assert (
        said(ZH, gaps)
        == "未引用上级文件；取图中 2022 年最近的上一层级文件；缺失层级：缺安徽省宿州市, 安徽省 2022 年文件"
    )
    assert said(ZH, "3 attribution-like passage(s) no rule read") == "3 处疑似分工表述未被识别"
    for data in ("由<b>卫健委</b>牵头", "2021 医共体", "cited as its basis, they say", ""):
        assert said(ZH, data) == data
    assert said(i18n.translations("en"), stub) == stub


def test_lineage_writes_the_reasons_the_catalogue_knows() -> None:
    """The reasons graph/lineage.py stores are the catalogue's messages, so the pages can say them in Chinese."""
    county = Notice(key="c", tier=3, region="安徽省宿州市泗县", year=2021, stub=False, basis_parents=())
    national = Notice(key="n", tier=0, region="中国", year=2021, stub=False, basis_parents=())
    edge = inferred_edge(county, [national, county])
    assert edge is not None and edge["reason"].startswith("cites no parent notice; nearest higher-tier notice of 2021")
    assert said(ZH, edge["reason"]).startswith("未引用上级文件；取图中 2021 年最近的上一层级文件")
