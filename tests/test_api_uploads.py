"""POST /documents/upload over real HTTP on both engines: key, size limit, reader errors, and the loader's outcomes.

Uploads write, so every test here gets its own empty graph (the `store` fixture) and its own server: the seeded
graph other modules read is never touched.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

from policygraph.analysis.questions import ask
from policygraph.api.app import create_app
from policygraph.core.settings import Settings
from policygraph.graph.export import canonical_export
from policygraph.graph.ingest_files import ingest_paths
from policygraph.graph.store import GraphStore
from tests.support.live_server import LiveServer
from tests.support.paths import SEEDS

KEY = "test-api-key-0123456789"
AUTH = {"X-API-Key": KEY}
GUANGDONG = "004_2024_广东省_粤办函〔2024〕267号.txt"
SIXIAN = "001_2021_安徽省宿州市泗县_无文号.txt"
SIXIAN_KEY = "安徽省宿州市泗县|2021|泗县深化医药卫生体制改革2021年-2022年重点工作任务"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@contextmanager
def serve(store: GraphStore, **config: Any) -> Iterator[httpx.Client]:
    """A server over `store`. Stopping it closes the store (the app owns it): use the store inside the block."""
    settings = Settings(POLICYGRAPH_ENGINE=store.engine, **config)
    with LiveServer(create_app(settings, store)) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        yield client


@pytest.fixture
def client(store: GraphStore) -> Iterator[httpx.Client]:
    with serve(store, POLICYGRAPH_API_KEY=KEY) as http:
        yield http


def upload(client: httpx.Client, name: str, data: bytes, headers: dict[str, Any] | None = None) -> httpx.Response:
    return client.post("/documents/upload", files={"file": (name, data)}, headers=AUTH if headers is None else headers)


def seed(name: str) -> bytes:
    return (SEEDS / name).read_bytes()


def documents(store: GraphStore) -> list[str]:
    return sorted(row["key"] for row in ask(store, "documents_list", {"limit": 1000}).rows)


def task_count(store: GraphStore, key: str) -> int:
    rows = store.read("MATCH (:Document {key: $key})-[:HAS_TASK]->(t:Task) RETURN count(t) AS n", {"key": key})
    return int(rows[0]["n"])


def test_new_then_unchanged_then_replaced(client: httpx.Client, store: GraphStore) -> None:
    first = upload(client, GUANGDONG, seed(GUANGDONG))
    assert first.status_code == 201, first.text
    assert first.json() == {
        "source": GUANGDONG,
        "status": "new",
        "key": "粤办函〔2024〕267号",
        "reason": None,
        "tasks": 22,
    }
    assert documents(store) == ["粤办函〔2024〕267号"]
    # Lineage is recomputed: the national parent it cites exists and is implemented.
    parents = store.read(
        "MATCH (:Document {key: '粤办函〔2024〕267号'})-[r:IMPLEMENTS]->(p) RETURN p.key AS p, r.kind AS kind"
    )
    assert parents == [{"p": "国办发〔2024〕29号", "kind": "explicit"}]
    before = canonical_export(store)

    again = upload(client, "renamed.txt", seed(GUANGDONG))  # same content, another name: recognised by its hash
    assert again.status_code == 200
    assert again.json() == {"source": "renamed.txt", "status": "unchanged", "key": "粤办函〔2024〕267号", "reason": None,
                            "tasks": 22}  # fmt: skip
    assert canonical_export(store) == before

    # The same notice with its last task cut off: replaced whole, no task left over from the first version.
    text = seed(GUANGDONG).decode("utf-8")
    shorter = text[: text.index("(二十二)")].encode("utf-8")
    changed = upload(client, GUANGDONG, shorter)
    assert changed.status_code == 200
    assert changed.json() == {"source": GUANGDONG, "status": "replaced", "key": "粤办函〔2024〕267号", "reason": None,
                              "tasks": 21}  # fmt: skip
    assert task_count(store, "粤办函〔2024〕267号") == 21
    assert documents(store) == ["粤办函〔2024〕267号"]


def test_uploading_the_seeds_builds_the_graph_ingest_builds(client: httpx.Client, store: GraphStore) -> None:
    statuses = [upload(client, path.name, path.read_bytes()).json()["status"] for path in sorted(SEEDS.iterdir())]
    assert statuses == ["new"] * 5
    uploaded = without_sources(canonical_export(store))
    store.clear()
    ingest_paths(store, [SEEDS])
    assert without_sources(canonical_export(store)) == uploaded  # only Document.source differs: a name, not a path


def without_sources(export: dict[str, list[str]]) -> dict[str, list[str]]:
    def strip(line: str) -> str:
        row = json.loads(line)
        row.get("properties", {}).pop("source", None)
        return json.dumps(row, ensure_ascii=False, sort_keys=True)

    return {part: sorted(strip(line) for line in lines) for part, lines in export.items()}


def test_encodings_are_read(client: httpx.Client) -> None:
    gbk = seed(SIXIAN).decode("utf-8").encode("gbk")
    answer = upload(client, "泗县.txt", gbk)
    assert answer.status_code == 201
    assert answer.json() | {"source": None} == {"source": None, "status": "new", "key": SIXIAN_KEY, "reason": None,
                                                "tasks": 19}  # fmt: skip


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("image.png", PNG, "image.png: binary file, not a document (a PNG image)"),
    ("notice.docx", b"not a zip at all", "notice.docx: corrupt DOCX: not a zip archive"),
    ("empty.txt", b"", "empty.txt: empty file"),
    ("blank.txt", b"   \n\n  ", "blank.txt: empty file (only whitespace)"),
    ("weather.txt", "今天天气很好。\n明天也很好。".encode(), "weather.txt: no notice found: neither a title nor numbered tasks"),
])  # fmt: skip
def test_a_bad_file_is_422_with_the_readers_reason(client: httpx.Client, store: GraphStore, name: str, data: bytes,
                                                   reason: str) -> None:  # fmt: skip
    answer = upload(client, name, data)
    assert answer.status_code == 422
    assert answer.json() == {"detail": reason}
    assert documents(store) == []


@pytest.mark.parametrize("headers", [{}, {"X-API-Key": "wrong-key-0123456789"}, {"X-API-Key": KEY[:-1]},
                                     {"X-API-Key": KEY + "x"}, {"Authorization": f"Bearer {KEY}"},
                                     {"X-API-Key": "ключ-0123456789-ключ".encode()}])  # fmt: skip
def test_a_missing_or_wrong_key_is_401(client: httpx.Client, store: GraphStore, headers: dict[str, Any]) -> None:
    answer = upload(client, GUANGDONG, seed(GUANGDONG), headers=headers)
    assert answer.status_code == 401
    assert "X-API-Key" in answer.json()["detail"]
    assert documents(store) == []


@pytest.mark.parametrize("key", [None, "short-key"])
def test_without_a_configured_key_uploads_are_disabled(store: GraphStore, key: str | None) -> None:
    with serve(store, POLICYGRAPH_API_KEY=key) as http:
        for headers in ({}, AUTH, {"X-API-Key": "short-key"}):
            answer = upload(http, GUANGDONG, seed(GUANGDONG), headers=headers)
            assert answer.status_code == 503
            assert "set POLICYGRAPH_API_KEY" in answer.json()["detail"]
        assert documents(store) == []  # inside: the app closes its store when it stops


def test_the_size_limit_is_exact_and_streamed(store: GraphStore) -> None:
    sixian = seed(SIXIAN)
    with serve(store, POLICYGRAPH_API_KEY=KEY, POLICYGRAPH_MAX_UPLOAD_MB=len(sixian) / 2**20) as http:
        over = upload(http, SIXIAN, sixian + b"\n")
        assert over.status_code == 413
        assert "limit" in over.json()["detail"]
        assert documents(store) == []

        # No Content-Length at all (chunked): the body is counted as it arrives.
        def chunks() -> Iterator[bytes]:
            yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n'
            for _ in range(64):
                yield b"x" * 4096
            yield b"\r\n--b--\r\n"

        chunked = http.post("/documents/upload", content=chunks(), headers={
            **AUTH, "Content-Type": "multipart/form-data; boundary=b"})  # fmt: skip
        assert "content-length" not in chunked.request.headers
        assert chunked.status_code == 413
        # A body announced far over the limit is refused before it is read.
        assert upload(http, "big.txt", b"x" * 2**20).status_code == 413

        exact = upload(http, SIXIAN, sixian)  # exactly the limit: accepted
        assert exact.status_code == 201, exact.text
        assert exact.json()["key"] == SIXIAN_KEY


@pytest.mark.parametrize(("kwargs", "status", "says"), [
    ({"json": {"file": "text"}}, 415, "multipart/form-data"),
    ({"files": {"document": ("a.txt", b"text")}}, 422, "field named 'file'"),
    ({"data": {"file": "not a file part"}, "files": {"other": ("a.txt", b"x")}}, 422, "field named 'file'"),
    ({"content": b"garbage", "headers": {"Content-Type": "multipart/form-data"}}, 422, "malformed multipart"),
    ({"files": [("file", ("a.txt", b"a")), ("file", ("b.txt", b"b"))]}, 422, "malformed multipart"),
])  # fmt: skip
def test_a_body_without_one_file_is_refused(
    client: httpx.Client, kwargs: dict[str, Any], status: int, says: str
) -> None:
    request = dict(kwargs)  # parametrised values are shared between the engines: never mutate them
    headers = {**AUTH, **request.pop("headers", {})}
    answer = client.post("/documents/upload", headers=headers, **request)
    assert answer.status_code == status, answer.text
    assert says in answer.json()["detail"]


@pytest.mark.parametrize("raw_name", ["../../etc/粤\x01办.txt", "C:\\Users\\x\\粤办.txt"])
def test_the_name_recorded_is_the_files_base_name(client: httpx.Client, store: GraphStore, raw_name: str) -> None:
    head = f'--b\r\nContent-Disposition: form-data; name="file"; filename="{raw_name}"\r\n\r\n'.encode()
    body = head + seed(GUANGDONG) + b"\r\n--b--\r\n"
    answer = client.post("/documents/upload", content=body,
                         headers={**AUTH, "Content-Type": "multipart/form-data; boundary=b"})  # fmt: skip
    assert answer.status_code == 201, answer.text
    assert answer.json()["source"] == "粤办.txt"
    rows = store.read("MATCH (d:Document {key: '粤办函〔2024〕267号'}) RETURN d.source AS source")
    assert rows == [{"source": "粤办.txt"}]
