"""The coverage report of a record (ingest/coverage.py): counts, attribution-like text no rule read, empty header
fields and needs_review, on constructed notices (written for these tests) and on the seeds; and how the CLI prints it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policygraph.ingest.coverage import corpus_line, measure, review_line
from policygraph.ingest.extract import extract_text
from policygraph.ingest.normalise import normalise
from policygraph.ingest.record import Deadline, DocumentRecord, Task
from tests.support.cli import run_cli
from tests.support.paths import SEEDS

HEADER = """抚州市人民政府办公室关于印发抚州市深化医药卫生体制改革2024年重点工作任务的通知
抚府办发〔2024〕12号
各县（区）人民政府，市直有关部门：
经市人民政府同意，现将《抚州市深化医药卫生体制改革2024年重点工作任务》印发给你们，请认真贯彻执行。
抚州市人民政府办公室
2024年3月1日
"""
ATTRIBUTED = """一、推进分级诊疗
（一）建设紧密型县域医共体。完善县乡村一体化管理，落实院长负责制。（牵头单位：市卫健委；配合单位：市医保局、市财政局）
（二）推进家庭医生签约服务。扩大签约覆盖面。（市卫健委负责）
"""
PROSE = "（三）完善医保支付方式。推进按病种分值付费改革。由市医保局牵头，市财政局配合。\n"
ASIDE = "（四）提升基层服务能力。开展基层能力提升行动（此项工作市卫健委要牵头抓好）。\n"


def extract(text: str) -> DocumentRecord:
    return extract_text(text, "constructed.txt")


def test_a_fully_attributed_notice_needs_no_review() -> None:
    coverage = extract(HEADER + ATTRIBUTED).coverage
    assert (coverage.tasks, coverage.tasks_with_lead, coverage.tasks_with_cooperating) == (2, 2, 1)
    assert coverage.tasks_with_deadline == 0
    assert coverage.unconsumed == [] and coverage.missing == []
    assert coverage.needs_review is False and coverage.reasons == []


def test_words_that_only_contain_a_cue_are_not_attribution() -> None:
    # 院长负责制 and 负责人 hold 负责 but attribute nothing (ingest/data/attribution_cues.txt, `not:`).
    text = HEADER + ATTRIBUTED.replace("扩大签约覆盖面。", "扩大签约覆盖面，明确负责人(机构负责人)。")
    assert extract(text).coverage.unconsumed == []


def test_a_prose_attribution_no_rule_reads_is_reported_with_its_span_and_task() -> None:
    text = HEADER + ATTRIBUTED + PROSE
    coverage = extract(text).coverage
    [fragment] = coverage.unconsumed
    assert fragment.text == "由市医保局牵头,市财政局配合"
    assert text[fragment.span[0] : fragment.span[1]] == "由市医保局牵头，市财政局配合"  # the original, full-width
    assert fragment.task == 3
    assert coverage.needs_review is True
    assert coverage.reasons == ["1 attribution-like passage(s) no rule read"]


def test_a_bracket_with_a_cue_that_no_rule_reads_is_reported() -> None:
    text = HEADER + ATTRIBUTED + ASIDE
    [fragment] = extract(text).coverage.unconsumed
    assert text[fragment.span[0] : fragment.span[1]] == "（此项工作市卫健委要牵头抓好）"
    assert fragment.task == 3


def test_attribution_like_text_outside_every_task_has_no_task() -> None:
    closing = "二、组织实施\n各项任务由市医改办牵头督促落实。\n"
    [fragment] = extract(HEADER + ATTRIBUTED + closing).coverage.unconsumed
    assert fragment.text == "各项任务由市医改办牵头督促落实" and fragment.task is None


def test_tasks_none_attributed_while_attribution_like_text_exists() -> None:
    coverage = extract(HEADER + "一、推进分级诊疗\n" + PROSE + ASIDE).coverage
    assert (coverage.tasks, coverage.tasks_with_lead, len(coverage.unconsumed)) == (2, 0, 2)
    assert coverage.reasons[0] == "attribution-like text, but no task has a lead"


def test_tasks_without_any_attribution_need_no_review() -> None:
    # A notice that names no agencies at all (like seed 004) is not a miss: nothing looks like an attribution.
    body = "一、推进分级诊疗\n（一）建设紧密型县域医共体。完善县乡村一体化管理。\n（二）推进家庭医生签约服务。扩大签约覆盖面。\n"
    coverage = extract(HEADER + body).coverage
    assert (coverage.tasks, coverage.tasks_with_lead, coverage.needs_review) == (2, 0, False)


def test_a_text_with_no_task_structure_gives_zero_tasks_and_a_warning() -> None:
    record = extract("关于做好春节期间医疗服务保障工作的通知\n请各地认真做好春节期间医疗服务保障工作。\n")
    assert record.tasks == []
    assert record.coverage.tasks == 0 and record.coverage.needs_review is True
    assert record.coverage.reasons[0] == "no tasks found"


def test_empty_header_fields_are_named_with_a_reason() -> None:
    no_number_no_date = HEADER.replace("抚府办发〔2024〕12号\n", "").replace("2024年3月1日\n", "")
    coverage = extract(no_number_no_date + ATTRIBUTED).coverage
    assert [(m.field, m.reason) for m in coverage.missing] == [
        ("doc_no", "no 文号 printed in the header"),
        ("date", "no signed date (成文日期) found after the signature or in the header"),
    ]
    assert coverage.reasons == ["no date"]  # a notice without a 文号 is common: no review for that alone


def test_deadlines_are_counted() -> None:
    text = "一、任务\n(一)甲。(二)乙。(三)丙。"
    tasks = [Task(None, "(一)", "甲", "", (0, 1), deadline=Deadline("2024年9月底前完成", "2024-09-30", "by_date")),
             Task(None, "(二)", "乙", "", (1, 2), deadline=Deadline("持续推进", None, "ongoing")),
             Task(None, "(三)", "丙", "", (2, 3))]  # fmt: skip
    coverage = measure(DocumentRecord("x.txt", tasks=tasks), normalise(text), 0)
    assert coverage.tasks_with_deadline == 2


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_the_seeds_have_no_unread_attribution(seed: Path) -> None:
    record = extract_text(seed.read_text(encoding="utf-8"), str(seed))
    assert record.coverage.unconsumed == []
    assert record.coverage.tasks == len(record.tasks)


def test_the_seeds_without_date_or_issuer_need_review() -> None:
    reasons = {path.name[:3]: extract_text(path.read_text(encoding="utf-8"), str(path)).coverage.reasons
               for path in sorted(SEEDS.glob("*.txt"))}  # fmt: skip
    assert reasons == {"000": [], "001": ["no issuer", "no date"], "002": ["no date"], "003": [], "004": []}


def test_lines_for_people() -> None:
    assert corpus_line(1234, 1260) == "覆盖情况 coverage: 1,234 of 1,260 tasks attributed (97.9%)"
    assert corpus_line(0, 0) == "覆盖情况 coverage: 0 of 0 tasks attributed"
    assert review_line("a.txt", ["no tasks found", "no date"]) == "需复核 needs review: a.txt: no tasks found; no date"


# --- the CLI --------------------------------------------------------------------------------------------------------


def test_extract_json_carries_the_coverage(tmp_path: Path) -> None:
    notice = tmp_path / "prose.txt"
    notice.write_text(HEADER + ATTRIBUTED + PROSE, encoding="utf-8")
    result = run_cli("extract", str(notice))
    assert result.returncode == 0, result.stderr
    coverage = json.loads(result.stdout)["coverage"]
    assert coverage["needs_review"] is True and coverage["tasks_with_lead"] == 2
    assert [f["text"] for f in coverage["unconsumed"]] == ["由市医保局牵头,市财政局配合"]


def test_extract_table_warns_per_notice_and_sums_up(tmp_path: Path) -> None:
    clean, prose = tmp_path / "clean.txt", tmp_path / "prose.txt"
    clean.write_text(HEADER + ATTRIBUTED, encoding="utf-8")
    prose.write_text(HEADER + ATTRIBUTED + PROSE, encoding="utf-8")
    result = run_cli("extract", "--format", "table", str(clean), str(prose))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stdout.splitlines() if line.startswith("需复核")]
    assert warnings == [f"需复核 needs review: {prose}: 1 attribution-like passage(s) no rule read"]
    assert "unread" in result.stdout and "由市医保局牵头,市财政局配合" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "覆盖情况 coverage: 4 of 5 tasks attributed (80.0%)"


def test_ingest_dry_run_warns_and_sums_up_without_an_engine(tmp_path: Path) -> None:
    folder = tmp_path / "notices"
    folder.mkdir()
    (folder / "aside.txt").write_text(HEADER + ATTRIBUTED + ASIDE, encoding="utf-8")
    result = run_cli("ingest", "--dry-run", str(folder))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert f"需复核 needs review: {folder / 'aside.txt'}: 1 attribution-like passage(s) no rule read" in lines
    assert lines[-1] == "覆盖情况 coverage: 2 of 3 tasks attributed (66.7%)"
