"""The one interface the rest of PolicyGraph uses to talk to a graph engine.

Run a named `cypher/` file or a Cypher text, always with parameters, in a read or a write call, and get rows back as
plain dicts (nodes and relationships become dicts of their properties). Engine errors come out as the project's own
exceptions (see policygraph.errors). Two adapters implement it: FalkorDBStore and Neo4jStore.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import Any

from policygraph import cypher
from policygraph.core.errors import InvalidParameter
from policygraph.core.i18n import N_

Row = dict[str, Any]
Params = Mapping[str, Any]
NUL = "\x00"


def holds_nul(value: Any) -> bool:
    """Is there a NUL character in this text, or in any text inside this list or map?"""
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, Mapping):
        return any(holds_nul(k) or holds_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(holds_nul(item) for item in value)
    return False


def refuse_nul(params: Params | None) -> None:
    """Refuse, before anything is sent, a parameter holding a NUL character: FalkorDB cuts the query at a NUL byte,
    so it would run another query than the one asked. Both stores refuse it, so both engines give the same answer
    (InvalidParameter: the API's 422) to every route, whatever its own checks."""
    for name, value in (params or {}).items():
        if holds_nul(value):
            raise InvalidParameter(name, N_("must not contain a NUL character"), value)


class GraphStore(ABC):
    """A connection to one graph on one engine."""

    engine: str

    @abstractmethod
    def read(self, query: str, params: Params | None = None, *, timeout: float | None = None) -> list[Row]:
        """Run a read-only query; the engine refuses writes."""

    @abstractmethod
    def write(self, query: str, params: Params | None = None, *, timeout: float | None = None) -> list[Row]:
        """Run one statement in one transaction: it commits whole or not at all."""

    @abstractmethod
    def version(self) -> str:
        """The engine's name and version, e.g. 'FalkorDB 4.16.3' or 'Neo4j 5.26.30'."""

    @abstractmethod
    def apply_schema(self) -> None:
        """Create the constraints and indexes of cypher/schema/<engine>/ (idempotent)."""

    @abstractmethod
    def close(self) -> None:
        """Release connections."""

    # -- shared behaviour ------------------------------------------------------------------------------------------

    def run(
        self, name: str, params: Params | None = None, *, write: bool = False, timeout: float | None = None
    ) -> list[Row]:
        """Run the named query `cypher/<name>.cypher`."""
        text = cypher.load(name)
        return self.write(text, params, timeout=timeout) if write else self.read(text, params, timeout=timeout)

    def ping(self) -> None:
        """Raise EngineUnavailable unless the engine answers a trivial query."""
        self.run("engine_ping")

    def describe_schema(self) -> list[Row]:
        """The constraints and indexes in place, sorted, in the same shape on both engines."""
        rows = self.run(f"schema/{self.engine}/constraints") + self.run(f"schema/{self.engine}/indexes")
        for row in rows:
            row["properties"] = list(row["properties"] or [])
        return sorted(rows, key=lambda r: (r["kind"], r["label"] or "", r["properties"]))

    def clear(self) -> None:
        """Delete all data; the schema stays."""
        self.run("graph_clear", write=True)

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
