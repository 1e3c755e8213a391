"""One naming scheme for queries: cypher/ files and saved questions share resource_action names, `query NAME` and
`ask NAME` answer alike, old names still work through cypher/aliases.toml, and every command an error message
suggests works when followed."""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from policygraph import cypher
from policygraph.analysis.questions import Question, ask, query, questions
from policygraph.graph.store import GraphStore
from tests.support.cli import run_cli
from tests.support.engines import cli_settings, missing_or_skip
from tests.support.paths import ROOT

# The resources queries are about. A new one is a deliberate choice: add it here.
RESOURCES = ("agency", "alignment", "citations", "console", "continuity", "corrections", "diffusion", "documents",
             "engine", "export", "graph", "lineage", "map", "network", "programme", "ranking", "subgraph", "tasks")  # fmt: skip
RESOURCE_ACTION = re.compile(rf"^({'|'.join(RESOURCES)})_[a-z][a-z0-9_]*$")
LINXIA = "临州办发〔2021〕76号"


def test_every_query_is_named_resource_action() -> None:
    badly_named = [name for name in cypher.names() if not RESOURCE_ACTION.match(name)]
    assert badly_named == []


def test_a_question_runs_the_query_of_its_own_name() -> None:
    assert all(saved.cypher == name and name in cypher.names() for name, saved in questions().items())


def test_an_alias_names_a_current_query_and_shadows_none() -> None:
    for old, new in cypher.aliases().items():
        assert old not in cypher.names() and old not in questions(), f"alias {old!r} hides a query of that name"
        assert new in cypher.names(), f"alias {old!r} points at {new!r}, which is not a query"


def example_values(saved: Question) -> dict[str, Any]:
    return {p.name: p.example for p in saved.parameters if p.example is not None}


def test_query_and_ask_give_the_same_rows_for_every_question(seeded_store: GraphStore) -> None:
    for name, saved in questions().items():
        given = example_values(saved)
        assert query(seeded_store, name, given) == ask(seeded_store, name, given).rows, name


def test_an_old_name_answers_as_the_new_one(seeded_store: GraphStore) -> None:
    for old, new in cypher.aliases().items():
        if new in questions():
            given = example_values(questions()[new])
            assert ask(seeded_store, old, given).rows == ask(seeded_store, new, given).rows, old


@pytest.mark.parametrize(
    "args",
    [
        ["agency_top_leads", "-p", "limit=3", "-p", "collectives=false"],
        ["top_lead_agencies", "-p", "limit=5", "-p", "collectives=false"],  # the README's, by its old name
        ["documents_lineage_steps", "-p", f"key={LINXIA}"],
    ],
    ids=["agency_top_leads", "top_lead_agencies", "documents_lineage_steps"],
)
def test_the_query_and_ask_commands_never_disagree(
    args: list[str], seeded_store: GraphStore, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    settings = cli_settings(seeded_store.engine, request, tmp_path)
    by_query = run_cli("query", *args, "--format", "json", settings=settings)
    by_ask = run_cli("ask", *args, "--format", "json", settings=settings)
    assert by_query.returncode == 0 and by_ask.returncode == 0, by_query.stderr + by_ask.stderr
    assert json.loads(by_query.stdout) == json.loads(by_ask.stdout) != []


# --- the commands error messages suggest ----------------------------------------------------------------------------

HINT = re.compile(r"`policygraph ([^`]+)`")


def hints_in_errors() -> set[str]:
    """Every `policygraph …` command quoted in the text of a raised error or a CLI `fail(...)`, in the package."""
    found: set[str] = set()
    for folder, _, files in os.walk(ROOT / "policygraph", followlinks=True):
        for name in (f for f in files if f.endswith(".py")):
            tree = ast.parse((Path(folder) / name).read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Raise) or (
                    isinstance(node, ast.Call) and getattr(node.func, "id", "") == "fail"
                ):
                    texts = (
                        n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                    )
                    found.update(m.group(1) for text in texts for m in HINT.finditer(text))
    return found


# How a test follows each hint: read-only ones over the seeded graph; engine ones in a data directory of their own.
READ_ONLY_HINTS = {"ask": "documents_lineage_steps", "query documents_list": LINXIA}
ENGINE_HINTS = {"db start": "falkordb", "db start --engine neo4j": "neo4j", "db stop": "falkordb"}


def test_every_hint_is_known_to_this_test() -> None:
    assert hints_in_errors() == set(READ_ONLY_HINTS) | set(ENGINE_HINTS)


@pytest.mark.parametrize("hint", sorted(READ_ONLY_HINTS))
def test_a_read_only_hint_answers(
    hint: str, seeded_store: GraphStore, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    result = run_cli(*hint.split(), settings=cli_settings(seeded_store.engine, request, tmp_path))
    assert result.returncode == 0, result.stderr
    assert READ_ONLY_HINTS[hint] in result.stdout


@pytest.mark.parametrize("engine", ["falkordb", "neo4j"])
def test_the_engine_hints_start_and_stop_it(engine: str, tmp_path: Path) -> None:
    if engine == "neo4j" and not all(shutil.which(tool) for tool in ("java", "javac", "mvn")):
        missing_or_skip("Java and Maven are needed to start Neo4j")
    settings = {"POLICYGRAPH_DATA_DIR": str(tmp_path / "data"), "POLICYGRAPH_ENGINE": engine,
                "NEO4J_PASSWORD": "hint-test-password"}  # fmt: skip
    start = next(hint for hint, of in ENGINE_HINTS.items() if of == engine and hint.startswith("db start"))
    try:
        started = run_cli(*start.split(), settings=settings, timeout=300)
        assert started.returncode == 0, started.stderr
    finally:
        stopped = run_cli("db", "stop", settings=settings)  # `db stop` as the hint says: the engine of the settings
    assert stopped.returncode == 0 and "stopped" in stopped.stdout, stopped.stdout + stopped.stderr
