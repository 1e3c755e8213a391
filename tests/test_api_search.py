"""GET /search over real HTTP on both engines, with answers counted by hand in the seeds
(see tests/test_search_text.py for how: the word grepped in seeds/*.txt, then the task it sits in)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from policygraph.graph.search_text import fold
from policygraph.graph.store import GraphStore
from tests.support.search_expectations import EXPECTED, EXPECTED_COUNTS, FACTS_WORDS, GUANGDONG, HOSTILE, SHANXI, SIXIAN


def keys(answer: Any) -> list[str]:
    assert answer.status_code == 200, answer.text
    return [item["key"] for item in answer.json()["items"]]


@pytest.mark.parametrize("word", FACTS_WORDS)
def test_the_facts_words_find_the_hand_counted_tasks(api: Any, word: str) -> None:
    found = keys(api.get("/search", params={"q": word, "limit": 100}))
    assert len(found) == len(set(found))
    if word in EXPECTED:
        assert set(found) == EXPECTED[word]
    else:
        assert len(found) == EXPECTED_COUNTS[word]


def test_a_hit_carries_its_task_notice_and_ranking(api: Any) -> None:
    body = api.get("/search", params={"q": "三明"}).json()
    assert body["q"] == "三明" and body["words"] == ["三明"] and body["ignored"] == []
    first = body["items"][0]
    # 003 (五) says 三明 five times (title once, text four times): the most, so first.
    assert first["key"] == f"{SHANXI}#5"
    assert first["hits"] == 5
    assert first["number"] == "(五)" and first["title"] == "推广三明医改经验"
    assert first["document_key"] == SHANXI and first["region"] == "山西省" and first["year"] == 2022
    assert first["level"] == "provincial" and "深化医药卫生体制改革" in first["document_title"]
    assert isinstance(first["score"], float) and first["score"] > 0
    # Most occurrences first, then the newest notice, then the key: 泗县 (十九) says it twice (title and text),
    # 广东 (一), 山西 (十六) and (九) once each.
    ranked = [(item["key"], item["hits"]) for item in body["items"]]
    assert ranked == [(f"{SHANXI}#5", 5), (f"{SIXIAN}#19", 2), (f"{GUANGDONG}#1", 1), (f"{SHANXI}#16", 1),
                      (f"{SHANXI}#9", 1)]  # fmt: skip


def test_highlights_point_at_the_words(api: Any) -> None:
    for item in api.get("/search", params={"q": "dRg 付费"}).json()["items"]:
        assert "".join(f["text"] for f in item["text_highlights"]) == item["text"]
        assert "".join(f["text"] for f in item["title_highlights"]) == item["title"]
        marked = [f["text"] for f in item["text_highlights"] if f["match"]]
        # "实施DRG付费": adjacent occurrences make one fragment
        assert marked and all(re.fullmatch("(drg|付费)+", fold(text)) for text in marked)
        assert "DRG" in marked and "DRG付费" in marked  # found whatever the case typed
    sanming = api.get("/search", params={"q": "三明", "limit": 100}).json()["items"]
    for item in sanming:
        marked = [f["text"] for part in ("title_highlights", "text_highlights") for f in item[part] if f["match"]]
        assert marked and set(marked) == {"三明"}
        assert len(marked) == item["hits"]  # every occurrence is marked, and only those


def test_every_word_is_required_and_forms_do_not_matter(api: Any) -> None:
    assert keys(api.get("/search", params={"q": "家庭医生 签约 DIP"})) == [f"{SIXIAN}#14"]
    assert keys(api.get("/search", params={"q": "DRG 西藏"})) == []
    simplified = keys(api.get("/search", params={"q": "医改", "limit": 100}))
    assert keys(api.get("/search", params={"q": "醫改", "limit": 100})) == simplified  # traditional
    assert keys(api.get("/search", params={"q": "ＤＲＧ"})) == [f"{SHANXI}#8"]  # full-width


def test_single_characters_are_reported_as_ignored(api: Any) -> None:
    body = api.get("/search", params={"q": "省 三明"}).json()
    assert body["words"] == ["三明"] and body["ignored"] == ["省"]
    assert {item["key"] for item in body["items"]} == EXPECTED["三明"]
    alone = api.get("/search", params={"q": "省"})
    assert alone.status_code == 200 and alone.json()["items"] == [] and alone.json()["ignored"] == ["省"]


def test_pagination(api: Any) -> None:
    pages = [api.get("/search", params={"q": "改革", "limit": 20, "offset": offset}).json() for offset in (0, 20, 40)]
    assert [len(page["items"]) for page in pages] == [20, 20, 9]  # 49 tasks say 改革
    assert [page["has_more"] for page in pages] == [True, True, False]
    assert pages[1]["limit"] == 20 and pages[1]["offset"] == 20
    every = [item["key"] for page in pages for item in page["items"]]
    assert len(set(every)) == 49
    assert every == keys(api.get("/search", params={"q": "改革", "limit": 100}))  # stable order
    assert api.get("/search", params={"q": "改革", "offset": 49}).json() == {
        "items": [], "limit": 50, "offset": 49, "has_more": False, "q": "改革", "words": ["改革"], "ignored": []
    }  # fmt: skip


def test_filters(api: Any) -> None:
    def found(**params: Any) -> set[str]:
        return set(keys(api.get("/search", params={"q": "三明", **params})))

    shanxi = {f"{SHANXI}#5", f"{SHANXI}#9", f"{SHANXI}#16"}
    assert found(year=2022) == shanxi
    assert found(year=2023) == set()
    assert found(level="county") == {f"{SIXIAN}#19"}
    assert found(region="晋") == found(region="山西省") == found(region="山西") == shanxi
    assert found(region="宿州市") == found(region="安徽") == {f"{SIXIAN}#19"}  # rolls up to the county's notice
    assert found(region="中国") == EXPECTED["三明"]  # the whole country: no filter
    assert found(region="广东", year=2024, level="provincial") == {f"{GUANGDONG}#1"}


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ""},
        {"q": "   "},
        {"q": "医" * 101},
        {"q": "三明", "limit": 0},
        {"q": "三明", "limit": 501},
        {"q": "三明", "offset": -1},
        {"q": "三明", "level": "planetary"},
        {"q": "三明", "year": 1800},
        {"q": "三明", "year": "last"},
        {"q": "三明", "region": "火星"},
        {"q": "三明", "region": "省" * 61},
    ],
)
def test_bad_parameters_are_422(api: Any, params: dict[str, Any]) -> None:
    answer = api.get("/search", params=params)
    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"]


@pytest.mark.parametrize("q", ["\x00", "三明\x00", "\x00 DRG"])
def test_a_nul_in_the_query_is_422(api: Any, q: str) -> None:
    # The engine only sees the words' tokens, where a NUL is a mere separator: refused all the same, on both engines.
    answer = api.get("/search", params={"q": q})
    assert answer.status_code == 422
    assert answer.json()["detail"] == [{"loc": ["query", "q"], "msg": "must not contain a NUL character",
                                        "type": "value_error"}]  # fmt: skip


@pytest.mark.parametrize("typed", HOSTILE)
def test_hostile_queries_get_results_or_none(api: Any, seeded_store: GraphStore, typed: str) -> None:
    before = seeded_store.run("graph_count_nodes")
    answer = api.get("/search", params={"q": typed})
    assert answer.status_code == 200, answer.text
    assert seeded_store.run("graph_count_nodes") == before
    if typed == '"(DRG':
        assert keys(answer) == [f"{SHANXI}#8"]


def test_search_is_in_the_openapi_spec(api: Any) -> None:
    operation = api.get("/openapi.json").json()["paths"]["/search"]["get"]
    assert operation["tags"] == ["search"]
    assert {p["name"] for p in operation["parameters"]} == {"q", "limit", "offset", "level", "region", "year"}
