"""The map pages in a real headless Chromium (Debian's, via Playwright), offline: every request that is not the test
server is aborted and fails the test. The maps are SVG drawn in Python: the pages load no script.

On the seeds each province with a notice has 1 (山西, 安徽, 广东, 西藏, 甘肃); the county map has 泗县 only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from policygraph.visualize import map_shapes, urls
from tests.support.browser import base, visit

if TYPE_CHECKING:
    from playwright.sync_api import Browser

SHANXI = 'figure.map svg a path[data-code="140000"]'


@pytest.fixture(scope="module", autouse=True)
def prepared_shapes() -> None:
    """The shapes built (or read from the cache file) before any request: a first build takes 20-60 s, longer than a
    test client waits."""
    map_shapes.shapes()


def test_province_map_hover_and_click_open_the_regions_notices(api: Any, browser: Browser) -> None:
    with visit(browser, base(api) + "/", base(api) + urls.map_page("notices")) as seen:
        page = seen.page
        assert page.title() == "Notices per region · PolicyGraph"
        assert page.locator("figure.map svg.map").is_visible()
        assert page.locator("figure.map svg a path[data-code]").count() == 34
        assert page.locator(f"{SHANXI} > title").text_content() == "山西省: 1"
        assert page.locator("figure.map svg.map g.legend").is_visible()
        assert page.locator("script").count() == 0
        page.hover(SHANXI)  # the hovered region is outlined (explorer.css), its <title> is the tooltip
        assert page.eval_on_selector(SHANXI, "p => getComputedStyle(p).stroke") == "rgb(0, 0, 0)"
        page.click(SHANXI)
        page.wait_for_url("**/?region=*")
        assert "region=%E5%B1%B1%E8%A5%BF%E7%9C%81" in page.url  # 山西省
        assert "晋政办发〔2022〕83号" in page.inner_text("main")
        assert "粤办函〔2024〕267号" not in page.inner_text("main")
        seen.assert_clean()


def test_county_map_draws_every_county_and_lists_those_without_a_shape(api: Any, browser: Browser) -> None:
    with visit(browser, base(api) + "/", base(api) + urls.map_page("notices", level="county")) as seen:
        page = seen.page
        assert page.locator("figure.map svg a path[data-code]").count() == 2852 - 5
        assert page.locator('figure.map svg path[data-code="341324"] > title').text_content() == "泗县: 1"
        listed = page.inner_text("#no-shape")
        for name in ("南沙区", "和康县", "和安县", "新星市", "白杨市"):
            assert name in listed
        seen.assert_clean()


def test_programme_page_links_to_its_adoption_map(api: Any, browser: Browser) -> None:
    with visit(browser, base(api) + "/", base(api) + urls.programme("三明医改经验")) as seen:
        seen.page.locator("a.map-link").click()
        seen.page.wait_for_selector("figure.map svg")
        assert "三明医改经验" in seen.page.locator("h1").inner_text()
        title = seen.page.locator('figure.map svg path[data-code="341324"] > title').text_content()
        assert title == "泗县 · county · 2021"
        assert "2022" in seen.page.inner_text("#regions")
        seen.assert_clean()
