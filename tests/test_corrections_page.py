"""The notice page's corrections form in a real Chromium: a wrong key is refused and nothing changes; the right key
saves a correction whose hostile note shows as text, and the task table shows the corrected lead."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from policygraph.api.app import create_app
from policygraph.core.settings import Settings
from policygraph.graph.falkordb_store import FalkorDBStore
from policygraph.graph.ingest_files import ingest_paths
from policygraph.visualize import urls
from tests.support.browser import visit
from tests.support.live_server import TEST_API_KEY, LiveServer
from tests.test_corrections_graph import KEY, NOTICE

if TYPE_CHECKING:
    from playwright.sync_api import Browser

HOSTILE = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">以盖章件为准'


@pytest.fixture
def server(falkordb_url: str, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    store = FalkorDBStore(falkordb_url, graph="corrections-page")
    store.apply_schema()
    store.clear()
    notice = tmp_path / "notice.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    fixes = tmp_path / "corrections.toml"
    ingest_paths(store, [notice], corrections_file=fixes)
    settings = Settings.model_validate({"POLICYGRAPH_ENGINE": "falkordb", "POLICYGRAPH_API_KEY": TEST_API_KEY,
                                       "POLICYGRAPH_CORRECTIONS": str(fixes), "POLICYGRAPH_CACHE_SECONDS": 0})  # fmt: skip
    with LiveServer(create_app(settings, store)) as live:
        yield live.url, fixes
    store.close()


def test_the_form_refuses_a_wrong_key_and_saves_with_the_right_one(browser: Browser, server: tuple[str, Path]) -> None:
    url, fixes = server
    with visit(browser, url + "/", url + urls.notice(KEY)) as seen:
        page = seen.page
        page.select_option("#correction-form select[name=target]", "2")
        page.fill("#correction-form input[name=lead]", "黄山市医疗保障局")
        page.fill("#correction-form input[name=note]", HOSTILE)
        page.fill("#correction-form input[name=key]", "wrong-key-wrong-key")
        page.click("#correction-form button[type=submit]")
        page.wait_for_function("document.getElementById('correction-status').textContent.startsWith('401')")
        assert "missing or wrong API key" in page.inner_text("#correction-status")
        assert not fixes.exists() and "黄山市医疗保障局" not in page.inner_text("#task-2")
        assert TEST_API_KEY not in page.url and "wrong-key" not in page.url

        page.fill("#correction-form input[name=key]", TEST_API_KEY)
        with page.expect_navigation():
            page.click("#correction-form button[type=submit]")
        page.wait_for_selector(".correction-note")
        assert page.inner_text(".correction-note") == HOSTILE  # shown as text
        assert page.evaluate("window.pwned") is None  # and never run
        assert "&lt;script&gt;" in page.content()
        assert "黄山市医疗保障局" in page.inner_text("#task-2") and "corrected" in page.inner_text("#task-2")
        assert TEST_API_KEY not in page.url
        # The refused POST is the only console line (Chromium logs every 4xx); nothing left the server, no dialog.
        assert seen.errors == ["Failed to load resource: the server responded with a status of 401 (Unauthorized)"]
        assert (seen.outside, seen.dialogs) == ([], [])
    assert "window.pwned = 1" in fixes.read_text(encoding="utf-8")
