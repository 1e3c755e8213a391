"""A real headless Chromium (Debian's, driven by Playwright) for the explorer's pages, kept offline.

`browser` is a fixture (registered by tests/conftest.py); `visit` opens a page in a fresh context where every request
that is not the allowed origin is aborted and recorded, so a test can assert the page stayed offline. Set
POLICYGRAPH_SCREENSHOTS=DIR to keep screenshots (1400×1000) of the pages a test shoots.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.support.engines import missing_or_skip

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        missing_or_skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_or_skip("the playwright package is not installed")
    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@dataclass
class Visit:
    page: Page
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    outside: list[str] = field(default_factory=list)  # requests that tried to leave the allowed origin
    dialogs: list[str] = field(default_factory=list)

    def wait_for_graph(self) -> None:
        self.page.wait_for_selector("#graph[data-ready=true]", timeout=15_000)

    def drawn(self) -> dict[str, int]:
        """Pixels drawn on the graph's canvas and how many distinct colours they have."""
        counted: dict[str, int] = self.page.evaluate("""() => {
            const canvas = document.querySelector('#graph canvas');
            const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            const colours = new Set(); let drawn = 0;
            for (let i = 0; i < data.length; i += 4) {
                if (data[i + 3] > 0) { drawn++; colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]); }
            }
            return {drawn: drawn, colours: colours.size};
        }""")
        return counted

    def node_ids(self) -> list[str]:
        ids: list[str] = self.page.evaluate("() => window.pg.nodes.getIds()")
        return ids

    def click_node(self, node_id: str, double: bool = False) -> None:
        at = self.page.evaluate("(id) => window.pg.network.canvasToDOM(window.pg.network.getPosition(id))", node_id)
        box = self.page.locator("#graph").bounding_box()
        assert box is not None
        x, y = box["x"] + at["x"], box["y"] + at["y"]
        if double:
            self.page.mouse.dblclick(x, y)
        else:
            self.page.mouse.click(x, y)

    def shoot(self, name: str) -> None:
        """The page from its top down to the graph (or the first 1,000 px when it has none)."""
        folder = os.environ.get("POLICYGRAPH_SCREENSHOTS")
        if not folder:
            return
        graph = self.page.locator(".graph-area").bounding_box() if self.page.locator(".graph-area").count() else None
        height = graph["y"] + graph["height"] + 8 if graph else 1000
        clip = {"x": 0, "y": 0, "width": 1400, "height": height}
        self.page.screenshot(path=str(Path(folder) / f"screenshot-{name}.png"), full_page=True, clip=clip)

    def assert_clean(self) -> None:
        assert self.outside == [], f"requests left the test server: {self.outside}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"


@contextmanager
def visit(browser: Browser, allowed: str, url: str, locale: str = "en-US") -> Iterator[Visit]:
    """Open url in a fresh context where only URLs starting with `allowed` may load. `locale` is the browser's
    language (its Accept-Language): English unless a test reads the Chinese interface."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale=locale)

    def route(request_route: Route) -> None:
        url = request_route.request.url
        if url.startswith(allowed) or url.startswith("data:"):
            request_route.continue_()
        else:
            seen.outside.append(url)
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    seen = Visit(page)
    page.on("console", lambda message: seen.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    page.on("dialog", lambda dialog: (seen.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url)
    try:
        yield seen
    finally:
        context.close()


def base(api: Any) -> str:
    return str(api.base_url).rstrip("/")
