"""Corrections on the loaded graph, on both real engines: applied at every ingest, kept on re-ingest, orphans
reported, provenance on edges and notices, carried by the export. The notice is constructed for these tests."""

from __future__ import annotations

import json
from pathlib import Path

from policygraph.graph import corrections
from policygraph.graph.export import canonical_export
from policygraph.graph.ingest_files import ingest_paths
from policygraph.graph.store import GraphStore

KEY = "黄政办发〔2023〕5号"
NOTICE = """黄山市人民政府办公室关于印发黄山市深化医药卫生体制改革2023年重点工作任务的通知
黄政办发〔2023〕5号

各县区人民政府，市政府各部门：
    为贯彻落实国家和省有关部署，现将有关工作任务印发给你们，请认真贯彻执行。
    一、推进医疗资源扩容
    （一）建设紧密型县域医共体。各县区年内完成医共体组建。（牵头单位：市卫生健康委；配合单位：市医保局、市财政局）
    （二）提升基层服务能力。完成乡镇卫生院达标建设。（牵头单位：市卫生健康委；配合单位：市发展改革委）
    二、深化医保支付方式改革
    （三）推进DRG付费。持续推进支付方式改革。（牵头单位：市医保局；配合单位：市卫生健康委）

黄山市人民政府办公室
2023年8月10日
"""
LEAD_FIX = """
[[correction]]
notice = "黄政办发〔2023〕5号"
task = 2
number = "(二)"
title = "提升基层服务能力"
lead = ["黄山市医疗保障局"]
cooperating = ["黄山市卫生健康委员会", "黄山市教育体育局"]
note = "原文牵头单位印错，以盖章件为准"
corrected_on = 2026-12-01
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def roles(store: GraphStore, ordinal: int) -> dict[str, list[tuple[str, str | None, str | None, str | None]]]:
    """Each role of task `ordinal` of the notice: (agency, basis, note, corrected_on), sorted."""
    edges = [json.loads(line) for line in canonical_export(store)["edges"]]
    found: dict[str, list[tuple[str, str | None, str | None, str | None]]] = {"LEADS": [], "COOPERATES_ON": []}
    for edge in edges:
        if edge["type"] in found and edge["target"] == f"{KEY}#{ordinal}":
            p = edge["properties"]
            found[edge["type"]].append((edge["source"].split("|")[1], p["basis"], p.get("note"), p.get("corrected_on")))
    return {kind: sorted(rows) for kind, rows in found.items()}


def test_a_corrected_lead_survives_reingest_and_is_orphaned_when_the_task_goes(
    store: GraphStore, tmp_path: Path
) -> None:
    notice = write(tmp_path, "notice.txt", NOTICE)
    corrections = write(tmp_path, "corrections.toml", "# reviewed in git\n" + LEAD_FIX)
    note, day = "原文牵头单位印错，以盖章件为准", "2026-12-01"
    expected = {
        "LEADS": [("黄山市医疗保障局", "corrected", note, day)],
        "COOPERATES_ON": [
            ("黄山市卫生健康委员会", "corrected", note, day),
            ("黄山市教育体育局", "corrected", note, day),
        ],
    }

    first = ingest_paths(store, [notice], corrections_file=corrections)
    assert (first.corrections_applied, first.orphaned_corrections) == (1, [])
    assert roles(store, 2) == expected
    assert roles(store, 1)["LEADS"] == [("黄山市卫生健康委员会", "explicit", None, None)]  # the others untouched

    again = ingest_paths(store, [notice], corrections_file=corrections)  # the same file: unchanged, still corrected
    assert [o.status for o in again.outcomes] == ["unchanged"]
    assert roles(store, 2) == expected

    write(tmp_path, "notice.txt", NOTICE.replace("（二）提升基层服务能力", "（二）加强基层队伍建设"))
    changed = ingest_paths(store, [notice], corrections_file=corrections)
    assert [o.status for o in changed.outcomes] == ["replaced"]
    assert changed.corrections_applied == 0
    assert changed.orphaned_corrections == [
        f"{corrections}:3: orphaned correction of {KEY}: task 2 is now (二) '加强基层队伍建设', "
        "not (二) '提升基层服务能力'"
    ]
    assert roles(store, 2)["LEADS"] == [("黄山市卫生健康委员会", "explicit", None, None)]  # as extracted again

    dropped = ("（二）", "二、", "（三）")  # a lone （一） is no numbered list: the notice is left with no tasks
    shorter = "".join(line for line in NOTICE.splitlines(keepends=True) if not any(d in line for d in dropped))
    write(tmp_path, "notice.txt", shorter)
    gone = ingest_paths(store, [notice], corrections_file=corrections)
    assert gone.orphaned_corrections == [f"{corrections}:3: orphaned correction of {KEY}: task 2 (二) '提升基层服务能力' "
                                         "is gone: the notice has 0 tasks"]  # fmt: skip


def test_a_notice_s_fields_deadline_and_parent_are_corrected_and_exported(store: GraphStore, tmp_path: Path) -> None:
    notice = write(tmp_path, "notice.txt", NOTICE)
    corrections = write(
        tmp_path,
        "corrections.toml",
        """
[[correction]]
notice = "黄政办发〔2023〕5号"
issuer = "黄山市人民政府"
date = 2023-08-12
region = "安徽省黄山市"
parent = "国卫体改发〔2023〕23号"
note = "签发日期以印发件为准；上级文件为国卫体改发〔2023〕23号"
corrected_on = 2026-12-02

[[correction]]
notice = "黄政办发〔2023〕5号"
task = 3
number = "(三)"
title = "推进DRG付费"
deadline = { kind = "by_date", date = 2023-12-31, as_written = "2023年底前" }
note = "期限见附件"
corrected_on = 2026-12-03
""",
    )
    result = ingest_paths(store, [notice], corrections_file=corrections)
    assert (result.corrections_applied, result.orphaned_corrections) == (2, [])

    export = canonical_export(store)
    nodes = {n["properties"].get("key"): n["properties"] for n in map(json.loads, export["nodes"])}
    doc = nodes[KEY]
    assert (doc["issuer"], doc["date"], doc["region"]) == ("黄山市人民政府", "2023-08-12", "安徽省黄山市")
    assert sorted(doc["corrected_fields"]) == ["date", "issuer", "parent", "region"]
    assert doc["correction_note"] == "签发日期以印发件为准；上级文件为国卫体改发〔2023〕23号"
    task = nodes[f"{KEY}#3"]
    assert (task["deadline_kind"], task["deadline_date"], task["deadline_as_written"]) == (
        "by_date",
        "2023-12-31",
        "2023年底前",
    )
    assert task["corrected_fields"] == ["deadline"]

    edges = [json.loads(line) for line in export["edges"]]
    implements = [e for e in edges if e["type"] == "IMPLEMENTS" and e["source"] == KEY]
    assert [(e["target"], e["properties"]["basis"], e["properties"]["note"]) for e in implements] == [
        ("国卫体改发〔2023〕23号", "corrected", "签发日期以印发件为准；上级文件为国卫体改发〔2023〕23号")
    ]
    issued = [e["target"] for e in edges if e["type"] == "ISSUED_BY" and e["source"] == KEY]
    assert issued == ["安徽省黄山市|黄山市人民政府"]

    again = ingest_paths(store, [notice], corrections_file=corrections)  # lineage recomputed: the parent holds
    assert again.corrections_applied == 2
    assert [
        e for e in map(json.loads, canonical_export(store)["edges"]) if e["type"] == "IMPLEMENTS" and e["source"] == KEY
    ] == implements


COUNTY_KEY = "休政办〔2023〕9号"
COUNTY = """休宁县人民政府办公室关于印发休宁县深化医药卫生体制改革2023年重点工作任务的通知
休政办〔2023〕9号

各乡镇人民政府，县政府各部门：
    根据《黄山市人民政府办公室关于印发黄山市深化医药卫生体制改革2023年重点工作任务的通知》（黄政办发〔2023〕6号）要求，现将有关工作任务印发给你们。
    一、推进医疗资源扩容
    （一）建设紧密型县域医共体。年内完成医共体组建。（牵头单位：县卫生健康委；配合单位：县医保局）
    （二）提升基层服务能力。完成乡镇卫生院达标建设。（牵头单位：县卫生健康委；配合单位：县财政局）

休宁县人民政府办公室
2023年9月1日
"""


def test_a_corrected_doc_no_keeps_the_key_and_takes_the_citations_of_its_stub(
    store: GraphStore, tmp_path: Path
) -> None:
    """The county notice cites the prefecture's notice by its true 文号 (6号); the prefecture's file prints 5号."""
    files = [write(tmp_path, "prefecture.txt", NOTICE), write(tmp_path, "county.txt", COUNTY)]
    fixes = write(
        tmp_path,
        "corrections.toml",
        f"""
[[correction]]
notice = "{KEY}"
doc_no = "黄政办发〔2023〕6号"
note = "文号印错，以盖章件为准"
corrected_on = 2026-12-04
""",
    )
    before = ingest_paths(store, files)  # without the corrections: the county notice cites a stub
    assert before.corrections_applied == 0
    assert ("CITES", COUNTY_KEY, "黄政办发〔2023〕6号") in edges_of(store, "CITES")

    for _ in range(2):  # applied, then kept by a second ingest that finds both files unchanged
        ingest_paths(store, files, corrections_file=fixes)
        nodes = {n["properties"].get("key"): n["properties"] for n in map(json.loads, canonical_export(store)["nodes"])}
        assert nodes[KEY]["doc_no"] == "黄政办发〔2023〕6号" and nodes[KEY]["corrected_fields"] == ["doc_no"]
        assert "黄政办发〔2023〕6号" not in nodes  # the stub is gone: its citation moved to the notice
        assert ("CITES", COUNTY_KEY, KEY) in edges_of(store, "CITES")
        assert ("IMPLEMENTS", COUNTY_KEY, KEY) in edges_of(store, "IMPLEMENTS")  # and lineage follows it


def edges_of(store: GraphStore, kind: str) -> list[tuple[str, str, str]]:
    edges = [json.loads(line) for line in canonical_export(store)["edges"]]
    return [(e["type"], e["source"], e["target"]) for e in edges if e["type"] == kind]


def test_a_notice_written_again_without_its_correction_is_as_extracted(store: GraphStore, tmp_path: Path) -> None:
    notice = write(tmp_path, "notice.txt", NOTICE)
    fixes = write(tmp_path, "corrections.toml", f'[[correction]]\nnotice = "{KEY}"\nissuer = "黄山市人民政府"\n'
                                                'note = "n"\ncorrected_on = 2026-12-05\n')  # fmt: skip
    ingest_paths(store, [notice], corrections_file=fixes)
    assert document(store)["corrected_fields"] == ["issuer"]
    write(tmp_path, "corrections.toml", "")
    write(tmp_path, "notice.txt", NOTICE.replace("完成乡镇卫生院达标建设", "完成全部乡镇卫生院达标建设"))
    assert ingest_paths(store, [notice], corrections_file=fixes).outcomes[0].status == "replaced"
    doc = document(store)
    assert doc["issuer"] == "黄山市人民政府办公室" and "corrected_fields" not in doc and "correction_note" not in doc


def document(store: GraphStore) -> dict[str, object]:
    nodes = {n["properties"].get("key"): n["properties"] for n in map(json.loads, canonical_export(store)["nodes"])}
    found: dict[str, object] = nodes[KEY]
    return found


def test_a_notice_is_named_by_its_key_or_its_file(store: GraphStore, tmp_path: Path) -> None:
    notice = write(tmp_path, "notice.txt", NOTICE)
    ingest_paths(store, [notice])
    assert corrections.notice_key(store, KEY) == KEY
    assert corrections.notice_key(store, str(notice)) == KEY
    assert corrections.notice_key(store, "notice.txt") == KEY
    assert corrections.notice_key(store, "tice.txt") == "tice.txt"  # a whole file name, not a suffix of one
