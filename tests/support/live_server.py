"""The API served for real: uvicorn on a free loopback port in a background thread, so tests talk HTTP to it."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import uvicorn

from policygraph.api.app import create_app
from policygraph.core.settings import Settings
from policygraph.graph.falkordb_store import FalkorDBStore
from policygraph.graph.loader import load_records
from policygraph.graph.process import free_port

TEST_API_KEY = "test-api-key-0123456789"


class LiveServer:
    """uvicorn serving an app on a free loopback port in a background thread: tests talk real HTTP to it."""

    def __init__(self, app: Any) -> None:
        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the test API server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def serve_records(falkordb_url: str, graph: str, records: list[dict[str, Any]]) -> Iterator[str]:
    """The API over a FalkorDB graph of its own holding only `records`; yields the server's URL."""
    store = FalkorDBStore(falkordb_url, graph=graph)
    store.apply_schema()
    store.clear()
    assert not load_records(store, records).failed
    settings = Settings(POLICYGRAPH_ENGINE="falkordb", POLICYGRAPH_API_KEY=TEST_API_KEY)
    with LiveServer(create_app(settings, store)) as server:
        yield server.url
    store.close()
