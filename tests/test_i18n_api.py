"""The interface's language over real HTTP (api/language.py): `?lang=` (remembered in a cookie), then the cookie, then
`Accept-Language`, then the POLICYGRAPH_LANG setting; an unknown language falls back; error messages in both."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from policygraph.api.app import create_app
from policygraph.core.i18n import COOKIE
from policygraph.core.settings import Settings
from policygraph.graph.store import GraphStore
from tests.support.live_server import LiveServer

LINXIA = "临州办发〔2021〕76号"


@pytest.fixture(scope="module")
def bare(api: Any) -> Iterator[httpx.Client]:
    """A client of the same server that asks for no language and keeps no cookies between tests."""
    with httpx.Client(base_url=str(api.base_url), timeout=10) as client:
        yield client


def spoken(response: httpx.Response) -> str:
    """The language a page was answered in, from `<html lang>` and checked against `Content-Language`."""
    match = re.search(r'<html lang="([^"]+)">', response.text)
    assert match, response.text[:200]
    assert response.headers["content-language"] == match.group(1)
    return {"zh-Hans": "zh", "en": "en"}[match.group(1)]


def get(client: httpx.Client, url: str, **headers: str) -> httpx.Response:
    client.cookies.clear()
    return client.get(url, headers=headers)


def test_with_nothing_asked_the_page_is_chinese(bare: httpx.Client) -> None:
    page = get(bare, "/")
    assert page.status_code == 200 and spoken(page) == "zh"
    assert "深化医改文件：谁牵头哪项任务" in page.text and ">检索</button>" in page.text
    assert "Accept-Language" in page.headers["vary"] and "set-cookie" not in page.headers


@pytest.mark.parametrize(
    ("header", "language"),
    [("en-US,en;q=0.9", "en"), ("zh-CN,zh;q=0.9,en;q=0.8", "zh"), ("fr-FR, en;q=0.5, zh;q=0.8", "zh"),
     ("fr, de;q=0.9, en;q=0.1", "en"), ("en;q=0, zh;q=0.1", "zh"), ("fr, de", "zh"), ("en;q=x, zh-TW", "zh")],
)  # fmt: skip
def test_accept_language_chooses_among_zh_and_en(bare: httpx.Client, header: str, language: str) -> None:
    assert spoken(get(bare, "/", **{"Accept-Language": header})) == language


def test_lang_parameter_wins_and_sets_a_cookie_that_holds(bare: httpx.Client) -> None:
    chosen = get(bare, "/explore/network?lang=en", **{"Accept-Language": "zh-CN"})
    assert spoken(chosen) == "en" and "Agency collaboration network" in chosen.text
    assert f"{COOKIE}=en" in chosen.headers["set-cookie"] and "Path=/" in chosen.headers["set-cookie"]
    # The next page, without ?lang=: the cookie (kept by the client) beats Accept-Language.
    assert bare.cookies.get(COOKIE) == "en"
    later = bare.get("/explore/diffusion", headers={"Accept-Language": "zh-CN"})
    assert spoken(later) == "en" and "set-cookie" not in later.headers
    # ?lang= beats the cookie, and replaces it.
    back = bare.get("/explore/diffusion?lang=zh")
    assert spoken(back) == "zh" and "扩散：重点项目与国家文件如何逐级传导" in back.text
    assert bare.cookies.get(COOKIE) == "zh"


@pytest.mark.parametrize("unknown", ["fr", "xx-YY", "", "zhx", "%00", "<script>"])
def test_an_unknown_language_falls_back_and_sets_no_cookie(bare: httpx.Client, unknown: str) -> None:
    page = get(bare, "/?lang=" + unknown)
    assert page.status_code == 200 and spoken(page) == "zh" and "set-cookie" not in page.headers
    assert "<script>" not in page.text.split("<main>")[0]  # never echoed into the switch unescaped
    # passed over, not obeyed: the cookie still decides
    bare.cookies.set(COOKIE, "en")
    assert spoken(bare.get("/?lang=" + unknown)) == "en"
    bare.cookies.set(COOKIE, "klingon")
    assert spoken(bare.get("/", headers={"Accept-Language": "en"})) == "en"


def test_the_switch_keeps_the_page_and_its_parameters(bare: httpx.Client) -> None:
    page = get(bare, "/explore/network?sort=degree&directed=true&lang=en")
    switch = re.search(r'<nav class="language"[^>]*>(.*?)</nav>', page.text, re.S)
    assert switch, "no language switch"
    links = dict(re.findall(r'<a lang="(\w+)" hreflang="\w+" href="([^"]+)"', switch.group(1)))
    assert links == {"zh": "/explore/network?sort=degree&amp;directed=true&amp;lang=zh"}
    assert '<strong lang="en" aria-current="true">English</strong>' in switch.group(1)
    followed = bare.get(links["zh"].replace("&amp;", "&"))
    assert spoken(followed) == "zh" and "selected>度</option>" in followed.text


def test_api_errors_speak_the_request_language(bare: httpx.Client) -> None:
    missing = "/documents/" + "no-such-notice"
    chinese = get(bare, missing)
    english = get(bare, missing, **{"Accept-Language": "en"})
    assert chinese.status_code == english.status_code == 404
    assert chinese.json() == {"detail": "没有键为 'no-such-notice' 的文件"}
    assert english.json() == {"detail": "no notice has the key 'no-such-notice'"}
    # a refused parameter keeps FastAPI's shape (loc, msg, type); only `msg` changes language
    chinese = get(bare, "/documents/no-such-notice/compare?with=nothing-either")
    english = get(bare, "/documents/no-such-notice/compare?with=nothing-either&lang=en")
    assert chinese.status_code == english.status_code == 404
    assert "没有键为" in str(chinese.json()["detail"]) and "no notice has the key" in str(english.json()["detail"])


def test_error_pages_speak_it_too(bare: httpx.Client) -> None:
    chinese = get(bare, "/explore/agency/no-such-agency")
    english = get(bare, "/explore/agency/no-such-agency?lang=en")
    assert chinese.status_code == english.status_code == 404
    assert "<h1>未找到</h1>" in chinese.text and "没有键为 &#39;no-such-agency&#39; 的单位" in chinese.text
    assert "<h1>Not found</h1>" in english.text and "no agency has the key &#39;no-such-agency&#39;" in english.text


def test_the_graph_json_tooltips_follow_the_language(bare: httpx.Client) -> None:
    url = "/explore/graph?kind=document&key=" + httpx.URL(LINXIA).raw_path.decode()
    chinese = {n["id"]: n["title"] for n in get(bare, url).json()["nodes"]}
    english = {n["id"]: n["title"] for n in get(bare, url + "&lang=en").json()["nodes"]}
    assert "市级文件" in chinese[LINXIA] and "prefectural notice" in english[LINXIA]


@pytest.mark.parametrize(("setting", "language"), [("en", "en"), ("zh", "zh"), ("fr", "zh"), ("EN-gb", "en")])
def test_the_setting_is_the_default(seeded_store: GraphStore, setting: str, language: str) -> None:
    settings = Settings(POLICYGRAPH_ENGINE=seeded_store.engine, POLICYGRAPH_LANG=setting)
    with LiveServer(create_app(settings, seeded_store)) as server, httpx.Client(base_url=server.url) as client:
        assert spoken(client.get("/")) == language
        assert spoken(client.get("/", headers={"Accept-Language": "zh"})) == "zh"  # the reader's choice first


def test_a_refused_parameter_keeps_its_shape_and_speaks_the_language(bare: httpx.Client) -> None:
    url = "/documents?year_from=2022&year_to=2020"
    chinese, english = get(bare, url), get(bare, url + "&lang=en")
    assert chinese.status_code == english.status_code == 422
    (said_zh,), (said_en,) = chinese.json()["detail"], english.json()["detail"]
    assert said_zh["loc"] == said_en["loc"] and said_zh["type"] == said_en["type"] == "value_error"
    assert said_en["msg"] == "year_to (2020) is before year_from (2022)"
    assert said_zh["msg"] == "year_to（2020）早于 year_from（2022）"
    # the compare page's refusal, as a page, in Chinese
    page = get(bare, "/explore/notice/" + httpx.URL(LINXIA).raw_path.decode() + "/compare?with=" +
               httpx.URL(LINXIA).raw_path.decode())  # fmt: skip
    assert page.status_code == 422 and "文件不能与自身对照" in page.text and "<h1>无法显示此页面</h1>" in page.text


def test_fastapi_validation_messages_are_said_too(bare: httpx.Client) -> None:
    """pydantic's own messages (a depth out of range, a level not in the list) in Chinese; in English unchanged."""
    url = "/documents?level=planet&limit=0"
    chinese, english = get(bare, url), get(bare, url + "&lang=en")
    assert chinese.status_code == english.status_code == 422
    zh = {problem["loc"][-1]: problem["msg"] for problem in chinese.json()["detail"]}
    en = {problem["loc"][-1]: problem["msg"] for problem in english.json()["detail"]}
    assert en["limit"] == "Input should be greater than or equal to 1" and zh["limit"] == "应大于或等于 1"
    assert en["level"].startswith("Input should be 'national'") and zh["level"].startswith("应为 'national'")
    assert [p["type"] for p in chinese.json()["detail"]] == [p["type"] for p in english.json()["detail"]]
