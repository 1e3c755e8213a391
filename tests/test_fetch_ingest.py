"""Notices from web addresses into the graph, on both engines: `policygraph ingest URL…` as a user runs it (URLs and
files mixed, one line per failure, the cache read again, private addresses refused without the flag), the bulk path
keeping the URL and the retrieval date exactly as the incremental one, and POST /documents/fetch over real HTTP with
the API key. The web site is local (tests/support/fetch_site.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from policygraph.api.app import create_app
from policygraph.core.settings import Settings
from policygraph.graph.export import canonical_export
from policygraph.graph.falkordb_store import FalkorDBStore
from policygraph.graph.ingest_files import ingest_paths
from policygraph.graph.store import GraphStore
from policygraph.ingest import fetch_cache
from policygraph.ingest.fetch import Fetcher
from policygraph.visualize import urls
from tests.support.cli import run_cli
from tests.support.fetch_site import DOCX_KEY, KEY, PDF_KEY, notice, pages, policy
from tests.support.live_server import TEST_API_KEY, LiveServer
from tests.support.web_server import Site, serve_site

GRAPH = "fetch-cli"
NOTICE_PAGE, LANDING, LANDING_DOCX = "/art/2025/notice.html", "/art/2025/landing.html", "/art/2025/landing-docx.html"


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with serve_site(pages()) as served:
        yield served


def documents(store: GraphStore) -> dict[str, dict[str, Any]]:
    """Each full notice's properties, by key, from the canonical export."""
    nodes = (json.loads(line) for line in canonical_export(store)["nodes"])
    return {n["properties"]["key"]: n["properties"] for n in nodes
            if n["label"] == "Document" and not n["properties"].get("stub")}  # fmt: skip


def test_the_cli_ingests_urls_beside_files_and_reports_each_failure_on_one_line(
    site: Site, falkordb_url: str, tmp_path: Path
) -> None:
    settings = {"POLICYGRAPH_ENGINE": "falkordb", "FALKORDB_URL": falkordb_url, "POLICYGRAPH_GRAPH": GRAPH,
                "POLICYGRAPH_DATA_DIR": str(tmp_path / "data"), "POLICYGRAPH_FETCH_DELAY": "0"}  # fmt: skip
    with FalkorDBStore(falkordb_url, graph=GRAPH) as store:
        store.apply_schema()
        store.clear()
    local = tmp_path / "local.txt"
    local.write_text(notice("赣市府办字〔2025〕20号"), encoding="utf-8")
    missing, loop = site.url + "/gone.html", site.url + "/loop-a"
    urls = [site.url + NOTICE_PAGE, missing, str(local), site.url + LANDING, loop, "ftp://example.org/a.pdf"]

    done = run_cli("ingest", *urls, "--allow-private", settings=settings)
    assert done.returncode == 1, done.stderr  # failures make the status 1; the rest is loaded all the same
    assert f"new       {site.url}{NOTICE_PAGE}" in done.stdout and f"new       {local}" in done.stdout
    failed = [line for line in done.stderr.splitlines() if line.startswith("failed")]
    assert failed == [f"failed    {missing}: HTTP 404 Not Found",
                      f"failed    {loop}: redirect loop ({loop} → {site.url}/loop-b → {loop})",
                      "failed    ftp://example.org/a.pdf: not an http(s) URL (scheme 'ftp')"]  # fmt: skip
    with FalkorDBStore(falkordb_url, graph=GRAPH) as store:
        loaded = documents(store)
    assert sorted(loaded) == sorted([KEY, PDF_KEY, "赣市府办字〔2025〕20号"])
    assert loaded[PDF_KEY]["source"] == site.url + LANDING and loaded[PDF_KEY]["retrieved"].endswith("Z")
    assert "retrieved" not in loaded["赣市府办字〔2025〕20号"]  # a file has no retrieval date

    asked = len(site.requests)
    again = run_cli("ingest", site.url + NOTICE_PAGE, site.url + LANDING, "--allow-private", settings=settings)
    assert again.returncode == 0
    assert [line for line in again.stdout.splitlines() if line.startswith("unchanged")] == [
        f"unchanged {site.url}{NOTICE_PAGE}",
        f"unchanged {site.url}{LANDING}",
    ]
    assert len(site.requests) == asked  # both read from the fetch cache

    refused = run_cli("ingest", site.url + LANDING_DOCX, "--refresh", settings=settings)  # no --allow-private
    assert refused.returncode == 1
    assert (f"failed    {site.url}{LANDING_DOCX}: refused: 127.0.0.1 is a private or non-global address (127.0.0.1); "
            "--allow-private or POLICYGRAPH_ALLOW_PRIVATE_URLS=true allows it") in refused.stderr  # fmt: skip
    with FalkorDBStore(falkordb_url, graph=GRAPH) as store:
        assert sorted(documents(store)) == sorted(loaded)  # nothing lost


def test_the_bulk_path_keeps_the_url_and_retrieval_date(store: GraphStore, site: Site, tmp_path: Path) -> None:
    urls = [site.url + LANDING, site.url + LANDING_DOCX, site.url + "/gone.html"]
    cache = tmp_path / "cache"
    with Fetcher(policy(cache)) as fetcher:
        incremental = ingest_paths(store, [], urls=urls, fetcher=fetcher)
    built = canonical_export(store)
    store.clear()
    with Fetcher(policy(cache)) as fetcher:  # the same downloads, from the cache
        bulk = ingest_paths(store, [], urls=urls, fetcher=fetcher, bulk=True)
    assert canonical_export(store) == built
    assert [(o.source, o.status, o.reason) for o in bulk.outcomes] == [
        (o.source, o.status, o.reason) for o in incremental.outcomes
    ]
    loaded = documents(store)
    assert {key: loaded[key]["source"] for key in (PDF_KEY, DOCX_KEY)} == {PDF_KEY: urls[0], DOCX_KEY: urls[1]}
    for key, url in ((PDF_KEY, urls[0]), (DOCX_KEY, urls[1])):
        kept = fetch_cache.read(cache, url)
        assert kept is not None and loaded[key]["retrieved"] == kept.retrieved


@pytest.fixture
def api(store: GraphStore, tmp_path: Path) -> Iterator[tuple[httpx.Client, GraphStore]]:
    settings = Settings.model_validate({"POLICYGRAPH_ENGINE": store.engine, "POLICYGRAPH_API_KEY": TEST_API_KEY,
                                       "POLICYGRAPH_DATA_DIR": str(tmp_path), "POLICYGRAPH_FETCH_DELAY": 0,
                                       "POLICYGRAPH_ALLOW_PRIVATE_URLS": True, "POLICYGRAPH_CACHE_SECONDS": 0,
                                       "POLICYGRAPH_FETCH_READ_TIMEOUT": 1})  # fmt: skip
    with LiveServer(create_app(settings, store)) as live, httpx.Client(base_url=live.url, timeout=60) as client:
        yield client, store


def test_post_documents_fetch_loads_a_notice_behind_the_key(api: tuple[httpx.Client, GraphStore], site: Site) -> None:
    client, store = api
    url = site.url + LANDING
    assert client.post("/documents/fetch", json={"url": url}).status_code == 401
    assert (
        client.post("/documents/fetch", json={"url": url}, headers={"X-API-Key": "wrong-key-0123456789"}).status_code
        == 401
    )

    answer = client.post("/documents/fetch", json={"url": url}, headers={"X-API-Key": TEST_API_KEY})
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert (body["status"], body["key"], body["source"], body["tasks"]) == ("new", PDF_KEY, url, 3)
    assert body["retrieved"].endswith("Z")
    assert documents(store)[PDF_KEY]["retrieved"] == body["retrieved"]
    detail = client.get(f"/documents/{quote(PDF_KEY, safe='')}").json()
    assert (detail["source"], detail["retrieved"]) == (url, body["retrieved"])
    link = f'<a href="{url}" rel="noopener noreferrer">{url}</a>'
    shown = client.get(urls.notice(PDF_KEY)).text  # in Chinese, the default
    assert f"来源网址 {link} · 获取于 {body['retrieved']}" in shown
    shown = client.get(urls.notice(PDF_KEY), headers={"Accept-Language": "en"}).text
    assert f"Fetched from {link} · retrieved {body['retrieved']}" in shown

    again = client.post("/documents/fetch", json={"url": url, "refresh": True}, headers={"X-API-Key": TEST_API_KEY})
    assert again.status_code == 200 and again.json()["status"] == "unchanged"

    for path, reason in [("/gone.html", "HTTP 404 Not Found"), ("/slow", "timed out waiting for the server (no data for 1 s)"),
                         ("/huge", "too large (more than that; the limit is 25 MB, POLICYGRAPH_FETCH_MAX_MB)"),
                         ("/internal/notice.html", f"robots.txt of {site.url} disallows this path for PolicyGraph"),
                         ("/menu.html", "no notice found: neither a title nor numbered tasks")]:  # fmt: skip
        refused = client.post("/documents/fetch", json={"url": site.url + path}, headers={"X-API-Key": TEST_API_KEY})
        assert (refused.status_code, refused.json()["detail"]) == (422, f"{site.url}{path}: {reason}")
    assert sorted(documents(store)) == [PDF_KEY]  # nothing lost, nothing added


def test_the_api_refuses_private_addresses_unless_the_server_allows_them(store: GraphStore, site: Site,
                                                                          tmp_path: Path) -> None:  # fmt: skip
    settings = Settings.model_validate({"POLICYGRAPH_ENGINE": store.engine, "POLICYGRAPH_API_KEY": TEST_API_KEY,
                                       "POLICYGRAPH_DATA_DIR": str(tmp_path)})  # fmt: skip
    asked = len(site.requests)
    with LiveServer(create_app(settings, store)) as live, httpx.Client(base_url=live.url, timeout=60) as client:
        refused = client.post("/documents/fetch", json={"url": site.url + NOTICE_PAGE},
                              headers={"X-API-Key": TEST_API_KEY})  # fmt: skip
        assert refused.status_code == 422
        assert refused.json()["detail"].startswith(f"{site.url}{NOTICE_PAGE}: refused: 127.0.0.1 is a private")
        assert documents(store) == {}
    assert len(site.requests) == asked  # refused before anything was sent
