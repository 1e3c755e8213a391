"""`policygraph ingest` over the hostile corpus (tests/reliability/corpus.py) and the five seeds, as a subprocess, on
both engines: every bad file is refused in one stderr line naming it and the reason, every good file loads, hostile
text is stored verbatim as data, no notice is left half-written, and the process stays under its memory cap."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.reliability import corpus
from tests.reliability.harness import (
    FIGURES,
    SEED_LEADS,
    SEED_TASKS,
    Target,
    open_target,
    partial_notices,
    tasks_and_leads,
)
from tests.support.cli import CliResult, run_cli
from tests.support.engines import ENGINES

# Measured peak RSS of the ingest process over this corpus: 325 MB on both engines when the cap was set (spaCy and
# the 10,000-task notice dominate); on 2026-12-06, 383-398 MB when this file runs alone and 468 (before the rankings
# of graph/ranks.py) to 503 MB (after) when the whole reliability suite runs before it, on both engines alike; at
# 8e3930e, 416 MB alone and 527 MB in CI (the growth is not explained yet, and not from uvloop/httptools: the same
# without them). The cap stays below what inflating the zip bomb (200 MB) whole would add to either figure.
MEMORY_CAP_MB = 585


@dataclass
class Ingested:
    target: Target
    folder: Path
    result: CliResult


@pytest.fixture(scope="module", params=ENGINES)
def ingested(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ingested]:
    """The corpus, generated, and `policygraph ingest FOLDER [files a folder search skips]` run once per engine."""
    root = tmp_path_factory.mktemp(f"hostile-{request.param}")
    folder, named = corpus.build(root)
    target = open_target(request.param, request, root)
    result = run_cli("ingest", str(folder), *map(str, named), settings=target.env, workdir=root / "ingest")
    yield Ingested(target, folder, result)
    target.store.close()


def shown(name: str) -> str:
    """A file name as the CLI prints it: a newline in it is written as \\n, so each file stays on one line."""
    return name.replace("\n", "\\n")


def test_each_bad_file_gets_one_line_and_the_good_ones_load(ingested: Ingested) -> None:
    target, folder, result = ingested.target, ingested.folder, ingested.result
    FIGURES[f"hostile corpus: peak RSS of the ingest, MB ({target.engine})"] = round(result.peak_rss_mb)
    FIGURES[f"hostile corpus: ingest seconds ({target.engine})"] = round(result.seconds, 1)

    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed")]
    assert len(failed) == len(corpus.BAD), "\n".join(failed)
    for bad in corpus.BAD:
        expected = f"{folder / shown(bad.name)}: {bad.reason}"
        assert any(expected in line for line in failed), f"no line for {bad.name!r} with {bad.reason!r}:\n" + "\n".join(
            failed
        )
    loaded = result.stdout.count("\nnew ") + result.stdout.startswith("new ")
    assert loaded == len(SEED_TASKS) + len(corpus.GOOD), result.stdout


def test_the_ingest_stays_under_its_memory_cap(ingested: Ingested) -> None:
    assert ingested.result.peak_rss_mb < MEMORY_CAP_MB


def test_every_good_file_is_in_the_graph_whole(ingested: Ingested) -> None:
    store = ingested.target.store

    for key, tasks in SEED_TASKS.items():
        assert tasks_and_leads(store, key)[0] == tasks, key
    for key, leads in SEED_LEADS.items():
        assert tasks_and_leads(store, key)[1] == leads, key
    for good in corpus.GOOD:
        tasks, leads = tasks_and_leads(store, good.key)
        assert tasks > 0, good.name
        if good.tasks is not None:
            assert (tasks, leads) == (good.tasks, good.leads), good.name
    assert partial_notices(store) == []


def test_hostile_text_is_stored_verbatim_as_data(ingested: Ingested) -> None:
    store = ingested.target.store

    titles = store.read("MATCH (d:Document) WHERE d.key IN $keys RETURN d.key AS key, d.title AS title",
                        {"keys": ["粤办函〔2024〕901号", "粤办函〔2024〕902号"]})  # fmt: skip
    assert {row["title"] for row in titles} == {corpus.HOSTILE_TITLE}, titles
    written = store.read("MATCH (a:Agency)-[r:LEADS]->(t:Task) WHERE r.as_written CONTAINS 'DETACH' "
                         "RETURN DISTINCT r.as_written AS written, a.name AS name, a.aliases AS aliases")  # fmt: skip
    assert {row["written"] for row in written} == {corpus.HOSTILE_AGENCY}
    assert all(
        row["name"].endswith(corpus.HOSTILE_AGENCY) and corpus.HOSTILE_AGENCY in row["aliases"] for row in written
    )
    # The graph is not damaged: the seeds are all there, and nothing but data came from those strings.
    assert (
        store.read("MATCH (d:Document) WHERE d.key IN $keys RETURN count(d) AS n", {"keys": list(SEED_TASKS)})[0]["n"]
        == 5
    )


def test_control_characters_never_reach_the_graph(ingested: Ingested) -> None:
    texts = ingested.target.store.read(
        "MATCH (:Document {key: '晋政办发〔2022〕901号'})-[:HAS_TASK]->(t:Task) RETURN t.text AS text"
    )
    joined = "".join(row["text"] for row in texts)
    assert len(texts) == 20
    assert not [ch for ch in joined if (ord(ch) < 0x20 and ch not in "\t\n") or 0x7F <= ord(ch) <= 0x9F]
    assert "加强" in joined and "推进" in joined  # the characters around a NUL or BEL are joined again
