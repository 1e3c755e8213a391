"""Security, end to end on both engines: the read-only console never writes (the canonical export is compared after
every attempt, through the console and straight through the engine's read mode), the API key is compared in constant
time, uploads and requests are bounded, and schemathesis finds no server error with every feature switched on.

tests/test_api_cypher.py already tries 24 writes; these are the ones it does not: other procedures, LOAD CSV
variants, statements hidden by comments, strings, Unicode look-alikes and PROFILE."""

from __future__ import annotations

import contextlib
import inspect
import socket
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from policygraph.api import security
from policygraph.api.app import create_app
from policygraph.core.errors import PolicyGraphError
from policygraph.core.settings import Settings
from policygraph.graph.export import canonical_export
from policygraph.graph.store import GraphStore
from tests.support.live_server import LiveServer
from tests.support.paths import SEEDS
from tests.support.schemathesis_run import EXAMPLES_PER_OPERATION, assert_no_server_error

KEY = "reliability-key-0123456789abcdef"
UPLOAD_LIMIT_MB = 0.05  # 52 KB: a seed (≤ 40 KB) passes, 60 KB does not

WRITES = {
    "dbms procedure": "CALL dbms.security.createUser('x', 'secret-password', false)",
    "dbms config": "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
    "db write procedure": "CALL db.createProperty('x')",
    "falkordb index on tasks": "CALL db.idx.fulltext.createNodeIndex('Task', 'text')",
    "apoc create": "CALL apoc.create.node(['X'], {name: 'x'})",
    "apoc periodic": "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
    "apoc cypher": "CALL apoc.cypher.runWrite('CREATE (:X)', {})",
    "load csv lower case": "load csv with headers from 'file:///etc/passwd' as row return row",
    "load csv http": "LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row",
    "load csv https": "LOAD CSV FROM 'https://example.com/x.csv' AS row RETURN row",
    "load csv in a subquery": "CALL { LOAD CSV FROM 'file:///etc/hostname' AS row RETURN row } RETURN row",
    "three statements": "RETURN 1 AS a; RETURN 2 AS b; MATCH (n) DETACH DELETE n",
    "statement after a string with a semicolon": "RETURN ';' AS x; CREATE (:X)",
    "statement after an escaped quote": "RETURN 'a\\';' AS x; CREATE (:X)",
    "block comment before the write": "MATCH (n) /* RETURN n */ DETACH DELETE n",
    "write after a comment ended by U+2028": "MATCH (n) RETURN n // x\u2028CREATE (:X)",
    "write after a comment ended by NEL": "MATCH (n) RETURN n // x\u0085CREATE (:X)",
    "write in backticks then a real one": "MATCH (`CREATE`) WITH `CREATE` LIMIT 1 CREATE (:X)",
    "keyword split by a comment": "MATCH (n) DE/**/TACH DELETE n",
    "full-width keyword": "ＣＲＥＡＴＥ (:X)",
    "cyrillic look-alike": "\u0421REATE (:X)",
    "zero-width joiner": "CRE\u200dATE (:X)",
    "profile": "PROFILE CREATE (:X)",
    "explain": "EXPLAIN MATCH (n) DETACH DELETE n",
    "merge in a subquery": "CALL { MERGE (:X {key: 'x'}) } RETURN 1 AS one",
    "set from a map": "MATCH (d:Document) SET d += {title: 'x'}",
    "remove a label": "MATCH (d:Document) REMOVE d:Document",
    "delete inside a list comprehension": "MATCH (n) RETURN [x IN [n] | x] AS xs UNION MATCH (m) DETACH DELETE m RETURN 1 AS xs",
    "use another database": "USE system CREATE USER x SET PASSWORD 'secret-password'",
    "create database": "CREATE DATABASE other",
}


@pytest.fixture(scope="module")
def export(seeded_store: GraphStore) -> dict[str, list[str]]:
    return canonical_export(seeded_store)


@pytest.fixture(scope="module")
def server(seeded_store: GraphStore) -> Iterator[httpx.Client]:
    """Everything on: the console, uploads behind a key, a small upload limit; no cache."""
    settings = Settings(POLICYGRAPH_ENGINE=seeded_store.engine, POLICYGRAPH_CYPHER_ENDPOINT=True, POLICYGRAPH_API_KEY=KEY,
                        POLICYGRAPH_MAX_UPLOAD_MB=UPLOAD_LIMIT_MB, POLICYGRAPH_CACHE_SECONDS=0)  # fmt: skip
    with LiveServer(create_app(settings, seeded_store)) as live, httpx.Client(base_url=live.url, timeout=60) as client:
        yield client


@pytest.mark.parametrize("name", list(WRITES))
def test_console_write_attempts_change_nothing(server: httpx.Client, seeded_store: GraphStore,
                                               export: dict[str, list[str]], name: str) -> None:  # fmt: skip
    answer = server.post("/cypher", json={"query": WRITES[name], "params": {}})
    assert answer.status_code in (400, 422), answer.text  # refused, never a 200 and never a 500
    assert "Traceback" not in answer.text
    assert canonical_export(seeded_store) == export
    # And the engine's own read mode, without the console's guard in front of it, writes nothing either.
    with contextlib.suppress(PolicyGraphError):
        seeded_store.read(WRITES[name], timeout=5)
    assert canonical_export(seeded_store) == export


def test_the_api_key_is_compared_in_constant_time() -> None:
    source = inspect.getsource(security.require_api_key)
    assert "hmac.compare_digest(" in source
    assert "== configured" not in source and "configured ==" not in source and "!= configured" not in source


def upload(client: httpx.Client, data: bytes, key: str | None, name: str = "notice.txt") -> httpx.Response:  # fmt: skip
    headers = {} if key is None else {"X-API-Key": key.encode("latin-1")}  # a header is latin-1 on the wire
    return client.post("/documents/upload", files={"file": (name, data)}, headers=headers)


@pytest.mark.parametrize("key", [
    None, "", "x" * len(KEY), KEY[:-1] + "g", KEY[:-1], KEY + "0", KEY.upper(), "é" * len(KEY), KEY[:8],
], ids=["missing", "empty", "same length", "last character", "one short", "one long", "upper case", "latin-1",
        "prefix"])  # fmt: skip
def test_every_wrong_key_is_refused_alike(server: httpx.Client, seeded_store: GraphStore,
                                          export: dict[str, list[str]], key: str | None) -> None:  # fmt: skip
    seed = sorted(SEEDS.glob("*.txt"))[0]
    answer = upload(server, seed.read_bytes(), key)
    assert answer.status_code == 401
    assert answer.json() == {"detail": "missing or wrong API key: send the server's key in the X-API-Key header"}
    assert canonical_export(seeded_store) == export


def test_the_right_key_passes(server: httpx.Client, seeded_store: GraphStore, export: dict[str, list[str]]) -> None:
    seed = sorted(SEEDS.glob("*.txt"))[0]
    answer = upload(server, seed.read_bytes(), KEY, seed.name)
    assert answer.status_code == 200, answer.text
    assert answer.json()["status"] == "unchanged"  # the seed is already in the graph: nothing written
    assert canonical_export(seeded_store) == export


def test_an_upload_over_the_limit_is_413(server: httpx.Client, seeded_store: GraphStore,
                                         export: dict[str, list[str]]) -> None:  # fmt: skip
    answer = upload(server, "医".encode() * 20_000, KEY)  # 60 KB
    assert answer.status_code == 413
    assert "file too large" in answer.json()["detail"]
    assert canonical_export(seeded_store) == export


def test_a_declared_huge_body_is_refused_before_it_is_read(server: httpx.Client) -> None:
    """A client that announces a terabyte: answered 413 at once, from the headers, with nothing sent after them."""
    head = (
        "POST /documents/upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=x\r\n"
        f"X-API-Key: {KEY}\r\nContent-Length: {10**12}\r\nConnection: close\r\n\r\n"
    )
    with socket.create_connection((server.base_url.host, server.base_url.port), timeout=30) as raw:
        raw.sendall(head.encode("ascii"))
        status_line = raw.makefile("rb").readline().decode("ascii")
    assert status_line.split()[1] == "413", status_line


@pytest.mark.parametrize(("method", "path", "body"), [
    ("GET", "/documents?limit=100000", None),
    ("GET", "/documents?offset=-1", None),
    ("POST", "/cypher", {"query": "RETURN 1 AS x" + " " * 6000}),
    ("POST", "/cypher", {"query": "RETURN $x AS x", "params": {"x": [[[[[[[[[[[[1]]]]]]]]]]]]}}),
])  # fmt: skip
def test_requests_past_their_limits_are_422(server: httpx.Client, method: str, path: str, body: Any) -> None:
    answer = server.request(method, path, json=body)
    assert answer.status_code == 422, answer.text


def test_schemathesis_finds_no_server_error_with_everything_on(server: httpx.Client, seeded_store: GraphStore,
                                                               export: dict[str, list[str]]) -> None:  # fmt: skip
    """The normal suite's run (tests/test_api_schemathesis.py), with twice the examples and the console and uploads
    switched on; and the graph unchanged after it."""
    assert_no_server_error(server, 2 * EXAMPLES_PER_OPERATION)
    assert canonical_export(seeded_store) == export
