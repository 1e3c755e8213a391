"""Every Cypher query of the project lives in this folder as a `.cypher` file an analyst can paste into Neo4j Browser.

`load("name")` returns the text of `name.cypher` (loaded once). Schema DDL and full-text are the only texts that
differ per engine: they live in `schema/<engine>/`. `bulk/` holds the statements of Neo4j's bulk path
(graph/bulk_neo4j.py; FalkorDB's takes GRAPH.BULK, no Cypher).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

Engine = str

_STATEMENT_END = re.compile(r";\s*$", re.MULTILINE)


class UnknownQuery(KeyError):
    """No `.cypher` file has that name."""


@cache
def load(name: str) -> str:
    """The text of `cypher/<name>.cypher` (name may contain `/`, e.g. `schema/neo4j/describe`)."""
    path = resources.files(__name__).joinpath(*f"{name}.cypher".split("/"))
    if not path.is_file():
        raise UnknownQuery(name)
    # A final `;` helps when pasting into Neo4j Browser, but FalkorDB reads it as a second, empty statement.
    return path.read_text(encoding="utf-8").rstrip().removesuffix(";")


@cache
def aliases() -> dict[str, str]:
    """Names from before the resource_action scheme → the names they are now (cypher/aliases.toml)."""
    text = resources.files(__name__).joinpath("aliases.toml").read_text(encoding="utf-8")
    return dict(tomllib.loads(text)["aliases"])


def resolve(name: str) -> str:
    """The current name of a query or saved question a user typed, who may know it by an older name."""
    return aliases().get(name, name)


def names() -> list[str]:
    """Names of the shared (engine-independent) queries."""
    return sorted(
        p.name.removesuffix(".cypher") for p in resources.files(__name__).iterdir() if p.name.endswith(".cypher")
    )


def statements(text: str) -> list[str]:
    """Split a file of several statements on `;` at line ends; drop comment-only pieces."""
    parts = (part.strip() for part in _STATEMENT_END.split(text))
    return [part for part in parts if _strip_comments(part)]


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.strip().startswith("//")).strip()


def schema_statements(engine: Engine) -> list[str]:
    """The idempotent DDL for one engine, in order."""
    return statements(load(f"schema/{engine}/apply"))
