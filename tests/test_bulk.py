"""The bulk path on both real engines: the same graph as the incremental loader, and a failed bulk load changes
nothing.

The generated corpus is GENERATED notices (the issue's figure is 1,000; fewer here to keep each engine's test under a
minute on the shared 2-core machines: extraction and the incremental reference load dominate), with a replaced and
an unchanged duplicate among them.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from bench.common import extract_one
from policygraph.graph.bulk import BulkLoadError, bulk_load, staging_name
from policygraph.graph.export import canonical_export
from policygraph.graph.falkordb_store import FalkorDBStore
from policygraph.graph.ingest_files import extract_file
from policygraph.graph.loader import LoadResult, load_records
from policygraph.graph.store import GraphStore
from tests.support.paths import SEEDS
from tests.support.synthetic import generate

GENERATED = 150


@pytest.fixture(scope="module")
def seed_records() -> list[dict[str, Any]]:
    return [extract_file(path) for path in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="module")
def generated_records() -> list[dict[str, Any]]:
    records = [extract_one((name, text)) for name, text, _ in generate(GENERATED, seed=17)]
    replaced = copy.deepcopy(records[5])  # the same key from another file with other content: it replaces
    replaced.update(source="again.txt", sha256="changed", tasks=replaced["tasks"][:1])
    unchanged = copy.deepcopy(records[7])  # the same file again, in a later batch: left alone
    unchanged["source"] = "copy.txt"
    return [*records, replaced, unchanged]


def same_graph_both_ways(store: GraphStore, records: list[dict[str, Any]]) -> LoadResult:
    incremental = load_records(store, records)
    expected, schema = canonical_export(store), store.describe_schema()
    store.clear()
    result = bulk_load(store, records)
    assert canonical_export(store) == expected
    assert result.outcomes == incremental.outcomes
    assert result.lineage_edges == incremental.lineage_edges
    assert store.describe_schema() == schema
    return result


def test_bulk_builds_the_incremental_graph_of_the_seeds(store: GraphStore, seed_records: list[dict[str, Any]]) -> None:
    same_graph_both_ways(store, seed_records)
    assert store.run("graph_summary")[0]["documents"] >= 5


def test_bulk_builds_the_incremental_graph_of_generated_notices(
    store: GraphStore, generated_records: list[dict[str, Any]]
) -> None:
    statuses = {o.source: o.status for o in same_graph_both_ways(store, generated_records).outcomes}
    assert statuses["again.txt"] == "replaced" and statuses["copy.txt"] == "unchanged"


def test_a_bulk_load_that_fails_midway_leaves_the_graph_as_it_was(
    store: GraphStore, seed_records: list[dict[str, Any]]
) -> None:
    def fail_after_import(step: str) -> None:
        if step == "import":
            raise RuntimeError("disk full\nsecond line")

    if isinstance(store, FalkorDBStore):
        load_records(store, seed_records[:2])  # FalkorDB: a graph with content, replaced only on success
    before = canonical_export(store)
    with pytest.raises(BulkLoadError) as failed:
        bulk_load(store, seed_records, on_step=fail_after_import)
    assert "\n" not in str(failed.value) and "disk full second line" in str(failed.value)
    assert canonical_export(store) == before
    if isinstance(store, FalkorDBStore):
        assert staging_name(store.graph_name) not in store.command("GRAPH.LIST")
        assert store.run("graph_summary")[0]["documents"] > 0
    else:
        assert before == {"nodes": [], "edges": []}


def test_a_graph_with_content_is_replaced_on_falkordb_and_refused_on_neo4j(
    store: GraphStore, seed_records: list[dict[str, Any]]
) -> None:
    load_records(store, seed_records[:1])
    before = canonical_export(store)
    if isinstance(store, FalkorDBStore):
        bulk_load(store, seed_records[1:2])  # FalkorDB replaces the graph with the records' own
        assert canonical_export(store) != before
        assert {o.status for o in bulk_load(store, seed_records[1:2]).outcomes} == {"new"}
        return
    with pytest.raises(BulkLoadError, match="needs an empty graph"):
        bulk_load(store, seed_records[1:2])
    assert canonical_export(store) == before
