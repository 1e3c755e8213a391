"""GET /documents/{key}/compare over real HTTP on both engines: the constructed parent and child of
tests/test_compare.py, keys with a slash (the route must not be swallowed by the detail route's `{key:path}`), and
the refusals — a notice with itself, an unknown key, a stub, no parent — as one-line 4xx answers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from policygraph.analysis.compare import STUB
from policygraph.api.app import create_app
from policygraph.core.settings import Settings
from policygraph.graph.loader import load_records
from policygraph.graph.store import GraphStore
from tests.support.live_server import TEST_API_KEY, LiveServer
from tests.test_compare import CHILD_KEY, PARENT_KEY, SIXIAN, XIZANG, compared  # noqa: F401 (a fixture)

SLASHED_TITLE = "医疗/医保/医药联动改革{year}年重点任务"
SLASHED = {year: f"山西省|{year}|{SLASHED_TITLE.format(year=year)}" for year in (2021, 2022, 2023)}


def task(number: str, title: str, text: str, lead: str) -> dict[str, Any]:
    """A task as the extractor writes it, with one lead agency of 山西省."""
    detail = {"as_written": lead, "canonical": lead, "jurisdiction": "山西省", "kind": "agency", "basis": "explicit",
              "quote": f"({lead}负责)", "span": [1, 5]}  # fmt: skip
    return {"section": "一", "number": number, "title": title, "text": f"{number}{title}。{text}({lead}负责)",
            "span": [0, 50], "lead": [lead], "cooperating": [], "lead_basis": ["explicit"], "cooperating_basis": [],
            "lead_detail": [detail], "cooperating_detail": [], "programmes": [], "targets": []}  # fmt: skip


def slashed_record(year: int, tasks: list[dict[str, Any]]) -> dict[str, Any]:
    return {"source": f"slashed-{year}.txt", "doc_no": None, "doc_no_prefix": None, "issuer": "山西省医改领导小组",
            "level": "provincial", "region": "山西省", "date": f"{year}-03-01", "year": year,
            "title": SLASHED_TITLE.format(year=year), "sha256": f"{year:0>64}", "cited": [], "tasks": tasks}  # fmt: skip


RECORDS = [
    slashed_record(2022, [task("(一)", "推进三医联动改革", "统筹医疗、医保、医药改革，完善联动工作机制，定期会商重大事项。",
                                "山西省卫生健康委员会"),
                          task("(二)", "规范医疗服务收费", "开展医疗服务收费专项检查，纠正不合理收费行为。", "山西省市场监督管理局")]),
    slashed_record(2023, [task("(一)", "推进三医联动改革", "统筹医疗、医保、医药改革，完善联动工作机制，按月会商重大事项。",
                                "山西省医疗保障局")]),
    slashed_record(2021, []),  # a full notice whose text held no numbered task
]  # fmt: skip


@pytest.fixture(scope="module")
def client(compared: GraphStore) -> Iterator[httpx.Client]:  # noqa: F811 (the fixture imported above)
    """The API over the seeds, the constructed notices and two notices whose keys hold a slash; asked in English."""
    assert not load_records(compared, RECORDS).failed
    given: dict[str, Any] = {"POLICYGRAPH_ENGINE": compared.engine, "POLICYGRAPH_API_KEY": TEST_API_KEY}
    settings = Settings(**given)
    with (
        LiveServer(create_app(settings, compared)) as server,
        httpx.Client(base_url=server.url, timeout=10, headers={"Accept-Language": "en"}) as http,
    ):
        yield http


def url(key: str) -> str:
    return f"/documents/{quote(key, safe='')}/compare"


def test_a_child_against_its_parent_over_http(client: httpx.Client) -> None:
    answer = client.get(url(CHILD_KEY))
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["notice"]["key"], body["other"]["key"], body["relation"]) == (CHILD_KEY, PARENT_KEY, "parent")
    assert [p["changes"]["lead"]["status"] for p in body["inherited"]] == [
        "lower_tier", "lower_tier", "changed", "lower_tier", "lower_tier"]  # fmt: skip
    assert [p["changes"]["deadline"]["change"] for p in body["inherited"]][:3] == ["tightened", "none", "loosened"]
    assert [t["key"] for t in body["added"]] == [f"{CHILD_KEY}#6"]
    assert [t["key"] for t in body["dropped"]] == [f"{PARENT_KEY}#6"]
    assert body["shares"]["inherited"] == 0.8333 and 0 < body["threshold"] < 1
    assert client.get(url(CHILD_KEY), params={"with": PARENT_KEY}).json() == body | {"chosen": None}


def test_keys_with_a_slash_reach_the_compare_route(client: httpx.Client) -> None:
    answer = client.get(url(SLASHED[2023]), params={"with": SLASHED[2022]})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["notice"]["key"], body["other"]["key"], body["relation"]) == (SLASHED[2023], SLASHED[2022],
                                                                              "previous_year")  # fmt: skip
    [pair] = body["inherited"]
    assert (pair["task"]["key"], pair["other"]["key"]) == (f"{SLASHED[2023]}#1", f"{SLASHED[2022]}#1")
    assert pair["changes"]["lead"]["status"] == "changed"  # 卫生健康委员会 → 医疗保障局
    assert [t["title"] for t in body["dropped"]] == ["规范医疗服务收费"] and body["added"] == []
    detail = client.get(f"/documents/{quote(SLASHED[2023], safe='')}")  # the detail route still answers
    assert detail.status_code == 200 and detail.json()["key"] == SLASHED[2023]


def one_line(answer: httpx.Response) -> str:
    detail = answer.json()["detail"]
    message = detail if isinstance(detail, str) else detail[0]["msg"]
    assert isinstance(message, str) and "\n" not in message
    return message


def test_refusals_are_one_line_4xx(client: httpx.Client) -> None:
    itself = client.get(url(CHILD_KEY), params={"with": CHILD_KEY})
    assert itself.status_code == 422 and "cannot be compared with itself" in one_line(itself)
    assert itself.json()["detail"][0]["loc"] == ["query", "with"]
    unknown = client.get(url("国办发〔1999〕1号"))
    assert unknown.status_code == 404 and one_line(unknown) == "no notice has the key '国办发〔1999〕1号'"
    unknown_with = client.get(url(CHILD_KEY), params={"with": "nothing"})
    assert unknown_with.status_code == 404 and "'nothing'" in one_line(unknown_with)
    stub = client.get(url(SIXIAN), params={"with": "国办发〔2021〕20号"})
    assert stub.status_code == 422 and one_line(stub) == f"国办发〔2021〕20号 is a stub: {STUB}"
    stub_parent = client.get(url(SIXIAN))  # its parent is the stub 国办发〔2021〕20号: say so, and what to do
    assert stub_parent.status_code == 422 and "give with=KEY" in one_line(stub_parent)
    no_parent = client.get(url(PARENT_KEY))
    assert no_parent.status_code == 422 and one_line(no_parent).startswith(f"{PARENT_KEY} has no parent notice")
    assert client.get(url(SIXIAN), params={"with": ""}).status_code == 422  # an empty key is refused too
    empty = client.get(url(SLASHED[2023]), params={"with": SLASHED[2021]})
    assert empty.status_code == 422 and one_line(empty) == f"{SLASHED[2021]} has no tasks to compare"


def test_siblings_over_http(client: httpx.Client) -> None:
    body = client.get(url(SIXIAN), params={"with": XIZANG}).json()
    assert body["relation"] == "sibling"
    assert body["shares"]["tasks"] == 19 and body["shares"]["other_tasks"] == 25
