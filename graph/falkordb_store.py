"""GraphStore over FalkorDB with the `falkordb` client (its own protocol, GRAPH.QUERY / GRAPH.RO_QUERY).

Chosen over the official neo4j driver on FalkorDB's experimental Bolt port: see bench/falkordb_clients.py and the
README for the figures. FalkorDB runs each query atomically (a runtime error rolls the whole query back), which is
what the loader relies on: one document, one statement.
"""

from __future__ import annotations

import contextlib
import time
from typing import Any

import redis
from falkordb import FalkorDB
from falkordb.edge import Edge
from falkordb.node import Node
from falkordb.path import Path as FalkorPath

from policygraph import cypher
from policygraph.core.errors import BadQuery, ConstraintViolation, EngineUnavailable, QueryTimeout, StoreError
from policygraph.graph.store import GraphStore, Params, Row, refuse_nul

ENGINE = "falkordb"
# Answers that only say "this schema element exists already": applying the schema twice is not an error.
_ALREADY_THERE = ("already indexed", "constraint already exists")


def _plain(value: Any) -> Any:
    """Client objects → plain Python: nodes and edges become their property dicts, paths lists of nodes."""
    if isinstance(value, Node | Edge):
        return {k: _plain(v) for k, v in value.properties.items()}
    if isinstance(value, FalkorPath):
        return [_plain(n) for n in value.nodes()]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def translate(error: Exception, where: str) -> StoreError:
    """One engine error → the project's exception with a clear message."""
    message = str(error).split(" errCtx:")[0].strip()
    if isinstance(error, redis.TimeoutError):
        return QueryTimeout(f"FalkorDB at {where} did not answer in time: {message}")
    if isinstance(error, redis.ConnectionError):
        return EngineUnavailable(
            f"FalkorDB at {where} is unreachable ({message}): start it with `policygraph db start` or check FALKORDB_URL"
        )
    lowered = message.lower()
    if message.startswith("MISCONF"):  # redis refuses writes once it cannot save: a full disk, a read-only file system
        reason = message.removeprefix("MISCONF").strip()
        return EngineUnavailable(
            f"FalkorDB cannot save to its data directory ({reason}): free space there, or fix its permissions"
        )
    if "timed out" in lowered or "timeout" in lowered:
        return QueryTimeout(f"query timed out on FalkorDB: {message}")
    if "constraint violation" in lowered:
        return ConstraintViolation(f"constraint violated on FalkorDB: {message}")
    return BadQuery(f"FalkorDB rejected the query: {message}")


class FalkorDBStore(GraphStore):
    engine = ENGINE

    def __init__(
        self, url: str, graph: str = "policygraph", connect_timeout: float = 2.0, read_timeout: float = 65.0
    ) -> None:
        self.url = url
        self.graph_name = graph
        try:
            # Query time limits are the server's (the `timeout` of each call); the socket only guards against a hung
            # server, so its timeout is longer than any query's (redis-py's short default cut long reads off).
            self._db = FalkorDB.from_url(
                url, socket_connect_timeout=connect_timeout, socket_timeout=read_timeout, socket_keepalive=True
            )
        except ValueError as e:
            raise EngineUnavailable(f"bad FALKORDB_URL {url!r}: {e}") from e
        except redis.RedisError as e:  # the client connects at once to learn the server's capabilities
            raise translate(e, url) from e
        self._graph = self._db.select_graph(graph)

    def _call(self, query: str, params: Params | None, timeout: float | None, read_only: bool) -> list[Row]:
        refuse_nul(params)
        run = self._graph.ro_query if read_only else self._graph.query
        timeout_ms = int(timeout * 1000) if timeout else None
        try:
            result = run(query, dict(params or {}), timeout=timeout_ms)
        except redis.ResponseError as e:
            if read_only and "empty key" in str(e):
                return []  # nothing was ever written to this graph: no rows
            raise translate(e, self.url) from e
        except redis.RedisError as e:
            raise translate(e, self.url) from e
        columns = [str(column[1]) for column in result.header]
        return [dict(zip(columns, (_plain(v) for v in row), strict=True)) for row in result.result_set]

    def read(self, query: str, params: Params | None = None, *, timeout: float | None = None) -> list[Row]:
        return self._call(query, params, timeout, read_only=True)

    def write(self, query: str, params: Params | None = None, *, timeout: float | None = None) -> list[Row]:
        return self._call(query, params, timeout, read_only=False)

    def ping(self) -> None:
        """PING the server: a query would fail on a graph nothing was written to yet."""
        try:
            self._db.connection.ping()
        except redis.RedisError as e:
            raise translate(e, self.url) from e

    def version(self) -> str:
        try:
            modules = self._db.connection.execute_command("MODULE", "LIST")
        except redis.RedisError as e:
            raise translate(e, self.url) from e
        for module in modules:
            # redis-py parses MODULE LIST into dicts with bytes or str keys, depending on the protocol version
            fields = {_text(k): v for k, v in module.items()}
            if _text(fields.get("name", b"")) == "graph":
                number = int(fields.get("ver", 0))
                return f"FalkorDB {number // 10000}.{number // 100 % 100}.{number % 100}"
        raise EngineUnavailable(f"the server at {self.url} answers but has no FalkorDB module loaded")

    def apply_schema(self) -> None:
        for statement in cypher.schema_statements(ENGINE):
            try:
                if statement.startswith("GRAPH."):
                    args = statement.replace("{graph}", self.graph_name).split()
                    self._db.connection.execute_command(*args)
                else:
                    self._graph.query(statement)
            except redis.ResponseError as e:
                if not any(marker in str(e).lower() for marker in _ALREADY_THERE):
                    raise translate(e, self.url) from e
            except redis.RedisError as e:
                raise translate(e, self.url) from e
        self._wait_for_constraints()

    def _wait_for_constraints(self, timeout: float = 30.0) -> None:
        """Constraints and indexes are built in the background; writes before the constraints are OPERATIONAL would
        not be checked, and a full-text index still being filled answers nothing."""
        deadline = time.monotonic() + timeout
        while any(self.run(f"schema/falkordb/{name}")[0]["pending"] for name in ("pending", "pending_indexes")):
            if time.monotonic() > deadline:
                raise EngineUnavailable(
                    f"FalkorDB at {self.url} did not finish building its constraints and indexes in {timeout:.0f} s"
                )
            time.sleep(0.05)

    def close(self) -> None:
        with contextlib.suppress(redis.RedisError):
            self._db.connection.close()

    # -- for the bulk path (graph/bulk.py) -------------------------------------------------------------------------

    def command(self, *args: Any) -> Any:
        """Run one server command (GRAPH.BULK, RENAME, …) on this store's connection; errors translated."""
        try:
            return self._db.connection.execute_command(*args)
        except redis.RedisError as e:
            raise translate(e, self.url) from e

    def forget_schema(self) -> None:
        """Drop the client's cache of the graph's label, type and property ids: after another graph was renamed into
        this one's name, the ids mean other names, and the client (which sends no schema version) would misread them."""
        self._graph.schema.clear()

    def wait_for_schema(self, timeout: float) -> None:
        """Wait up to `timeout` seconds for the constraints and indexes being built: over a graph imported whole
        (millions of nodes) they take longer than apply_schema's own wait."""
        self._wait_for_constraints(timeout)
