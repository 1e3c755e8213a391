"""The diffusion chart page in a real headless Chromium (Debian's, via Playwright), offline: every request that is not
the test server is aborted and fails the test (`visit` of tests/support/browser.py). The chart is SVG drawn in Python,
so the page loads no script at all.

三明医改经验 on the seeds: 泗县 (county) 2021, 山西 (provincial) 2022, 广东 (provincial) 2024 — four series, one per tier,
with last values national 0, provincial 2, prefectural 0, county 1.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from policygraph.visualize import urls
from policygraph.visualize.chart import MARGIN_LEFT, MARGIN_RIGHT, WIDTH
from tests.support.browser import base, visit
from tests.support.live_server import serve_records

if TYPE_CHECKING:
    from playwright.sync_api import Browser

SANMING = "三明医改经验"
PLOT_WIDTH = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
HOSTILE_PROGRAMME = "<svg onload=alert(7)>计划"
HOSTILE_REGION = "<img src=x onerror=alert(8)>"


def series_names(seen: Any) -> list[str]:
    names: list[str] = seen.page.evaluate(
        "() => [...document.querySelectorAll('#chart svg g.series')].map(g => g.dataset.series)"
    )
    return names


def test_chart_page_draws_one_series_per_tier_offline(api: Any, browser: Browser) -> None:
    with visit(browser, base(api) + "/", base(api) + "/explore/diffusion/" + urls.encode(SANMING)) as seen:
        seen.page.wait_for_load_state("networkidle")
        chart = seen.page.locator("#chart svg")
        assert chart.is_visible()
        box = chart.bounding_box()
        assert box is not None and box["width"] > 500 and box["height"] > 250
        assert series_names(seen) == ["national", "provincial", "prefectural", "county"]
        legend = seen.page.locator("#chart svg g.legend").text_content() or ""
        for entry in ("national (0)", "provincial (2)", "prefectural (0)", "county (1)"):
            assert entry in legend
        ticks = seen.page.locator("#chart svg text.x-tick").all_text_contents()
        assert ticks == ["2021", "2022", "2023", "2024"]
        # Each series path is drawn: it spans the four year bands (lengths in the SVG's own units).
        lengths = seen.page.evaluate(
            "() => [...document.querySelectorAll('#chart svg g.series path')].map(p => p.getTotalLength())"
        )
        assert len(lengths) == 4 and min(lengths) >= PLOT_WIDTH - 1
        assert seen.page.locator("script").count() == 0
        assert "山西省" in seen.page.locator("#series").inner_text()
        seen.assert_clean()


def test_programme_page_link_opens_the_chart(api: Any, browser: Browser) -> None:
    with visit(browser, base(api) + "/", base(api) + urls.programme(SANMING)) as seen:
        seen.page.locator("a.diffusion-link").click()
        seen.page.wait_for_selector("#chart svg g.series")
        assert seen.page.locator("h1").inner_text() == SANMING
        seen.assert_clean()


# --- a hostile programme and region -------------------------------------------------------------------------------

HOSTILE_RECORD = {
    "source": "xss-diffusion.txt", "doc_no": None, "doc_no_prefix": None, "issuer": None, "level": "provincial",
    "region": HOSTILE_REGION, "date": "2023-01-01", "year": 2023, "title": "测试通知", "sha256": "1" * 64, "cited": [],
    "tasks": [{"section": "一", "number": "(一)", "title": "任务", "text": "任务", "span": [0, 2], "lead": [],
               "cooperating": [], "lead_basis": [], "cooperating_basis": [], "lead_detail": [],
               "cooperating_detail": [], "programmes": [HOSTILE_PROGRAMME], "targets": []}],
}  # fmt: skip


@pytest.fixture(scope="module")
def hostile_server(falkordb_url: str) -> Iterator[str]:
    """A graph of its own holding one notice whose region and programme are injection attempts, served by the API."""
    yield from serve_records(falkordb_url, "xss_diffusion", [HOSTILE_RECORD])


def test_a_hostile_programme_and_region_are_shown_as_text(hostile_server: str, browser: Browser) -> None:
    for path in ("/explore/diffusion/" + urls.encode(HOSTILE_PROGRAMME), "/explore/diffusion"):
        with visit(browser, hostile_server + "/", hostile_server + path) as seen:
            seen.page.wait_for_load_state("networkidle")
            main = seen.page.locator("main").inner_text()
            assert HOSTILE_PROGRAMME in main
            assert seen.page.locator("img[src=x], svg[onload], main script").count() == 0
            seen.page.wait_for_timeout(300)
            seen.assert_clean()
    with visit(
        browser, hostile_server + "/", hostile_server + "/explore/diffusion/" + urls.encode(HOSTILE_PROGRAMME)
    ) as seen:
        assert seen.page.locator("h1").inner_text() == HOSTILE_PROGRAMME
        assert HOSTILE_REGION in seen.page.locator("#series").inner_text()  # the region, as text
        assert HOSTILE_PROGRAMME in (seen.page.locator("#chart svg").get_attribute("aria-label") or "")
        assert HOSTILE_PROGRAMME in seen.page.locator("#chart svg title").first.text_content()  # type: ignore[operator]
        assert series_names(seen) == ["national", "provincial", "prefectural", "county"]
        seen.assert_clean()
