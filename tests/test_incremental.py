"""The incremental refresh after a load gives the very graph a full refresh gives, on both real engines.

The corpus: the five seeds, generated notices (tests/support/synthetic.py), changed versions of some of them (the same
文号, fewer tasks and citations: agencies, programmes, stubs and regions may be orphaned), and constructed notices
whose titles are titles cited elsewhere (the first resolves those citations, the second makes them ambiguous). It is
loaded in random orders and random batches, each load refreshing incrementally; the result must equal a full refresh
of the final corpus (each notice as last loaded) loaded into an empty graph.
"""

from __future__ import annotations

import copy
import random
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from bench.common import extract_one
from policygraph.graph.export import canonical_export
from policygraph.graph.ingest_files import extract_file
from policygraph.graph.loader import load_batch, load_records, refresh_derived
from policygraph.graph.rows import document_row
from policygraph.graph.store import GraphStore
from tests.support.cli import run_cli
from tests.support.engines import cli_settings
from tests.support.paths import SEEDS
from tests.support.synthetic import generate

Record = dict[str, Any]
GENERATED = 150
ORDERS = (1, 2, 3)


def changed(record: Record) -> Record:
    """A new version of a notice: same 文号, half of its tasks and one citation fewer."""
    new = copy.deepcopy(record)
    new["tasks"] = new["tasks"][: len(new["tasks"]) // 2]
    new["cited"] = new["cited"][:-1]
    new["sha256"] = f"changed-{record['sha256']}"
    new["source"] = f"changed-{record['source']}"
    return new


def titled(record: Record, title: str, number: int) -> Record:
    """A notice of our own making whose title is `title` as an issuer prints it, with a 文号 of its own."""
    new = copy.deepcopy(record)
    new["doc_no"] = f"测卫发〔{record['year']}〕{number}号"
    new["doc_no_prefix"] = "测卫发"
    new["title"] = f"测试市卫生健康委员会{title}"
    new["sha256"] = f"titled-{number}"
    new["source"] = f"titled-{number}.txt"
    return new


def key(record: Record) -> str:
    return str(document_row(record)["key"])


@pytest.fixture(scope="module")
def corpus() -> list[Record]:
    seeds = [extract_file(path) for path in sorted(SEEDS.glob("*.txt"))]
    generated = [extract_one((name, text)) for name, text, _ in generate(GENERATED, seed=11)]
    cited_titles = Counter(c["title"] for r in generated for c in r["cited"] if c["title"] and not c["doc_no"])
    twins = [titled(generated[i], title, 2 * i + n) for i, (title, _) in enumerate(cited_titles.most_common(3))
             for n in (1, 2)][:5]  # fmt: skip
    replaced = [changed(r) for r in (seeds[3], *generated[::12])]
    return seeds + generated + twins + replaced


def final_versions(order: list[Record]) -> list[Record]:
    """Each notice as it was last loaded."""
    last = {key(record): record for record in order}
    return list(last.values())


def full_export(store: GraphStore, records: list[Record]) -> dict[str, list[str]]:
    store.clear()
    for start in range(0, len(records), 50):
        batch: list[Mapping[str, Any]] = [*records[start : start + 50]]
        load_batch(store, batch)
    refresh_derived(store)
    return canonical_export(store)


@pytest.mark.parametrize("seed", ORDERS)
def test_incremental_refresh_equals_a_full_one(store: GraphStore, corpus: list[Record], seed: int) -> None:
    rng = random.Random(seed)
    order = rng.sample(corpus, len(corpus))
    start = 0
    while start < len(order):
        size = rng.choice((1, 1, 3, 10, 40))
        load_records(store, order[start : start + size], batch_size=rng.choice((1, 7, 50)))
        start += size
    incremental = canonical_export(store)
    refresh_derived(store)  # a full refresh of the incrementally kept graph changes nothing
    assert canonical_export(store) == incremental
    assert incremental == full_export(store, final_versions(order))


def test_the_corpus_holds_what_the_incremental_steps_handle(corpus: list[Record]) -> None:
    keys = Counter(key(record) for record in corpus)
    assert sum(1 for n in keys.values() if n > 1) >= 10  # replaced notices
    assert sum(1 for r in corpus if r["source"].startswith("titled-")) == 5  # titles cited elsewhere, twice each
    assert any(c["relation"] == "basis" and not c["doc_no"] for r in corpus for c in r["cited"])


def test_one_new_notice_touches_only_its_neighbourhood(store: GraphStore, corpus: list[Record]) -> None:
    load_records(store, corpus[:60])
    result = load_records(store, [corpus[70]])
    assert result.touched.keys == {key(corpus[70])}
    # The State Council's notice it cites was there already: its year is not recomputed whole.
    assert [place for place in result.touched.places if place[2] == 0] == []
    assert (corpus[70]["year"], corpus[70]["region"]) in {(year, region) for year, region, _ in result.touched.places}


def test_db_refresh_recomputes_everything(
    store: GraphStore, corpus: list[Record], request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    load_records(store, corpus[:40])
    before = canonical_export(store)
    store.write("MATCH (:Document)-[r:IMPLEMENTS]->() DELETE r")
    store.write("MATCH (a:Agency) REMOVE a.aliases")
    result = run_cli("db", "refresh", settings=cli_settings(store.engine, request, tmp_path, graph="test"))
    assert result.returncode == 0, result.stderr
    links = sum(1 for e in before["edges"] if '"type": "IMPLEMENTS"' in e)
    assert f"{links} lineage links" in result.stdout
    assert canonical_export(store) == before


def test_a_stub_kept_only_by_a_resolved_title_goes_with_its_last_citer(store: GraphStore, corpus: list[Record]) -> None:
    """A cites 测卫发〔2020〕9号 by 文号 and title, B cites that title alone (resolved to the stub); A's new version
    drops the citation: the stub goes, and B's title citation stays on its title stub, as in a graph loaded afresh."""
    title = "关于做好测试工作的意见"
    citation = {"doc_no": "测卫发〔2020〕9号", "title": title, "relation": "reference", "quote": title, "span": [1, 2]}
    first, second = copy.deepcopy(corpus[10]), copy.deepcopy(corpus[11])
    first["cited"] = [*first["cited"], citation]
    second["cited"] = [*second["cited"], {**citation, "doc_no": None}]
    load_records(store, [first])
    load_records(store, [second])
    cites = "MATCH (:Document {key: $k})-[:CITES]->(t:Document) RETURN t.key AS key"
    assert {"key": "测卫发〔2020〕9号"} in store.read(cites, {"k": key(second)})
    again = changed(first)  # drops its last citation, the one to 测卫发〔2020〕9号
    load_records(store, [again])
    assert {"key": f"《{title}》"} in store.read(cites, {"k": key(second)})
    assert canonical_export(store) == full_export(store, [second, again])
