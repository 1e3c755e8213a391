"""Chinese full-text search: the tokens (graph/search_text.py) and the same answers from both real engines.

The expected tasks were counted by reading the seeds: see tests/support/search_expectations.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from policygraph.graph.falkordb_store import FalkorDBStore
from policygraph.graph.ingest_files import ingest_paths
from policygraph.graph.neo4j_store import Neo4jStore
from policygraph.graph.search import candidates
from policygraph.graph.search_text import (
    QUERY_SYNTAX,
    escape,
    fold,
    fulltext_query,
    highlight,
    parse_query,
    search_text,
    tokens,
)
from policygraph.graph.store import GraphStore
from tests.support.engines import NEO4J_PASSWORD
from tests.support.paths import SEEDS
from tests.support.search_expectations import (
    EXPECTED,
    EXPECTED_COUNTS,
    FACTS_WORDS,
    GUANGDONG,
    HOSTILE,
    SHANXI,
    SIXIAN,
)

# --- tokens, without an engine --------------------------------------------------------------------------------------


def test_text_becomes_bigrams_and_whole_ascii_runs() -> None:
    assert search_text("家庭医生", "推进DRG付费、5G。省") == "家庭 庭医 医生 推进 drg 付费 5g 省"
    assert search_text(None, "") == ""
    assert tokens("公立医院") == ["公立", "立医", "医院"]
    assert tokens("dip") == ["dip"]


def test_folding_keeps_length_and_unifies_forms() -> None:
    text = "ＤＲＧ付費與醫改"
    assert fold(text) == "drg付费与医改"
    assert len(fold(text)) == len(text)


def test_query_words_are_folded_deduplicated_and_single_characters_ignored() -> None:
    assert parse_query("三明 醫改 三明 DRG/DIP 省") == (["三明", "医改", "drg", "dip"], ["省"])
    assert parse_query('"(DRG') == (["drg"], [])
    assert parse_query("'}) DETACH DELETE n //") == (["detach", "delete", "n"], [])
    assert parse_query("((( ))) //") == ([], [])


def test_engine_query_requires_every_bigram() -> None:
    words = parse_query("家庭医生 DRG").words
    assert fulltext_query(words, "neo4j") == "+家庭 +庭医 +医生 +drg"
    assert fulltext_query(words, "falkordb") == "家庭 庭医 医生 drg"
    assert fulltext_query([], "neo4j") == ""
    with pytest.raises(ValueError, match="unknown engine"):
        fulltext_query(words, "sqlite")


@pytest.mark.parametrize("typed", HOSTILE)
def test_no_query_syntax_reaches_the_engine(typed: str) -> None:
    for engine in ("neo4j", "falkordb"):
        query = fulltext_query(parse_query(typed).words, engine)
        body = query.replace("+", "") if engine == "neo4j" else query
        assert not (set(body) & QUERY_SYNTAX), query


def test_escape_guards_every_syntax_character() -> None:
    for ch in QUERY_SYNTAX:
        assert escape(f"a{ch}b") == f"a\\{ch}b"
    assert escape("医改2021") == "医改2021"


def test_highlights_mark_the_words_and_join_to_the_text() -> None:
    text = "大力推进医保按疾病诊断相关分组(DRG)付费,推广三明医改经验。"
    fragments = highlight(text, ["drg", "三明", "医改"])
    assert "".join(f.text for f in fragments) == text
    assert [f.text for f in fragments if f.match] == ["DRG", "三明医改"]  # adjacent words make one fragment
    assert highlight("醫改", ["医改"]) == [("醫改", True)]
    assert highlight(None, ["医改"]) == []
    assert highlight("没有命中", ["医改"]) == [("没有命中", False)]


# --- both engines over the seeds ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def engines(request: pytest.FixtureRequest) -> Iterator[dict[str, GraphStore]]:
    """The five seeds on both engines at once (FalkorDB: a graph of its own; Neo4j: reloaded for this module)."""
    stores: dict[str, GraphStore] = {
        "falkordb": FalkorDBStore(request.getfixturevalue("falkordb_url"), graph="search"),
        "neo4j": Neo4jStore(request.getfixturevalue("neo4j_uri"), "neo4j", NEO4J_PASSWORD),
    }
    for store in stores.values():
        store.apply_schema()
        store.clear()
        ingest_paths(store, [SEEDS])
    yield stores
    for store in stores.values():
        store.close()


def search(store: GraphStore, typed: str, **filters: Any) -> list[dict[str, Any]]:
    words = parse_query(typed).words
    params = {"query": fulltext_query(words, store.engine), "words": words, "year": None, "level": None,
              "region": None, "skip": 0, "limit": 1000, **filters}  # fmt: skip
    params["candidates"] = candidates(params["skip"], params["limit"])
    return store.run(f"schema/{store.engine}/search_tasks", params)


def scan(store: GraphStore, word: str) -> set[str]:
    """The tasks whose title or text contain the word, without any index: the oracle for the frequent words."""
    rows = store.read(
        "MATCH (t:Task) WHERE toLower(t.title + ' ' + t.text) CONTAINS $word RETURN t.key AS key",
        {"word": word.lower()},
    )
    return {row["key"] for row in rows}


@pytest.mark.parametrize("word", FACTS_WORDS)
def test_both_engines_give_the_same_page_for_the_facts_words(engines: dict[str, GraphStore], word: str) -> None:
    falkordb, neo4j = (search(engines[name], word) for name in ("falkordb", "neo4j"))
    drop_score = [{k: v for k, v in row.items() if k != "score"} for row in falkordb]
    assert drop_score == [{k: v for k, v in row.items() if k != "score"} for row in neo4j]  # same rows, same order
    keys = {row["key"] for row in falkordb}
    if word in EXPECTED:
        assert keys == EXPECTED[word]
    else:
        assert len(keys) == EXPECTED_COUNTS[word]
    assert keys == scan(engines["falkordb"], word) == scan(engines["neo4j"], word)
    hits = [row["hits"] for row in falkordb]
    assert hits == sorted(hits, reverse=True) and min(hits) >= 1


def test_hits_count_occurrences(engines: dict[str, GraphStore]) -> None:
    for store in engines.values():
        rows = {row["key"]: row["hits"] for row in search(store, "三明")}
        # 003 (五): title "推广三明医改经验" (1); text "(五)推广三明医改经验。落实…福建省三明市经验…推广三明医改经验
        # 落地…建立推广三明医改…" (4).
        assert rows[f"{SHANXI}#5"] == 5
        assert rows[f"{GUANGDONG}#1"] == 1


def test_a_word_must_occur_whole_not_as_scattered_bigrams(engines: dict[str, GraphStore]) -> None:
    # 公立 立医 医院 all occur in 广东 (二十二) ("二级以上公立医疗机构" … "数字医院") but 公立医院 does not.
    key = f"{GUANGDONG}#22"
    text = engines["neo4j"].read("MATCH (t:Task {key: $key}) RETURN t.text AS text", {"key": key})[0]["text"]
    assert all(bigram in text for bigram in ("公立", "立医", "医院")) and "公立医院" not in text
    for store in engines.values():
        assert key not in {row["key"] for row in search(store, "公立医院")}


def test_all_words_are_required(engines: dict[str, GraphStore]) -> None:
    for store in engines.values():
        assert {row["key"] for row in search(store, "家庭医生 签约 DIP")} == {f"{SIXIAN}#14"}
        assert {row["key"] for row in search(store, "DRG DIP")} == {f"{SHANXI}#8"}
        assert search(store, "DRG 西藏") == []


def test_filters(engines: dict[str, GraphStore]) -> None:
    for store in engines.values():
        assert {row["key"] for row in search(store, "三明", year=2022)} == {
            f"{SHANXI}#5",
            f"{SHANXI}#9",
            f"{SHANXI}#16",
        }
        assert {row["key"] for row in search(store, "三明", level="county")} == {f"{SIXIAN}#19"}
        assert {row["key"] for row in search(store, "家庭医生", region="安徽省")} == {f"{SIXIAN}#12", f"{SIXIAN}#14"}


@pytest.mark.parametrize("typed", HOSTILE)
def test_hostile_queries_neither_fail_nor_write(engines: dict[str, GraphStore], typed: str) -> None:
    answers = []
    for store in engines.values():
        before = store.run("graph_count_nodes")
        answers.append([row["key"] for row in search(store, typed)] if parse_query(typed).words else [])
        assert store.run("graph_count_nodes") == before
    assert answers[0] == answers[1]


def test_the_index_is_ready_when_apply_schema_returns(request: pytest.FixtureRequest) -> None:
    """FalkorDB fills a full-text index over existing nodes in the background (queried at once, it answered 0 of
    200,000 here): apply_schema waits until it is operational."""
    store = FalkorDBStore(request.getfixturevalue("falkordb_url"), graph="search_late")
    try:
        store.clear()
        store.write(
            "CREATE (d:Document {key: 'late'}) WITH d UNWIND range(1, $n) AS i "
            "CREATE (d)-[:HAS_TASK]->(:Task {key: 'late#' + toString(i), title: '推广三明医改经验', "
            "text: '推广三明医改经验', search_text: '推广 广三 三明 明医 医改 改经 经验'})",
            {"n": 50_000},
        )
        store.apply_schema()
        assert len(search(store, "三明", limit=50_000)) == 50_000
        assert store.run("schema/falkordb/pending_indexes") == [{"pending": 0}]
    finally:
        store.clear()
        store.close()
