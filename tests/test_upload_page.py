"""The explorer's upload page in a real Chromium: reached from the home page; a web address with a wrong key is
refused, with the right key its landing page's attachment is loaded and linked; a file and a failing address in one
submission give one line each; whatever comes back (a hostile URL in a reason) is shown as text, never run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from policygraph.api.app import create_app
from policygraph.core.settings import Settings
from policygraph.graph.falkordb_store import FalkorDBStore
from policygraph.visualize import urls
from tests.support.browser import visit
from tests.support.fetch_site import PDF_KEY, notice, pages
from tests.support.live_server import TEST_API_KEY, LiveServer
from tests.support.web_server import Site, serve_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser

HOSTILE_PATH = "/<img src=x onerror=window.pwned=1>.html"


@pytest.fixture
def servers(falkordb_url: str, tmp_path: Path) -> Iterator[tuple[str, Site, FalkorDBStore]]:
    store = FalkorDBStore(falkordb_url, graph="upload-page")
    store.apply_schema()
    store.clear()
    settings = Settings.model_validate({"POLICYGRAPH_ENGINE": "falkordb", "POLICYGRAPH_API_KEY": TEST_API_KEY,
                                       "POLICYGRAPH_DATA_DIR": str(tmp_path), "POLICYGRAPH_FETCH_DELAY": 0,
                                       "POLICYGRAPH_ALLOW_PRIVATE_URLS": True, "POLICYGRAPH_CACHE_SECONDS": 0})  # fmt: skip
    with serve_site(pages()) as site, LiveServer(create_app(settings, store)) as live:
        yield live.url, site, store


def results(page: object) -> list[str]:
    return page.eval_on_selector_all("#upload-results li", "items => items.map(i => i.className + ' ' + i.textContent)")  # type: ignore[attr-defined,no-any-return]


def test_the_upload_page_adds_a_web_address_and_a_file_with_the_key(
    browser: Browser, servers: tuple[str, Site, FalkorDBStore]
) -> None:
    url, site, store = servers
    with visit(browser, url + "/", url + urls.HOME) as seen:
        page = seen.page
        with page.expect_navigation():
            page.click(f"a[href='{urls.UPLOAD}']")
        address = site.url + "/art/2025/landing.html"
        page.fill("#upload-form input[name=url]", address)
        page.fill("#upload-form input[name=key]", "wrong-key-wrong-key")
        page.click("#upload-form button[type=submit]")
        page.wait_for_selector("#upload-results li.failed")
        assert results(page) == ["failed 401: missing or wrong API key: send the server's key in the X-API-Key header"]

        page.fill("#upload-form input[name=key]", TEST_API_KEY)
        page.click("#upload-form button[type=submit]")
        page.wait_for_selector("#upload-results li.new")
        assert results(page)[0] == f"new new {PDF_KEY} (3 tasks): {address} open the notice"
        page.click("#upload-results li.new a")
        page.wait_for_url(f"{url}{urls.notice(PDF_KEY)}")
        page.go_back()

        text = notice("赣市府办字〔2025〕30号").encode("utf-8")
        page.set_input_files(
            "#upload-form input[name=file]", {"name": "通知.txt", "mimeType": "text/plain", "buffer": text}
        )
        page.fill("#upload-form input[name=url]", site.url + HOSTILE_PATH)
        page.fill("#upload-form input[name=key]", TEST_API_KEY)
        page.click("#upload-form button[type=submit]")
        page.wait_for_function("document.querySelectorAll('#upload-results li:not(.pending)').length === 2")
        shown = sorted(results(page))
        assert shown[0] == f"failed 422: {site.url}{HOSTILE_PATH}: HTTP 404 Not Found"  # the markup as text
        assert shown[1] == "new new 赣市府办字〔2025〕30号 (3 tasks): 通知.txt open the notice"
        assert page.evaluate("window.pwned") is None and page.locator("#upload-results img").count() == 0
        assert TEST_API_KEY not in page.url
        assert all(error.startswith("Failed to load resource: the server responded with a status of 4")
                   for error in seen.errors)  # fmt: skip
        assert (seen.outside, seen.dialogs) == ([], [])
    assert sorted(row["key"] for row in store.read("MATCH (d:Document {stub: false}) RETURN d.key AS key")) == [
        PDF_KEY, "赣市府办字〔2025〕30号"]  # fmt: skip
