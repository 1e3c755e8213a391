"""`policygraph correct` as a user runs it (a real process, FalkorDB): a task corrected at once and kept by the next
ingest, refusals in one line naming the file and the line, orphans reported by `check` and by `ingest`."""

from __future__ import annotations

from pathlib import Path

from policygraph.graph.falkordb_store import FalkorDBStore
from tests.support.cli import run_cli
from tests.test_corrections_graph import KEY, NOTICE

GRAPH = "corrections-cli"


def leads(falkordb_url: str, ordinal: int) -> list[tuple[str, str]]:
    with FalkorDBStore(falkordb_url, graph=GRAPH) as store:
        found = store.read(
            "MATCH (a:Agency)-[r:LEADS]->(t:Task {key: $key}) RETURN a.name AS name, r.basis AS basis ORDER BY name",
            {"key": f"{KEY}#{ordinal}"},
        )
    return [(row["name"], row["basis"]) for row in found]


def test_correct_applies_at_once_survives_ingest_and_reports_orphans(falkordb_url: str, tmp_path: Path) -> None:
    fixes = tmp_path / "corrections.toml"
    settings = {"POLICYGRAPH_ENGINE": "falkordb", "FALKORDB_URL": falkordb_url, "POLICYGRAPH_GRAPH": GRAPH,
                "POLICYGRAPH_CORRECTIONS": str(fixes), "POLICYGRAPH_DATA_DIR": str(tmp_path / "data")}  # fmt: skip
    notice = tmp_path / "notice.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    with FalkorDBStore(falkordb_url, graph=GRAPH) as store:
        store.apply_schema()
        store.clear()
    assert run_cli("ingest", str(notice), settings=settings).returncode == 0

    done = run_cli("correct", "task", KEY, "2", "--lead", "黄山市医疗保障局", "--note", "以盖章件为准", "--on",
                   "2026-12-01", settings=settings)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"corrected {KEY}, task 2 (二) 提升基层服务能力: lead ({fixes}:4)" in done.stdout
    assert leads(falkordb_url, 2) == [("黄山市医疗保障局", "corrected")]  # at once, the number and title from the graph
    assert 'number = "(二)"\ntitle = "提升基层服务能力"' in fixes.read_text(encoding="utf-8")

    again = run_cli("ingest", str(notice), settings=settings)
    assert again.returncode == 0 and "corrections: 1 applied, 0 orphaned" in again.stdout
    assert leads(falkordb_url, 2) == [("黄山市医疗保障局", "corrected")]

    refused = run_cli("correct", "task", KEY, "2", "--lead", "黄山市财政局", "--note", "n", settings=settings)
    assert refused.returncode == 1
    assert (
        refused.stderr.strip() == f"policygraph: {fixes}:13: contradicts the correction at line 4: lead set differently"
    )
    unknown = run_cli("correct", "task", KEY, "3", "--title", "推进医保改革", "--lead", "X", "--note", "n",
                      settings=settings)  # fmt: skip
    assert unknown.returncode == 1 and unknown.stderr.count("\n") == 1
    assert f"{fixes}:13: task 3 is now (三) '推进DRG付费', not (三) '推进医保改革'" in unknown.stderr

    notice.write_text(NOTICE.replace("（二）提升基层服务能力", "（二）加强基层队伍建设"), encoding="utf-8")
    changed = run_cli("ingest", str(notice), settings=settings)
    orphan = f"policygraph: {fixes}:4: orphaned correction of {KEY}: task 2 is now (二) '加强基层队伍建设', not (二) '提升基层服务能力'"
    assert changed.returncode == 0 and orphan in changed.stderr.splitlines()
    checked = run_cli("correct", "check", settings=settings)
    assert checked.returncode == 1 and orphan in checked.stderr.splitlines()
    listed = run_cli("correct", "list", "--format", "json", settings=settings)
    assert '"lead": ["黄山市医疗保障局"]' in listed.stdout and '"line": 4' in listed.stdout

    fixes.write_text(fixes.read_text(encoding="utf-8") + '\n[[correction]]\nnotice = "k"\nlevel = "city"\nnote = "n"\n'
                     'corrected_on = 2026-12-06\n', encoding="utf-8")  # fmt: skip
    bad = run_cli("ingest", str(notice), settings=settings)
    assert bad.returncode == 1 and "new" not in bad.stdout and "replaced" not in bad.stdout
    assert [line for line in bad.stderr.splitlines() if line] == [f"policygraph: {fixes}:13: level must be one of national, provincial, "
                                       "prefectural, county, department"]  # fmt: skip
