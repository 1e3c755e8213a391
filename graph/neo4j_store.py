"""GraphStore over Neo4j 5.26 with the official `neo4j` driver (py2neo's project closed in 2023).

Reads run in READ access mode (the cluster-safe way to make Neo4j refuse writes), writes in managed write
transactions: one statement, one transaction, committed whole or rolled back.
"""

from __future__ import annotations

from typing import Any

import neo4j
from neo4j import exceptions as neo4j_errors
from neo4j.graph import Node, Path, Relationship

from policygraph import cypher
from policygraph.core.errors import (
    AuthenticationFailed,
    BadQuery,
    ConstraintViolation,
    EngineUnavailable,
    QueryTimeout,
    QueryTooLarge,
    StoreError,
)
from policygraph.graph.store import GraphStore, Params, Row, refuse_nul

ENGINE = "neo4j"


def _plain(value: Any) -> Any:
    """Driver objects → plain Python, the same shapes FalkorDBStore returns."""
    if isinstance(value, Node | Relationship):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, Path):
        return [_plain(n) for n in value.nodes]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def one_line(text: object) -> str:
    """The driver's messages may span lines (a connection error quotes the address on the next one): users get one."""
    return " ".join(str(text).split())


def translate(error: Exception, where: str) -> StoreError:
    """One driver error → the project's exception with a clear, one-line message."""
    if isinstance(error, neo4j_errors.AuthError):
        return AuthenticationFailed(f"Neo4j at {where} refused the credentials: check NEO4J_USER and NEO4J_PASSWORD")
    if isinstance(error, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired | OSError):
        return EngineUnavailable(
            f"Neo4j at {where} is unreachable ({one_line(error)}): start it with `policygraph db start --engine neo4j` or check NEO4J_URI"
        )
    code = getattr(error, "code", "") or ""
    message = one_line(getattr(error, "message", None) or error)
    if isinstance(error, neo4j_errors.ConstraintError) or "ConstraintValidationFailed" in code:
        return ConstraintViolation(f"constraint violated on Neo4j: {message}")
    if "TransactionTimedOut" in code or "Terminated" in code:
        return QueryTimeout(f"query timed out on Neo4j: {message}")
    if "MemoryPoolOutOfMemoryError" in code:
        return QueryTooLarge(f"query needed more memory than Neo4j allows a transaction: {message}")
    return BadQuery(f"Neo4j rejected the query: {message}")


class Neo4jStore(GraphStore):
    engine = ENGINE

    def __init__(
        self, uri: str, user: str, password: str, database: str = "neo4j", connect_timeout: float = 2.0
    ) -> None:
        self.uri = uri
        self.database = database
        try:
            self._driver = neo4j.GraphDatabase.driver(
                uri,
                auth=(user, password),
                connection_timeout=connect_timeout,
                connection_acquisition_timeout=connect_timeout * 2,
                max_transaction_retry_time=connect_timeout,
                # Notifications such as "property key does not exist" on a fresh graph are noise for our fixed queries.
                notifications_min_severity="OFF",
            )
        except (ValueError, neo4j_errors.ConfigurationError) as e:
            raise EngineUnavailable(f"bad NEO4J_URI {uri!r}: {e}") from e

    def _call(self, query: str, params: Params | None, timeout: float | None, access: str) -> list[Row]:
        refuse_nul(params)  # Neo4j would take it; refused as on FalkorDB, for the same answers on both engines

        def work(tx: neo4j.ManagedTransaction) -> list[Row]:
            result = tx.run(query, dict(params or {}))
            return [{k: _plain(record[k]) for k in record.keys()} for record in result]  # noqa: SIM118 - Record.keys() is typed, items() is not

        unit = neo4j.unit_of_work(timeout=timeout)(work)
        try:
            with self._driver.session(database=self.database, default_access_mode=access) as session:
                if access == neo4j.READ_ACCESS:
                    return session.execute_read(unit)
                return session.execute_write(unit)
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as e:
            raise translate(e, self.uri) from e

    def read(self, query: str, params: Params | None = None, *, timeout: float | None = None) -> list[Row]:
        return self._call(query, params, timeout, neo4j.READ_ACCESS)

    def write(self, query: str, params: Params | None = None, *, timeout: float | None = None) -> list[Row]:
        return self._call(query, params, timeout, neo4j.WRITE_ACCESS)

    def version(self) -> str:
        try:
            info = self._driver.get_server_info()
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as e:
            raise translate(e, self.uri) from e
        return info.agent.replace("Neo4j/", "Neo4j ")

    def apply_schema(self) -> None:
        for statement in cypher.schema_statements(ENGINE):
            self.write(statement)
        self.run("schema/neo4j/await", write=True)

    def close(self) -> None:
        self._driver.close()
