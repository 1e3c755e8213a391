"""How tests reach the engines tests/conftest.py starts once per session, and what they do when one cannot start.

The fixtures themselves (`falkordb_url`, `neo4j_uri`, `store`, `seeded_store`, `api`) are in tests/conftest.py;
what needs them here asks for them through `request`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ENGINES = ["falkordb", "neo4j"]
NEO4J_PASSWORD = "test-password-1234"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
SEEDED_GRAPH = "api"  # the FalkorDB graph `seeded_store` loads the seeds into


def missing_or_skip(reason: str) -> None:
    """Skip locally, fail in CI: CI must exercise both engines."""
    if IN_CI:
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)


def cli_settings(
    engine: str, request: pytest.FixtureRequest, data_dir: Path, graph: str = SEEDED_GRAPH
) -> dict[str, str]:
    """The settings that point a `policygraph` subprocess at this session's `engine` (FalkorDB: at its graph `graph`;
    Neo4j has one database and ignores it)."""
    settings = {"POLICYGRAPH_ENGINE": engine, "POLICYGRAPH_DATA_DIR": str(data_dir), "POLICYGRAPH_GRAPH": graph}
    if engine == "neo4j":
        return settings | {"NEO4J_URI": request.getfixturevalue("neo4j_uri"), "NEO4J_PASSWORD": NEO4J_PASSWORD}
    return settings | {"FALKORDB_URL": request.getfixturevalue("falkordb_url")}
