"""Task deadlines and the coverage report through the graph on both real engines: the Task and Document properties,
the document detail, the saved questions tasks_due and documents_review, and what `policygraph ingest` prints.

The notices are constructed for these tests. Their deadlines are set on the records by hand: this module tests
loading and asking, not the deadline rules of extraction (tests/test_extract.py has those)."""

from __future__ import annotations

from pathlib import Path

import pytest

from policygraph.analysis import documents
from policygraph.analysis.questions import ask
from policygraph.graph.loader import load_records
from policygraph.graph.store import GraphStore
from policygraph.ingest.coverage import measure
from policygraph.ingest.extract import extract_text
from policygraph.ingest.normalise import normalise
from policygraph.ingest.record import Deadline, DocumentRecord
from tests.support.cli import run_cli
from tests.support.engines import cli_settings

FUZHOU_HEADER = """抚州市人民政府办公室关于印发抚州市深化医药卫生体制改革2024年重点工作任务的通知
抚府办发〔2024〕12号
各县（区）人民政府，市直有关部门：
根据《国务院办公厅关于印发深化医药卫生体制改革2024年重点工作任务的通知》（国办发〔2024〕29号），经市人民政府同意，现印发给你们，请认真贯彻执行。
抚州市人民政府办公室
2024年3月1日
"""
TASKS = """一、推进分级诊疗
（一）建设紧密型县域医共体。完善县乡村一体化管理。（牵头单位：市卫健委；配合单位：市医保局、市财政局）
（二）推进家庭医生签约服务。扩大签约覆盖面。（市卫健委负责）
"""
PROSE = "（三）完善医保支付方式。推进按病种分值付费改革。由市医保局牵头，市财政局配合。\n"
FUZHOU = FUZHOU_HEADER + TASKS + PROSE
GANZHOU = FUZHOU_HEADER.replace("抚州", "赣州").replace("抚府办发", "赣府办发") + TASKS
FUZHOU_KEY, GANZHOU_KEY = "抚府办发〔2024〕12号", "赣府办发〔2024〕12号"
FUZHOU_HEALTH = "抚州市卫生健康委员会"
SEPTEMBER = Deadline("2024年9月底前完成", "2024-09-30", "by_date")
YEAR_END = Deadline("2024年底前完成", "2024-12-31", "by_date")
ONGOING = Deadline("持续推进", None, "ongoing")


def record(text: str, source: str, deadlines: list[Deadline]) -> DocumentRecord:
    """The notice's record with these deadlines on its first tasks, and its coverage measured again."""
    extracted = extract_text(text, source)
    for task, deadline in zip(extracted.tasks, deadlines, strict=False):
        task.deadline = deadline
    extracted.coverage = measure(extracted, normalise(text), 0)
    return extracted


@pytest.fixture
def loaded(store: GraphStore) -> GraphStore:
    """抚州's notice (one prose attribution no rule reads: needs review; deadlines: 9月底, ongoing, none) and 赣州's
    (clean; deadline 年底)."""
    load_records(store, [record(FUZHOU, "fuzhou.txt", [SEPTEMBER, ONGOING]).to_json(),
                         record(GANZHOU, "ganzhou.txt", [YEAR_END]).to_json()])  # fmt: skip
    return store


def test_the_deadline_is_on_the_task_node(loaded: GraphStore) -> None:
    rows = loaded.read("MATCH (t:Task) WHERE t.key STARTS WITH $doc RETURN t.ordinal AS ordinal, "
                       "t.deadline_kind AS kind, t.deadline_date AS date, t.deadline_as_written AS written, "
                       "t.deadline_date IS NULL AS no_date ORDER BY ordinal", {"doc": FUZHOU_KEY})  # fmt: skip
    assert rows == [
        {"ordinal": 1, "kind": "by_date", "date": "2024-09-30", "written": "2024年9月底前完成", "no_date": False},
        {"ordinal": 2, "kind": "ongoing", "date": None, "written": "持续推进", "no_date": True},
        {"ordinal": 3, "kind": "none", "date": None, "written": None, "no_date": True},
    ]


def test_the_detail_gives_each_task_its_deadline(loaded: GraphStore) -> None:
    tasks = documents.detail(loaded, FUZHOU_KEY)["tasks"]
    assert [task["deadline"] for task in tasks] == [SEPTEMBER.to_json(), ONGOING.to_json(), Deadline().to_json()]


def test_the_detail_gives_the_coverage_report(loaded: GraphStore) -> None:
    fuzhou = record(FUZHOU, "fuzhou.txt", [SEPTEMBER, ONGOING])
    coverage = documents.detail(loaded, FUZHOU_KEY)["coverage"]
    assert coverage == fuzhou.coverage.to_json()
    assert coverage["needs_review"] is True and coverage["tasks_with_deadline"] == 2
    assert [(f["text"], f["task"]) for f in coverage["unconsumed"]] == [("由市医保局牵头,市财政局配合", 3)]
    assert documents.detail(loaded, GANZHOU_KEY)["coverage"]["needs_review"] is False


def test_a_stub_has_no_coverage(loaded: GraphStore) -> None:
    stub = documents.detail(loaded, "国办发〔2024〕29号")
    assert stub["stub"] is True and stub["coverage"] is None


def due(store: GraphStore, **given: str) -> list[tuple[str | None, str, int, str]]:
    rows = ask(store, "tasks_due", given).rows
    return [(row["agency"], row["document"], row["position"], row["deadline"]) for row in rows]


def test_tasks_due_by_a_date_by_lead_agency(loaded: GraphStore) -> None:
    assert due(loaded, before="2024-09-30") == [(FUZHOU_HEALTH, FUZHOU_KEY, 1, "2024-09-30")]
    assert due(loaded, before="2024-12-31") == [
        (FUZHOU_HEALTH, FUZHOU_KEY, 1, "2024-09-30"),
        ("赣州市卫生健康委员会", GANZHOU_KEY, 1, "2024-12-31"),
    ]
    assert due(loaded, before="2024-09-29") == []  # the ongoing task and the one with none are never due
    row = ask(loaded, "tasks_due", {"before": "2024-09-30"}).rows[0]
    assert (row["title"], row["deadline_as_written"]) == ("建设紧密型县域医共体", "2024年9月底前完成")


def test_tasks_due_filters(loaded: GraphStore) -> None:
    assert [r[1] for r in due(loaded, before="2024-12-31", region="赣州")] == [GANZHOU_KEY]
    assert [r[1] for r in due(loaded, before="2024-12-31", agency="赣州市卫生健康")] == [GANZHOU_KEY]
    assert [r[1] for r in due(loaded, before="2024-12-31", agency=f"江西省抚州市|{FUZHOU_HEALTH}")] == [FUZHOU_KEY]
    assert due(loaded, before="2024-12-31", agency="医疗保障局") == []  # it cooperates; it leads none of them
    assert due(loaded, before="2024-12-31", level="provincial") == []


def test_a_task_without_a_lead_is_due_without_an_agency(store: GraphStore) -> None:
    load_records(store, [record(FUZHOU, "fuzhou.txt", [Deadline(), Deadline(), SEPTEMBER]).to_json()])
    assert due(store, before="2024-12-31") == [(None, FUZHOU_KEY, 3, "2024-09-30")]
    assert due(store, before="2024-12-31", agency="卫生健康") == []


def test_documents_review_lists_the_notices_that_need_a_look(loaded: GraphStore) -> None:
    [row] = ask(loaded, "documents_review", {}).rows
    assert (row["key"], row["source"], row["task_count"], row["tasks_with_lead"], row["unread_passages"]) == (
        FUZHOU_KEY, "fuzhou.txt", 3, 2, 1)  # fmt: skip
    assert row["reasons"] == ["1 attribution-like passage(s) no rule read"]
    assert [r["key"] for r in ask(loaded, "documents_review", {"region": "抚州", "level": "prefectural"}).rows] == [
        FUZHOU_KEY
    ]
    assert ask(loaded, "documents_review", {"region": "赣州"}).rows == []
    assert ask(loaded, "documents_review", {"year_from": "2025"}).rows == []


def test_ingest_prints_a_warning_per_notice_and_the_share_attributed(
    store: GraphStore, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    folder = tmp_path / "notices"
    folder.mkdir()
    (folder / "fuzhou.txt").write_text(FUZHOU, encoding="utf-8")
    (folder / "ganzhou.txt").write_text(GANZHOU, encoding="utf-8")
    result = run_cli("ingest", str(folder), settings=cli_settings(store.engine, request, tmp_path, graph="test"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line for line in lines if line.startswith("需复核")] == [
        f"需复核 needs review: {folder / 'fuzhou.txt'}: 1 attribution-like passage(s) no rule read"
    ]
    assert "覆盖情况 coverage: 4 of 5 tasks attributed (80.0%)" in lines
