"""How tests reach the engines tests/conftest.py starts once per session, and what they do when one cannot start.

The fixtures themselves (`falkordb_url`, `neo4j_uri`, `store`, `seeded_store`, `api`) are in tests/conftest.py;
what needs them here asks for them through `request`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from policygraph.graph.store import GraphStore

ENGINES = ["falkordb", "neo4j"]
NEO4J_PASSWORD = "test-password-1234"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
SEEDED_GRAPH = "api"  # the FalkorDB graph `seeded_store` loads the seeds into


def missing_or_skip(reason: str) -> None:
    """Skip locally, fail in CI: CI must exercise both engines."""
    if IN_CI:
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)


def command_env(store: GraphStore, request: pytest.FixtureRequest, data_dir: Path) -> dict[str, str]:
    """The environment that points a `policygraph` subprocess at `seeded_store`'s graph on its engine."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("POLICYGRAPH_", "FALKORDB_", "NEO4J_"))}
    env["POLICYGRAPH_DATA_DIR"] = str(data_dir)
    env["COLUMNS"] = "300"  # rich fits tables to the terminal: wide enough for whole titles
    if store.engine == "neo4j":
        return {**env, "POLICYGRAPH_ENGINE": "neo4j", "NEO4J_URI": request.getfixturevalue("neo4j_uri"),
                "NEO4J_PASSWORD": NEO4J_PASSWORD}  # fmt: skip
    return {**env, "POLICYGRAPH_ENGINE": "falkordb", "FALKORDB_URL": request.getfixturevalue("falkordb_url"),
            "POLICYGRAPH_GRAPH": SEEDED_GRAPH}  # fmt: skip
