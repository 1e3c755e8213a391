"""The explorer's pages in a real headless Chromium (Debian's, driven by Playwright), over the API on both engines.

Every request the browser makes is routed: anything that is not the test server (or the file itself, for the
self-contained `policygraph viz` file) is aborted and fails the test. Set POLICYGRAPH_SCREENSHOTS=DIR to keep
screenshots (1400×1000) of the main pages (the README's come from `POLICYGRAPH_SCREENSHOTS=docs`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from policygraph.visualize import urls
from tests.support.browser import base, visit
from tests.support.live_server import serve_records

if TYPE_CHECKING:
    from playwright.sync_api import Browser

LINXIA = "临州办发〔2021〕76号"
GANSU = "甘政办发〔2021〕70号"
NATIONAL_2021 = "国办发〔2021〕20号"
SIXIAN = "安徽省宿州市泗县|2021|泗县深化医药卫生体制改革2021年-2022年重点工作任务"
XIZANG_HEALTH = "西藏自治区|西藏自治区卫生健康委员会"
XIZANG_INSURANCE = "西藏自治区|西藏自治区医疗保障局"
SHANXI_HEALTH = "山西省|山西省卫生健康委员会"
DRG = "DRG/DIP支付方式改革"
XSS = "<img src=x onerror=alert(1)>"


# --- in the browser --------------------------------------------------------------------------------------------------


def test_home_loads_offline_without_console_errors(api: Any, browser: Browser) -> None:
    with visit(browser, base(api) + "/", base(api) + "/") as seen:
        seen.page.wait_for_load_state("networkidle")
        assert seen.page.locator("h1").inner_text().startswith("Health-reform notices")
        ranking = seen.page.locator("table.ranking").first.inner_text()
        assert "西藏自治区卫生健康委员会" in ranking  # the seeds' top lead agency
        assert seen.page.locator("ul.notices > li").count() == 5
        seen.shoot("home")
        seen.assert_clean()


def test_home_search_finds_notices_agencies_and_programmes(api: Any, browser: Browser) -> None:
    with visit(browser, base(api) + "/", base(api) + "/?q=" + urls.encode("医共体")) as seen:
        found = seen.page.locator("section.found").inner_text()
        assert "紧密型县域医共体" in found and "临夏" in found
        assert seen.page.locator("section.found mark").count() > 0
        seen.shoot("search")
        seen.assert_clean()


def test_lineage_page_shows_the_chain_to_the_national_notice(api: Any, browser: Browser) -> None:
    with visit(browser, base(api) + "/", base(api) + urls.notice(LINXIA)) as seen:
        seen.wait_for_graph()
        chain = seen.page.locator("#chain").inner_text()
        assert chain.index(LINXIA) < chain.index(GANSU) < chain.index(NATIONAL_2021)
        assert "explicit" in chain and "inferred" in chain and "stub" in chain
        ids = seen.node_ids()
        assert {LINXIA, GANSU, NATIONAL_2021} <= set(ids) and len(ids) == 49
        drawn = seen.drawn()
        assert drawn["drawn"] > 5_000 and drawn["colours"] > 20, drawn
        positions = seen.page.evaluate("(ids) => window.pg.network.getPositions(ids)", [NATIONAL_2021, GANSU, LINXIA])
        assert positions[NATIONAL_2021]["y"] < positions[GANSU]["y"] < positions[LINXIA]["y"]  # national on top
        seen.shoot("notice")
        seen.assert_clean()


def test_lineage_page_marks_missing_tiers(api: Any, browser: Browser) -> None:
    with visit(browser, base(api) + "/", base(api) + urls.notice(SIXIAN)) as seen:
        seen.wait_for_graph()
        assert seen.page.locator("#chain li.missing").count() == 2
        assert "安徽省宿州市" in seen.page.locator("#chain").inner_text()
        kinds = seen.page.evaluate("() => window.pg.nodes.get().map(n => n.kind)")
        assert kinds.count("Missing") == 2
        seen.assert_clean()


def test_edge_types_switch_off_and_on(api: Any, browser: Browser) -> None:
    with visit(browser, base(api) + "/", base(api) + urls.notice(LINXIA)) as seen:
        seen.wait_for_graph()
        counts = "() => [window.pg.nodeView.length, window.pg.edgeView.length]"
        nodes, edges = seen.page.evaluate(counts)
        for edge_type in ("LEADS", "COOPERATES_ON"):
            seen.page.locator(f"input[data-edge-type={edge_type}]").uncheck()
        fewer_nodes, fewer_edges = seen.page.evaluate(counts)
        assert fewer_edges == edges - 27 - 68 and fewer_nodes == nodes - 19  # the 19 agencies go with their edges
        seen.page.locator("input[data-edge-type=LEADS]").check()
        seen.page.locator("input[data-edge-type=COOPERATES_ON]").check()
        assert seen.page.evaluate(counts) == [nodes, edges]
        seen.assert_clean()


def test_agency_page_draws_its_neighbourhood_and_a_click_shows_details(api: Any, browser: Browser) -> None:
    with visit(browser, base(api) + "/", base(api) + urls.agency(XIZANG_HEALTH)) as seen:
        seen.wait_for_graph()
        assert seen.drawn()["colours"] > 20
        assert XIZANG_INSURANCE in seen.node_ids()
        seen.shoot("agency")
        seen.click_node(XIZANG_INSURANCE)
        details = seen.page.locator("#details")
        assert details.locator("h3").inner_text() == "西藏自治区医疗保障局"
        assert details.locator("a").get_attribute("href") == urls.agency(XIZANG_INSURANCE)
        assert "agency, provincial" in details.locator("pre").inner_text()
        seen.assert_clean()


def test_programme_page_expand_adds_neighbours_and_double_click_opens(api: Any, browser: Browser) -> None:
    with visit(browser, base(api) + "/", base(api) + urls.programme(DRG)) as seen:
        seen.wait_for_graph()
        assert seen.drawn()["colours"] > 20
        assert seen.page.locator("h1").inner_text() == DRG
        assert "山西省" in seen.page.locator("main").inner_text()
        seen.shoot("programme")
        before = len(seen.node_ids())
        seen.click_node(SHANXI_HEALTH)
        details = seen.page.locator("#details")
        assert details.locator("h3").inner_text() == "山西省卫生健康委员会"
        details.locator("button").click()
        seen.page.wait_for_function(f"() => window.pg.nodes.length > {before}", timeout=10_000)
        assert details.locator("button").inner_text().startswith("Added")
        seen.click_node(SHANXI_HEALTH, double=True)
        seen.page.wait_for_url(re.compile(re.escape(urls.agency(SHANXI_HEALTH)) + "$"))
        assert seen.page.locator("h1").inner_text() == "山西省卫生健康委员会"
        seen.assert_clean()


def test_self_contained_file_opens_offline(seeded_store: Any, browser: Browser, tmp_path: Path) -> None:
    from policygraph.cli.viz import standalone_html
    from policygraph.core import i18n
    from policygraph.core.settings import Settings

    settings = Settings(POLICYGRAPH_ENGINE=seeded_store.engine)
    path = tmp_path / "linxia.html"
    with i18n.using("zh"):  # the file speaks POLICYGRAPH_LANG (zh by default), whatever the browser's language
        path.write_text(standalone_html(seeded_store, settings, "document", LINXIA, 3, 500), encoding="utf-8")
    with visit(browser, path.as_uri(), path.as_uri()) as seen:
        seen.wait_for_graph()
        assert "3 跳以内的" in seen.page.locator(".subtitle").inner_text()
        assert seen.page.locator(".legend summary").inner_text() == "图例"
        assert {LINXIA, GANSU, NATIONAL_2021} <= set(seen.node_ids())
        assert seen.drawn()["colours"] > 20
        seen.assert_clean()


# --- a hostile notice --------------------------------------------------------------------------------------------------

HOSTILE_AGENCY = "山西省<svg onload=alert(4)>局"
HOSTILE_RECORD = {
    "source": "xss.txt", "doc_no": None, "doc_no_prefix": None, "issuer": "<b onclick=alert(6)>issuer</b>",
    "level": "provincial", "region": "山西省", "date": "2023-01-01", "year": 2023, "title": XSS, "sha256": "0" * 64,
    "cited": [{"doc_no": None, "title": "</script><script>alert(3)</script>", "relation": "reference",
               "quote": "《</script><script>alert(3)</script>》\u2028", "span": [0, 10]}],
    "tasks": [{
        "section": "一", "number": "(一)", "title": "<script>alert(2)</script>", "text": "x\u2029y", "span": [0, 50],
        "lead": [HOSTILE_AGENCY], "cooperating": [], "lead_basis": ["explicit"], "cooperating_basis": [],
        "lead_detail": [{"as_written": "<svg onload=alert(4)>", "canonical": HOSTILE_AGENCY, "jurisdiction": "山西省",
                         "kind": "agency", "basis": "explicit", "quote": "(牵头单位:</script><img src=x onerror=alert(5)>)",
                         "span": [1, 5]}],
        "cooperating_detail": [], "programmes": [], "targets": [],
    }],
}  # fmt: skip


@pytest.fixture(scope="module")
def hostile_server(falkordb_url: str) -> Iterator[str]:
    """A graph of its own holding one notice whose every text is an injection attempt, served by the API."""
    yield from serve_records(falkordb_url, "xss", [HOSTILE_RECORD])


def test_a_script_injection_title_is_shown_as_text_and_runs_nothing(hostile_server: str, browser: Browser) -> None:
    key = f"山西省|2023|{XSS}"
    with visit(browser, hostile_server + "/", hostile_server + urls.notice(key)) as seen:
        seen.wait_for_graph()
        assert seen.page.locator("p.subtitle").first.inner_text() == XSS
        assert "<b onclick=alert(6)>issuer</b>" in seen.page.locator("p.meta").first.inner_text()
        assert seen.page.locator("img[src=x], svg[onload], b[onclick]").count() == 0
        assert "<script>alert(2)</script>" in seen.page.locator("table.tasks-table").inner_text()
        assert key in seen.node_ids()
        seen.click_node(key)
        assert XSS in seen.page.locator("#details pre").inner_text()
        seen.page.wait_for_timeout(300)
        seen.assert_clean()
    for path in (urls.agency(f"山西省|{HOSTILE_AGENCY}"), "/?q=" + urls.encode("alert")):
        with visit(browser, hostile_server + "/", hostile_server + path) as seen:
            seen.page.wait_for_load_state("networkidle")
            assert "<svg onload=alert(4)>" in seen.page.locator("main").inner_text()  # the agency's name, as text
            assert seen.page.locator("img[src=x], svg[onload], b[onclick]").count() == 0
            seen.page.wait_for_timeout(300)
            seen.assert_clean()


HOSTILE_COVERAGE = {
    "tasks": 1, "tasks_with_lead": 1, "tasks_with_cooperating": 0, "tasks_with_deadline": 1,
    "unconsumed": [{"text": "由<img src=x onerror=alert(7)>牵头", "span": [60, 80], "task": 1}],
    "missing": [{"field": "doc_no", "reason": "no 文号 printed in the header"}],
    "needs_review": True, "reasons": ["1 attribution-like passage(s) no rule read"],
}  # fmt: skip
HOSTILE_DEADLINE = {"as_written": "<svg onload=alert(8)>底前", "date": "2023-09-30", "kind": "by_date"}


@pytest.fixture(scope="module")
def reviewed_server(falkordb_url: str) -> Iterator[str]:
    """One notice that needs review, whose unread passage and deadline are injection attempts."""
    tasks: Any = HOSTILE_RECORD["tasks"]
    task = {**tasks[0], "deadline": HOSTILE_DEADLINE}
    yield from serve_records(
        falkordb_url, "review", [{**HOSTILE_RECORD, "tasks": [task], "coverage": HOSTILE_COVERAGE}]
    )


def test_notice_page_shows_coverage_and_deadlines_as_text(reviewed_server: str) -> None:
    import httpx

    page = httpx.get(reviewed_server + urls.notice(f"山西省|2023|{XSS}"), timeout=10).text  # no language asked: zh
    start = page.index('<section class="coverage needs-review"')
    coverage = page[start : page.index("</section>", start)]
    # the stored English reasons said in Chinese, the count put back into its sentence
    assert "需复核" in coverage and "1 处疑似分工表述未被识别" in coverage
    assert "由&lt;img src=x onerror=alert(7)&gt;牵头" in coverage and "[60, 80)" in coverage
    assert 'href="#task-1"' in coverage and "文件头未印文号" in coverage
    assert "<img src=x" not in page and "<svg onload=alert(8)>" not in page
    assert "完成时限" in page and "2023-09-30" in page and 'title="&lt;svg onload=alert(8)&gt;底前"' in page


# --- pages and their JSON twins, over plain HTTP ---------------------------------------------------------------------


def twins(answer: Any) -> list[str]:
    return re.findall(r"<([^>]+)>; rel=\"alternate\"; type=\"application/json\"", answer.headers["link"])


def test_each_page_names_its_json_twins_and_renders_their_answers(api: Any) -> None:
    home = api.get("/")
    assert home.status_code == 200 and home.headers["content-type"].startswith("text/html")
    top, notices, programmes = (api.get(url).json() for url in twins(home))
    assert top["items"][0]["agency"]["name"] in home.text
    assert all(n["key"] in home.text or urls.encode(n["key"]) in home.text for n in notices["items"])
    assert programmes["items"][0]["name"] in home.text

    notice = api.get(urls.notice(LINXIA))
    chain_url, detail_url, subgraph_url = twins(notice)
    assert chain_url == f"/documents/{urls.encode(LINXIA)}/lineage" and subgraph_url.startswith(
        "/subgraph?kind=document"
    )
    chain = api.get(chain_url).json()
    assert [hop["key"] for hop in chain["hops"]] == [GANSU, NATIONAL_2021]
    assert all(hop["reason"] in notice.text for hop in chain["hops"])
    assert api.get(detail_url).json()["tasks"][0]["title"] in notice.text
    assert len(api.get(subgraph_url).json()["nodes"]) == 49

    agency = api.get(urls.agency(XIZANG_HEALTH))
    profile = api.get(twins(agency)[0]).json()
    assert all(other["name"] in agency.text for other in profile["collaborators"])

    programme = api.get(urls.programme("三明经验"))  # a synonym finds its programme
    adoption = api.get(twins(programme)[0]).json()
    assert adoption["name"] == "三明医改经验" and all(row["region"] in programme.text for row in adoption["by_region"])


def test_notice_page_shows_the_coverage_box(api: Any) -> None:
    clean, sixian = api.get(urls.notice(LINXIA)).text, api.get(urls.notice(SIXIAN)).text
    assert '<section class="coverage" id="coverage">' in clean and "needs review" not in clean
    assert "26 tasks · 26 with a lead" in clean
    assert '<section class="coverage needs-review" id="coverage">' in sixian
    assert "<li>no issuer</li><li>no date</li>" in sixian and "Deadline" in sixian
    # The same box in Chinese: the stored reasons said in Chinese too.
    chinese = {"Accept-Language": "zh-CN"}
    clean, sixian = (api.get(urls.notice(key), headers=chinese).text for key in (LINXIA, SIXIAN))
    assert "需复核" not in clean and "26 项任务 · 26 项有牵头单位" in clean
    assert "<li>缺发文机关</li><li>缺成文日期</li>" in sixian and "需复核" in sixian and "完成时限" in sixian


def test_search_twins_follow_the_query(api: Any) -> None:
    answer = api.get("/", params={"q": "三明", "region": "山西"})
    assert answer.status_code == 200
    urls_ = twins(answer)
    assert any(u.startswith("/search?q=") for u in urls_) and any(u.startswith("/agencies?q=") for u in urls_)
    for url in urls_:
        assert api.get(url).status_code == 200, url


def test_refusals_are_pages_with_the_json_status(api: Any) -> None:
    missing = api.get(urls.notice("国办发〔1999〕1号"))
    assert (
        missing.status_code == 404
        and "text/html" in missing.headers["content-type"]
        and "国办发〔1999〕1号" in missing.text
    )
    assert api.get(urls.agency("nowhere|nobody")).status_code == 404
    bad_region = api.get("/", params={"region": "nowhere"})
    assert bad_region.status_code == 422 and "text/html" in bad_region.headers["content-type"]
    assert api.get(urls.notice(LINXIA), params={"limit": 0}).status_code == 422


def test_show_more_doubles_the_limit_until_nothing_is_cut(api: Any) -> None:
    cut = api.get(urls.notice(LINXIA), params={"limit": 10})
    assert "show more" in cut.text and "limit=20" in cut.text
    whole = api.get(urls.notice(LINXIA))
    assert "show more" not in whole.text


def test_expand_answers_styled_placed_nodes(api: Any) -> None:
    answer = api.get(urls.GRAPH, params={"kind": "agency", "key": XIZANG_INSURANCE})
    assert answer.status_code == 200
    body = answer.json()
    assert body["nodes"][0]["id"] == XIZANG_INSURANCE and body["nodes"][0]["x"] == 0.0
    assert all("color" in n and "x" in n for n in body["nodes"])
    assert twins(answer)[0].startswith("/subgraph?kind=agency")


def test_static_files_are_served_from_the_app(api: Any) -> None:
    script = api.get(f"{urls.STATIC}/vis-network.min.js")
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
    assert api.get(f"{urls.STATIC}/vis-network.css").status_code == 200
    assert api.get(f"{urls.STATIC}/../pyproject.toml").status_code == 404
    assert api.get(f"{urls.STATIC}/nothing.js").status_code == 404
