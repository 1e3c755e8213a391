"""The side-by-side page (对照) in a real headless Chromium, offline: the seeds' 2021 local notices on both engines
(the README's screenshot: `POLICYGRAPH_SCREENSHOTS=docs`), the links from the notice page, and a pair of notices
whose every text is an injection attempt, shown as text and running nothing."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from policygraph.visualize import urls
from tests.support.browser import base, visit
from tests.support.cli import run_cli
from tests.support.live_server import serve_records

if TYPE_CHECKING:
    from playwright.sync_api import Browser

LINXIA = "临州办发〔2021〕76号"
SIXIAN = "安徽省宿州市泗县|2021|泗县深化医药卫生体制改革2021年-2022年重点工作任务"
XIZANG = "西藏自治区|2021|西藏自治区深化医药卫生体制改革领导小组关于印发《西藏自治区2021年深化医药卫生体制改革重点工作任务》的通知"


def test_two_seed_notices_side_by_side(api: Any, browser: Browser) -> None:
    twin = api.get(f"/documents/{urls.encode(LINXIA)}/compare", params={"with": XIZANG}).json()
    with visit(browser, base(api) + "/", base(api) + urls.compare(LINXIA, XIZANG), locale="zh-CN") as seen:
        page = seen.page
        assert page.locator("h1").inner_text() == f"对照 · {LINXIA}"
        shares = page.locator("#shares p.shares").inner_text()
        assert f"{twin['shares']['tasks_inherited']}/26" in shares and f"/{twin['shares']['other_tasks']}" in shares
        rows = page.locator("table.compare-table tbody tr")
        assert rows.count() == len(twin["inherited"]) + len(twin["added"]) + len(twin["dropped"])
        assert page.locator("tr.row-added td.left .none").count() == len(twin["added"])  # nothing faces an added task
        assert page.locator("tr.row-dropped td.right .none").count() == len(twin["dropped"])
        first = twin["inherited"][0]
        row = page.locator("tr.row-inherited").first
        assert first["other"]["title"] in row.locator("td.left").inner_text()  # the other notice on the left
        assert first["task"]["title"] in row.locator("td.right").inner_text()
        assert row.locator("ins.diff").count() > 0 and row.locator("del.diff").count() > 0
        # The filter hides added and dropped rows (CSS only): the aligned pairs are left, facing.
        page.locator("#show-added").uncheck()
        page.locator("#show-dropped").uncheck()
        assert page.locator("tr.row-added").first.is_hidden() and page.locator("tr.row-dropped").first.is_hidden()
        assert page.locator("tr.row-inherited").first.is_visible()
        seen.shoot("compare")
        page.locator("#show-added").check()
        assert page.locator("tr.row-added").first.is_visible()
        seen.assert_clean()


def test_the_notice_page_links_to_its_comparisons(api: Any, browser: Browser) -> None:
    linxia = api.get(urls.notice(LINXIA)).text
    assert "与上级文件对照" not in linxia  # its parent 甘政办发〔2021〕70号 is a stub: nothing to compare with
    with visit(browser, base(api) + "/", base(api) + urls.notice(SIXIAN), locale="zh-CN") as seen:
        link = seen.page.locator("#compare-others a")
        assert link.count() == 1 and link.inner_text().startswith("与同级文件")
        link.click()
        seen.page.wait_for_selector("table.compare-table")
        assert "同级文件" in seen.page.locator("p.subtitle").nth(1).inner_text()
        assert seen.page.locator("table.compare-table thead").inner_text().startswith("同级文件")
        seen.assert_clean()


def test_refusals_are_pages(api: Any) -> None:
    itself = api.get(urls.compare(SIXIAN, SIXIAN))
    assert itself.status_code == 422 and "cannot be compared with itself" in itself.text
    stub = api.get(urls.compare(SIXIAN))
    assert stub.status_code == 422 and "a stub has no tasks to compare" in stub.text
    assert api.get(urls.compare("国办发〔1999〕1号")).status_code == 404


# --- hostile texts ---------------------------------------------------------------------------------------------------

PARENT_NO = "晋政办发〔2023〕9号"
CHILD_KEY = "山西省太原市|2023|<b onclick=alert(6)>太原</b>深化医改任务"
SHARED = "统筹医疗、医保、医药改革 & 完善\"三医\"联动机制，'定期'会商重大事项"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
INSERTED = "<img src=y onerror=alert(4)>"
ADDED_TITLE = '</td></tr>"新增任务"&amp;'  # closing tags, quotes, an entity that must stay as written
DROPPED_TITLE = "<svg onload=alert(3)>[/]开展爱国卫生运动[bold]"  # rich markup too, for the CLI


def hostile_task(number: str, title: str, text: str, lead: str, jurisdiction: str) -> dict[str, Any]:
    detail = {"as_written": lead, "canonical": lead, "jurisdiction": jurisdiction, "kind": "agency",
              "basis": "explicit", "quote": f"({lead}负责)", "span": [1, 5]}  # fmt: skip
    return {"section": "一", "number": number, "title": title, "text": f"{number}{title}。{text}", "span": [0, 80],
            "lead": [lead], "cooperating": [], "lead_basis": ["explicit"], "cooperating_basis": [],
            "lead_detail": [detail], "cooperating_detail": [], "programmes": [], "targets": []}  # fmt: skip


def hostile_record(**fields: Any) -> dict[str, Any]:
    return {"doc_no_prefix": None, "issuer": "<b onclick=alert(7)>issuer</b>", "date": "2023-05-01", "year": 2023,
            "cited": [], **fields}  # fmt: skip


HOSTILE = [
    hostile_record(source="parent.txt", doc_no=PARENT_NO, level="provincial", region="山西省", sha256="1" * 64,
                   title=f"山西省{SCRIPT}深化医改任务", tasks=[
                       hostile_task("(一)", f"{SCRIPT}推进三医联动", f"{SHARED}{IMG}。", "山西省卫生健康委员会", "山西省"),
                       hostile_task("(二)", DROPPED_TITLE, "推进城乡环境卫生综合整治，倡导文明健康生活方式。",
                                    "山西省卫生健康委员会", "山西省")]),
    hostile_record(source="child.txt", doc_no=None, level="prefectural", region="山西省太原市", sha256="2" * 64,
                   title="<b onclick=alert(6)>太原</b>深化医改任务", tasks=[
                       hostile_task("(一)", f"{SCRIPT}推进三医联动", f"{SHARED}{INSERTED}{IMG}。", "太原市医疗保障局",
                                    "山西省太原市"),
                       hostile_task("(二)", ADDED_TITLE, "建设市级全民健康信息平台，推广电子健康档案在线查询，打通医疗机构之间的数据共享通道，推进互联网医院规范发展。",
                                    "太原市卫生健康委员会", "山西省太原市")]),
]  # fmt: skip


@pytest.fixture(scope="module")
def hostile_server(falkordb_url: str) -> Iterator[str]:
    yield from serve_records(falkordb_url, "compare-xss", HOSTILE)


def test_hostile_task_texts_are_shown_as_text_and_run_nothing(hostile_server: str, browser: Browser) -> None:
    page_url = hostile_server + urls.compare(CHILD_KEY, PARENT_NO)
    with visit(browser, hostile_server + "/", page_url, locale="zh-CN") as seen:
        page = seen.page
        assert (
            page.locator("h1").inner_text() == "对照 · <b onclick=alert(6)>太原</b>深化医改任务"
        )  # no 文号: its title
        inherited = page.locator("tr.row-inherited")
        assert inherited.count() == 1
        left, right = inherited.locator("td.left").inner_text(), inherited.locator("td.right").inner_text()
        assert SCRIPT in left and IMG in left and SHARED in left and INSERTED not in left
        assert SCRIPT in right and IMG in right and SHARED in right and INSERTED in right
        # The inserted characters are marked, as text: difflib matches the "<img src=" both texts share first.
        assert inherited.locator("td.right ins.diff").all_inner_texts() == ["y onerror=alert(4)><img src="]
        assert inherited.locator("td.left del.diff").count() == 0
        assert "牵头变化" in inherited.locator("td.changes").inner_text()  # 卫健委 → 医保局
        added = page.locator("tr.row-added")
        assert ADDED_TITLE in added.locator("td.right").inner_text() and added.locator("td.left .none").count() == 1
        dropped = page.locator("tr.row-dropped")
        assert (
            DROPPED_TITLE in dropped.locator("td.left").inner_text() and dropped.locator("td.right .none").count() == 1
        )
        assert page.locator("img, svg[onload], b[onclick], main script").count() == 0
        page.wait_for_timeout(300)
        seen.assert_clean()  # no dialog opened: no alert ran
    raw = httpx.get(page_url, timeout=10).text
    assert "<script>alert" not in raw and "<img src" not in raw and "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    assert "&amp; 完善&#34;三医&#34;联动机制，&#39;定期&#39;" in raw  # &, " and ' escaped too


def test_the_cli_prints_hostile_texts_as_they_are(hostile_server: str, falkordb_url: str, tmp_path: Path) -> None:
    settings = {"POLICYGRAPH_ENGINE": "falkordb", "FALKORDB_URL": falkordb_url, "POLICYGRAPH_GRAPH": "compare-xss",
                "POLICYGRAPH_DATA_DIR": str(tmp_path)}  # fmt: skip
    table = run_cli("compare", CHILD_KEY, PARENT_NO, settings=settings)
    assert table.returncode == 0, table.stderr
    assert DROPPED_TITLE in table.stdout and f"(一){SCRIPT}推进三医联动" in table.stdout and "牵头变化" in table.stdout
    rows = list(
        csv.DictReader(io.StringIO(run_cli("compare", CHILD_KEY, PARENT_NO, "-f", "csv", settings=settings).stdout))
    )
    assert [(r["category"], r["task_title"] or r["other_title"]) for r in rows] == [
        ("inherited", f"{SCRIPT}推进三医联动"), ("added", ADDED_TITLE), ("dropped", DROPPED_TITLE)]  # fmt: skip
