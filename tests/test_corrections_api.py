"""POST and GET /documents/{key}/corrections on both real engines: behind the key, applied to the graph at once,
refused whole with the file, the line and the reason."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from policygraph.api.app import create_app
from policygraph.core.settings import Settings
from policygraph.graph.ingest_files import ingest_paths
from policygraph.graph.store import GraphStore
from tests.support.live_server import TEST_API_KEY, LiveServer
from tests.test_corrections_graph import KEY, LEAD_FIX, NOTICE

URL = f"/documents/{quote(KEY, safe='')}/corrections"
TASK_2 = {"task": 2, "number": "(二)", "title": "提升基层服务能力"}


@pytest.fixture
def served(store: GraphStore, tmp_path: Path) -> Iterator[tuple[httpx.Client, Path]]:
    """The API over a graph holding the constructed notice, with a corrections file of its own."""
    notice = tmp_path / "notice.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    fixes = tmp_path / "corrections.toml"
    ingest_paths(store, [notice], corrections_file=fixes)
    settings = Settings.model_validate({"POLICYGRAPH_ENGINE": store.engine, "POLICYGRAPH_API_KEY": TEST_API_KEY,
                                       "POLICYGRAPH_CORRECTIONS": str(fixes), "POLICYGRAPH_CACHE_SECONDS": 0})  # fmt: skip
    with LiveServer(create_app(settings, store)) as server, httpx.Client(base_url=server.url, timeout=20) as client:
        yield client, fixes


def post(client: httpx.Client, body: dict[str, Any], key: str | None = TEST_API_KEY) -> httpx.Response:
    return client.post(URL, json=body, headers={"X-API-Key": key} if key else {})


def leads(client: httpx.Client, ordinal: int) -> list[tuple[str, str]]:
    task = client.get(f"/documents/{quote(KEY, safe='')}").json()["tasks"][ordinal - 1]
    return [(role["name"], role["basis"]) for role in task["leads"]]


def test_a_correction_is_applied_at_once_and_listed(served: tuple[httpx.Client, Path]) -> None:
    client, fixes = served
    assert leads(client, 2) == [("黄山市卫生健康委员会", "explicit")]
    answer = post(
        client, {**TASK_2, "lead": ["黄山市医疗保障局"], "note": "以盖章件为准", "corrected_on": "2026-12-01"}
    )
    assert answer.status_code == 201, answer.text
    assert answer.json()["line"] == 4 and answer.json()["correction"]["lead"] == ["黄山市医疗保障局"]
    assert leads(client, 2) == [("黄山市医疗保障局", "corrected")]
    listed = client.get(URL).json()
    assert [(c["line"], c["correction"]["note"], c["orphaned"]) for c in listed["corrections"]] == [
        (4, "以盖章件为准", None)
    ]
    assert 'lead = ["黄山市医疗保障局"]' in fixes.read_text(encoding="utf-8")


def test_without_the_key_nothing_is_written(served: tuple[httpx.Client, Path]) -> None:
    client, fixes = served
    body = {**TASK_2, "lead": ["黄山市医疗保障局"], "note": "n"}
    assert post(client, body, key=None).status_code == 401
    assert post(client, body, key="wrong-key-wrong-key").status_code == 401
    assert not fixes.exists() and leads(client, 2) == [("黄山市卫生健康委员会", "explicit")]


@pytest.mark.parametrize(
    ("body", "status", "reason"),
    [
        ({"task": 2, "number": "(二)", "title": "加强基层队伍建设", "lead": ["X"], "note": "n"}, 422,
         "corrections.toml:4: task 2 is now (二) '提升基层服务能力', not (二) '加强基层队伍建设'"),
        ({"task": 9, "number": "(九)", "title": "t", "lead": ["X"], "note": "n"}, 422,
         "corrections.toml:4: task 9 (九) 't' is gone: the notice has 3 tasks"),
        ({**TASK_2, "lead": ["X"], "cooperating": ["X"], "note": "n"}, 422, "correction refused: X is both lead and cooperating"),
        ({**TASK_2, "note": "n"}, 422, "correction refused: corrects nothing"),
        ({"issuer": "X", "note": "n", **TASK_2}, 422, "correction refused: issuer is the notice's"),
    ],
)  # fmt: skip
def test_bad_corrections_are_refused_whole(served: tuple[httpx.Client, Path], body: dict[str, Any], status: int,
                                           reason: str) -> None:  # fmt: skip
    client, fixes = served
    answer = post(client, body)
    assert answer.status_code == status and reason in answer.json()["detail"], answer.text
    assert not fixes.exists()


def test_a_contradiction_with_the_file_is_refused(served: tuple[httpx.Client, Path]) -> None:
    client, fixes = served
    assert post(client, {**TASK_2, "lead": ["黄山市医疗保障局"], "note": "n"}).status_code == 201
    before = fixes.read_text(encoding="utf-8")
    answer = post(client, {**TASK_2, "lead": ["黄山市财政局"], "note": "n"})
    assert (
        answer.status_code == 422
        and "corrections.toml:13: contradicts the correction at line 4" in answer.json()["detail"]
    )
    assert fixes.read_text(encoding="utf-8") == before and leads(client, 2) == [("黄山市医疗保障局", "corrected")]


def test_an_unknown_notice_is_404_and_writes_off_is_503(served: tuple[httpx.Client, Path], store: GraphStore) -> None:
    client, _ = served
    answer = client.post("/documents/%E9%BB%84%E6%94%BF%E5%8A%9E%E5%8F%91%E3%80%942099%E3%80%951%E5%8F%B7/corrections",
                         json={"issuer": "X", "note": "n"}, headers={"X-API-Key": TEST_API_KEY})  # fmt: skip
    assert answer.status_code == 404
    closed = Settings.model_validate({"POLICYGRAPH_ENGINE": store.engine, "POLICYGRAPH_API_KEY": None})
    with LiveServer(create_app(closed, store)) as server, httpx.Client(base_url=server.url) as other:
        assert (
            other.post(URL, json={"issuer": "X", "note": "n"}, headers={"X-API-Key": TEST_API_KEY}).status_code == 503
        )


def test_the_notice_page_says_a_refused_file_without_its_path(served: tuple[httpx.Client, Path]) -> None:
    client, fixes = served
    fixes.write_text('[[correction]]\nnotice = "k"\nleader = ["A"]\n', encoding="utf-8")
    page = client.get(f"/explore/notice/{quote(KEY, safe='')}", headers={"Accept-Language": "en"})
    assert page.status_code == 200
    assert "The corrections file is refused, none of it is applied: line 1: unknown key &#39;leader&#39;" in page.text
    chinese = client.get(f"/explore/notice/{quote(KEY, safe='')}", headers={"Accept-Language": "zh"})
    assert "更正文件被拒绝，所有更正均未生效： 第 1 行: unknown key &#39;leader&#39;" in chinese.text
    assert str(fixes.parent) not in page.text
    assert client.get(URL).status_code == 422  # the JSON route refuses it with file and line


def test_an_upload_applies_the_corrections_file(served: tuple[httpx.Client, Path]) -> None:
    client, fixes = served
    fixes.write_text(LEAD_FIX, encoding="utf-8")
    changed = NOTICE.replace("完成乡镇卫生院达标建设", "完成全部乡镇卫生院达标建设").encode("utf-8")
    answer = client.post("/documents/upload", files={"file": ("notice.txt", changed)},
                         headers={"X-API-Key": TEST_API_KEY})  # fmt: skip
    assert answer.status_code == 200 and answer.json()["status"] == "replaced", answer.text
    assert leads(client, 2) == [("黄山市医疗保障局", "corrected")]
