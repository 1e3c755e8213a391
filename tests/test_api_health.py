"""The API's health and readiness, and its errors, over real HTTP on both engines."""

from __future__ import annotations

import time
from typing import Any

import httpx

from policygraph.api.app import create_app
from policygraph.core.settings import Settings
from policygraph.graph.process import free_port
from tests.support.live_server import LiveServer


def test_health_and_readiness(api: Any) -> None:
    assert api.get("/health").json() == {"status": "ok"}
    ready = api.get("/ready")
    assert ready.status_code == 200
    body = ready.json()
    assert body["ready"] is True and body["schema_applied"] is True
    assert body["version"].split()[0] in ("FalkorDB", "Neo4j")


def test_openapi_is_served(api: Any) -> None:
    spec = api.get("/openapi.json").json()
    assert spec["info"]["title"] == "PolicyGraph"
    assert "/ready" in spec["paths"]


def test_engine_down_is_a_503_within_two_seconds() -> None:
    settings = Settings(POLICYGRAPH_ENGINE="falkordb", FALKORDB_URL=f"redis://127.0.0.1:{free_port()}")
    with LiveServer(create_app(settings)) as server:
        started = time.monotonic()
        answer = httpx.get(f"{server.url}/ready", timeout=10)
        assert answer.status_code == 503
        assert time.monotonic() - started < 2
        assert "unreachable" in answer.json()["detail"]
        assert "Traceback" not in answer.text
