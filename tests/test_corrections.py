"""The corrections file (ingest/corrections.py): read, checked, refused with file:line: reason, written back."""

from __future__ import annotations

from pathlib import Path

import pytest

from policygraph.ingest import corrections
from policygraph.ingest.corrections import Correction, CorrectionError, TaskRef
from policygraph.ingest.record import Deadline

TASK = 'notice = "黄政办发〔2023〕5号"\ntask = 2\nnumber = "(二)"\ntitle = "提升基层服务能力"\n'
DATED = 'note = "以盖章件为准"\ncorrected_on = 2026-12-01\n'


def refusal(text: str) -> str:
    with pytest.raises(CorrectionError) as caught:
        corrections.parse_text(text, "fixes.toml")
    return str(caught.value)


def test_a_task_and_a_notice_correction_are_read_with_their_lines() -> None:
    text = (
        "# reviewed in git\n\n[[correction]]\n" + TASK + 'lead = ["黄山市医疗保障局"]\n'
        'deadline = { kind = "by_date", date = 2023-12-31, as_written = "2023年底前" }\n' + DATED
        + '\n[[correction]]\nnotice = "黄政办发〔2023〕5号"\nlevel = "prefectural"\ndate = 2023-08-12\n' + DATED
    )  # fmt: skip
    task, notice = corrections.parse_text(text, "fixes.toml")
    assert (task.line, notice.line) == (3, 13)
    assert task.task == TaskRef(2, "(二)", "提升基层服务能力")
    assert task.lead == ("黄山市医疗保障局",) and task.cooperating is None
    assert task.deadline == Deadline("2023年底前", "2023-12-31", "by_date")
    assert task.changes() == ["lead", "deadline"] and task.corrected_on == "2026-12-01"
    assert dict(notice.fields) == {"level": "prefectural", "date": "2023-08-12"} and notice.task is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[[correction]]\n" + TASK + 'lead = ["A"\n', "fixes.toml:6: not valid TOML"),
        ('[[correction]]\nnotice = \ntask = 2\n', "fixes.toml:2: not valid TOML"),
        ("[[correction]]\n" + TASK + 'leader = ["A"]\n' + DATED, "fixes.toml:1: unknown key 'leader'"),
        ("[[correction]]\n" + TASK + DATED, "fixes.toml:1: corrects nothing"),
        ("[[correction]]\n" + TASK + 'lead = ["A"]\nnote = ""\ncorrected_on = 2026-12-01\n',
         "fixes.toml:1: note must be a non-empty string"),
        ("[[correction]]\n" + TASK + 'lead = ["A"]\n' + 'note = "n"\ncorrected_on = "12/01/2026"\n',
         "fixes.toml:1: corrected_on must be a date"),
        ('[[correction]]\nnotice = "k"\nlead = ["A"]\n' + DATED,
         "fixes.toml:1: lead is a task's: name the task with task, number and title"),
        ('[[correction]]\nnotice = "k"\ntask = 2\nlead = ["A"]\n' + DATED, "fixes.toml:1: number must be a non-empty"),
        ("[[correction]]\n" + TASK + 'issuer = "X"\n' + DATED, "fixes.toml:1: issuer is the notice's"),
        ("[[correction]]\n" + TASK + 'lead = ["A"]\ncooperating = ["B", "A"]\n' + DATED,
         "fixes.toml:1: A is both lead and cooperating"),
        ("[[correction]]\n" + TASK + 'lead = ["A", "A"]\n' + DATED, "fixes.toml:1: lead names an agency twice"),
        ("[[correction]]\n" + TASK + 'deadline = { kind = "by_date" }\n' + DATED,
         "fixes.toml:1: deadline.date is given exactly when deadline.kind is by_date"),
        ('[[correction]]\nnotice = "k"\nlevel = "city"\n' + DATED, "fixes.toml:1: level must be one of"),
        ("[[correction]]\n" + TASK + 'lead = ["A"]\n' + DATED + "\n[[correction]]\n" + TASK + 'lead = ["B"]\n' + DATED,
         "fixes.toml:10: contradicts the correction at line 1: lead set differently"),
        ("[[correction]]\n" + TASK + 'lead = ["A"]\n' + DATED + "\n[[correction]]\n" + TASK + 'cooperating = ["A"]\n'
         + DATED, "fixes.toml:10: A is both lead and cooperating of task 2"),
        ('title = "x"\n', "fixes.toml:1: unknown top-level key 'title'"),
    ],
)  # fmt: skip
def test_bad_corrections_are_refused_with_file_line_and_reason(text: str, reason: str) -> None:
    assert refusal(text).startswith(reason)


def test_the_same_correction_twice_is_no_contradiction() -> None:
    one = "[[correction]]\n" + TASK + 'lead = ["A"]\n' + DATED
    assert len(corrections.parse_text(one + "\n" + one, "fixes.toml")) == 2


def test_appending_keeps_the_file_and_round_trips_hostile_text(tmp_path: Path) -> None:
    path = tmp_path / "fixes.toml"
    path.write_text("# our corrections, reviewed in git\n", encoding="utf-8")
    hostile = 'a "quoted" \\ back\nslash\t<script>alert(1)</script>\x7f\x01'
    fix = Correction(notice="黄政办发〔2023〕5号", note=hostile, corrected_on="2026-12-01",
                     task=TaskRef(2, "(二)", "提升基层服务能力"), lead=("黄山市医疗保障局",), cooperating=())  # fmt: skip
    written = corrections.append(path, fix)
    assert written.line == 3 and written.note == hostile.strip() and written.cooperating == ()
    assert path.read_text(encoding="utf-8").startswith("# our corrections, reviewed in git\n\n[[correction]]\n")
    second = corrections.append(
        path, Correction(notice="k", note="n", corrected_on="2026-12-02", fields={"date": "2023-08-12"})
    )
    assert second.line == 13 and [c.line for c in corrections.read_file(path)] == [3, 13]


def test_a_correction_that_would_contradict_the_file_leaves_it_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "fixes.toml"
    first = Correction(notice="k", note="n", corrected_on="2026-12-01", task=TaskRef(1, "(一)", "t"), lead=("A",))
    corrections.append(path, first)
    before = path.read_text(encoding="utf-8")
    with pytest.raises(CorrectionError, match=r"fixes.toml:13: contradicts the correction at line 4"):
        corrections.append(path, Correction(notice="k", note="n", corrected_on="2026-12-01",
                                            task=TaskRef(1, "(一)", "t"), lead=("B",)))  # fmt: skip
    assert path.read_text(encoding="utf-8") == before


def test_refused_by_the_caller_means_not_written(tmp_path: Path) -> None:
    path = tmp_path / "fixes.toml"

    def refuse(new: Correction) -> None:
        raise CorrectionError(f"{path}:{new.line}", "no such task")

    with pytest.raises(CorrectionError, match="no such task"):
        corrections.append(
            path, Correction(notice="k", note="n", corrected_on="2026-12-01", fields={"issuer": "X"}), refuse
        )
    assert not path.exists()


def test_a_missing_file_has_no_corrections(tmp_path: Path) -> None:
    assert corrections.read_file(tmp_path / "none.toml") == []
