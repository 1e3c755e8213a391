"""The explorer in Chinese and in English, in a real headless Chromium, offline, over the seeds on both engines.

In Chinese, no English word of the interface is left on the main pages: every Latin word of the visible text (and of
the graph's tooltips, the legend, the placeholders and labels) is checked against an allow-list of the data's and the
codes' own words. In English the same pages speak English. The switch (中文 | English) keeps the page and the choice
holds on the next pages, whatever the browser's own language.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest

from policygraph.visualize import map_shapes, urls
from tests.support.browser import base, visit

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

LINXIA = "临州办发〔2021〕76号"
XIZANG = "西藏自治区|2021|西藏自治区深化医药卫生体制改革领导小组关于印发《西藏自治区2021年深化医药卫生体制改革重点工作任务》的通知"
XIZANG_HEALTH = "西藏自治区|西藏自治区卫生健康委员会"
DRG = "DRG/DIP支付方式改革"

PAGES = {
    "home": "/",
    "search": "/?q=" + urls.encode("医共体"),
    "notice": urls.notice(LINXIA),
    "agency": urls.agency(XIZANG_HEALTH),
    "programme": urls.programme(DRG),
    "diffusion": urls.DIFFUSION,
    "diffusion chart": f"{urls.DIFFUSION}/{urls.encode(DRG)}",
    "network": urls.NETWORK + "?directed=true",
    "compare": urls.compare(LINXIA, XIZANG),
    "notices map": urls.map_page("notices"),
    "adoption map": urls.map_page("programme", name="三明医改经验"),
    "reach map": urls.map_page("reach", key="国办发〔2021〕20号"),
    "lead tasks map": urls.map_page("leads", function="卫生健康委员会", level="county"),
    "upload": urls.UPLOAD,
}
# Latin words a Chinese page may show: the product's name, the other language's name on the switch, names of methods
# and formats that are not translated (PageRank, UCINET, Gephi, Freeman, JSON, CSV, SVG, API, Cypher), the parameters of a
# JSON URL, file formats and encodings (the upload page: .docx, UTF-8, GBK, Big5), and the data's own words (a programme named DRG/DIP, a 文号 prefix).
ALLOWED = {"PolicyGraph", "English", "PageRank", "UCINET", "Gephi", "Freeman", "JSON", "CSV", "SVG", "API", "k",
           "offset", "limit", "DRG", "DIP", "https",
           "txt", "html", "docx", "pdf", "PDF", "Word", "UTF", "GBK", "Big"}  # fmt: skip
URL_LIKE = re.compile(r"/[\w/…%.-]*")  # JSON links are shown as their path: /documents, /agencies/…/tasks
PLACEHOLDER = re.compile(r"\{\w+\}")  # the scripts' texts fill {n} and {reason} in
# The README's Chinese screenshots (POLICYGRAPH_SCREENSHOTS=docs): docs/screenshot-zh-home.png and the adoption map.
SHOTS = {"home": "zh-home", "adoption map": "zh-adoption-map"}
# The first words of each page in English, in the h1 or the first heading.
ENGLISH_HEADINGS = {"home": "Health-reform notices", "network": "Agency collaboration network",
                    "diffusion": "Diffusion: how programmes", "compare": "Compared"}  # fmt: skip

VISIBLE = """() => {
  const texts = [document.body.innerText, document.title];
  for (const el of document.querySelectorAll("[placeholder], [aria-label], [title]")) {
    for (const name of ["placeholder", "aria-label"]) if (el.getAttribute(name)) texts.push(el.getAttribute(name));
  }
  if (window.pg) for (const item of [...window.pg.nodes.get(), ...window.pg.edges.get()]) texts.push(item.title || "");
  const ui = document.getElementById("ui-text");
  if (ui) texts.push(...Object.values(JSON.parse(ui.textContent)));
  return texts.join("\\n");
}"""


@pytest.fixture(scope="module", autouse=True)
def prepared_shapes() -> None:
    """The map shapes built (or read from their cache file) before any request: a first build takes 20-60 s."""
    map_shapes.shapes()


def english_words(text: str) -> set[str]:
    text = PLACEHOLDER.sub(" ", URL_LIKE.sub(" ", text))
    words = set(re.findall(r"[A-Za-z][A-Za-z']*(?:-[A-Za-z]+)*", text))
    return {w for w in words if w not in ALLOWED}


def opened(page: Page, name: str) -> str:
    if name in ("notice", "agency", "programme"):
        page.wait_for_selector("#graph[data-ready='true']", timeout=30_000)
    return str(page.evaluate(VISIBLE))


@pytest.mark.parametrize("name", list(PAGES))
def test_the_chinese_pages_have_no_english_left(api: Any, browser: Browser, name: str) -> None:
    with visit(browser, base(api) + "/", base(api) + PAGES[name], locale="zh-CN") as seen:
        assert seen.page.locator("html").get_attribute("lang") == "zh-Hans"
        text = opened(seen.page, name)
        left = sorted(english_words(text))
        assert not left, f"{name}: English left on the Chinese page: {left}"
        assert "中文" in seen.page.locator("nav.language").inner_text()
        if name in SHOTS:
            seen.shoot(SHOTS[name])
        seen.assert_clean()


@pytest.mark.parametrize("name", list(PAGES))
def test_the_english_pages_speak_english(api: Any, browser: Browser, name: str) -> None:
    with visit(browser, base(api) + "/", base(api) + PAGES[name], locale="en-US") as seen:
        assert seen.page.locator("html").get_attribute("lang") == "en"
        text = opened(seen.page, name)
        assert len(english_words(text)) > 10, name
        if name in ENGLISH_HEADINGS:
            assert seen.page.locator("h1").inner_text().startswith(ENGLISH_HEADINGS[name])
        for chinese_ui in ("检索", "协作网络", "扩散", "图例", "牵头单位最多"):
            assert chinese_ui not in seen.page.locator("header, h2, th, legend, summary").all_inner_texts(), name
        seen.assert_clean()


def test_the_switch_keeps_the_page_and_the_choice_persists(api: Any, browser: Browser) -> None:
    start = base(api) + urls.NETWORK + "?sort=degree"
    with visit(browser, base(api) + "/", start, locale="en-US") as seen:
        page = seen.page
        assert page.locator("h1").inner_text() == "Agency collaboration network"
        page.locator("nav.language a", has_text="中文").click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "部门协作网络"
        assert "sort=degree" in page.url and "lang=zh" in page.url  # the same page, its parameters kept
        assert page.locator("select[name=sort] option:checked").inner_text() == "度"
        # The next pages, reached by their links (no ?lang=): still Chinese, though the browser asks for English.
        page.locator("nav.sections a", has_text="扩散").click()
        page.wait_for_load_state()
        assert "lang=" not in page.url and page.locator("h1").inner_text().startswith("扩散")
        page.locator("a.brand").click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "深化医改文件：谁牵头哪项任务"
        assert page.locator("html").get_attribute("lang") == "zh-Hans"
        # And back to English, which holds the same way.
        page.locator("nav.language a", has_text="English").click()
        page.wait_for_load_state()
        page.locator("nav.sections a", has_text="Networks").click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "Agency collaboration network"
        seen.assert_clean()


def test_the_graph_speaks_the_page_language_when_expanded(api: Any, browser: Browser) -> None:
    """A node's details and its "expand" button, and the nodes it adds, in Chinese."""
    with visit(browser, base(api) + "/", base(api) + urls.agency(XIZANG_HEALTH), locale="zh-CN") as seen:
        seen.wait_for_graph()
        seen.click_node(XIZANG_HEALTH)
        details = seen.page.locator("#details")
        assert details.locator("a", has_text="打开页面").count() == 1
        details.locator("button", has_text="展开").click()
        seen.page.wait_for_function(
            "() => /已添加 \\d+ 个节点/.test(document.querySelector('#details button').textContent)"
        )
        added = seen.page.evaluate("() => window.pg.nodes.get().map(n => n.title).join('\\n')")
        assert english_words(added) == set()
        seen.assert_clean()
