"""`policygraph extract` and `policygraph eval` as a user runs them: a real process, real files."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.cli import run_cli
from tests.support.paths import GOLD, SEEDS


def test_extract_prints_one_json_line_per_file_in_order() -> None:
    paths = [str(p) for p in sorted(SEEDS.glob("00[03]_*.txt"))]
    result = run_cli("extract", *paths)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert [r["source"] for r in records] == paths
    assert [r["doc_no"] for r in records] == ["临州办发〔2021〕76号", "晋政办发〔2022〕83号"]
    task = records[1]["tasks"][0]
    assert set(task) >= {"section", "number", "title", "lead", "cooperating", "lead_detail", "span"}


def test_a_bad_file_is_one_line_on_stderr_and_the_others_still_print(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    good = next(SEEDS.glob("004_*.txt"))
    result = run_cli("extract", str(empty), str(good), str(missing))
    assert result.returncode == 1
    assert [json.loads(line)["doc_no"] for line in result.stdout.splitlines()] == ["粤办函〔2024〕267号"]
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert str(empty) in errors[0] and "empty" in errors[0]
    assert str(missing) in errors[1] and "not found" in errors[1]


def test_extract_table_format() -> None:
    result = run_cli("extract", "--format", "table", str(next(SEEDS.glob("001_*.txt"))))
    assert result.returncode == 0, result.stderr
    assert "泗县卫生健康委员会" in result.stdout and "安徽省宿州市泗县" in result.stdout


def test_help_teaches_with_examples() -> None:
    result = run_cli("extract", "--help")
    assert result.returncode == 0
    assert "Examples" in result.stdout and "policygraph extract seeds/*.txt" in result.stdout


def test_eval_scores_the_seeds_named_by_the_gold_files() -> None:
    result = run_cli("eval", str(GOLD), "--format", "json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert len(scores["files"]) == len(list(GOLD.glob("*.json")))
    overall = scores["overall"]
    assert overall["task_count"]["f1"] == 1.0
    assert overall["lead"]["f1"] >= 0.98


def test_eval_refuses_a_missing_gold_directory(tmp_path: Path) -> None:
    result = run_cli("eval", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "not a directory" in result.stderr
