"""`policygraph ingest --bulk`: files extracted (rows included) by the workers, spooled, then built in one go, give
the graph and the outcomes of the incremental ingest, on both engines; a file that is no notice fails alone."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from policygraph.graph.export import canonical_export
from policygraph.graph.ingest_files import ingest_paths
from policygraph.graph.store import GraphStore
from tests.support.paths import SEEDS
from tests.support.synthetic import generate


def corpus(folder: Path) -> Path:
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (folder / seed.name).write_bytes(seed.read_bytes())
    for name, text, _ in generate(40, seed=5):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "空白页.txt").write_text("\n \n", encoding="utf-8")  # no notice: fails on its own
    return folder


def test_bulk_ingest_gives_the_incremental_graph_and_outcomes(store: GraphStore, tmp_path: Path) -> None:
    folder = corpus(tmp_path / "notices")
    extracted: list[None] = []
    bulk = ingest_paths(store, [folder], bulk=True, on_extracted=lambda: extracted.append(None))
    assert len(extracted) == 46, "every file is counted as it is extracted"
    built = canonical_export(store)
    store.clear()
    incremental = ingest_paths(store, [folder])
    assert built == canonical_export(store)
    assert Counter((o.source, o.status) for o in bulk.outcomes) == Counter(
        (o.source, o.status) for o in incremental.outcomes
    )
    assert [Path(o.source).name for o in bulk.failed] == ["空白页.txt"]
    assert bulk.lineage_edges == incremental.lineage_edges
