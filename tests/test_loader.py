"""Loading the seeds on both real engines: counts, lineage, idempotence, order, atomicity, identity."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from policygraph.graph.export import canonical_export
from policygraph.graph.ingest_files import extract_file, ingest_paths
from policygraph.graph.loader import load_records
from policygraph.graph.store import GraphStore
from policygraph.ingest.extract import extract_text
from tests.support.paths import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))
KEY_000 = "临州办发〔2021〕76号"
KEY_003 = "晋政办发〔2022〕83号"
KEY_004 = "粤办函〔2024〕267号"


@pytest.fixture(scope="module")
def seed_records() -> list[dict[str, Any]]:
    return [extract_file(path) for path in SEED_FILES]


def key_of(records: list[dict[str, Any]], prefix: str) -> str:
    """The document key of the seed whose file name starts with prefix (001 and 002 have no 文号)."""
    record = next(r for r in records if Path(r["source"]).name.startswith(prefix))
    return record["doc_no"] or f"{record['region']}|{record['year']}|{record['title']}"


def lineage(store: GraphStore, key: str) -> list[tuple[str, str]]:
    rows = store.run("documents_lineage", {"key": key})
    assert len(rows) == 1, rows
    parents = [notice["key"] for notice in rows[0]["notices"][1:]]
    return list(zip(parents, [edge["relation"] for edge in rows[0]["edges"]], strict=True))


def test_seeds_load_with_hand_checked_counts(store: GraphStore) -> None:
    result = ingest_paths(store, [SEEDS])
    assert [o.status for o in result.outcomes] == ["new"] * 5
    summary = store.run("graph_summary")[0]
    assert summary["documents"] == 5
    assert summary["tasks"] == 26 + 19 + 25 + 20 + 22
    leads = store.read("MATCH (:Agency)-[r:LEADS]->(:Task) RETURN count(r) AS n")[0]["n"]
    assert leads == 27 + 19 + 55 + 20 + 0  # lead mentions per seed, from tests/gold


def test_every_seed_reaches_its_national_notice(store: GraphStore, seed_records: list[dict[str, Any]]) -> None:
    load_records(store, seed_records)
    assert lineage(store, KEY_000) == [("甘政办发〔2021〕70号", "explicit"), ("国办发〔2021〕20号", "inferred")]
    assert lineage(store, KEY_003) == [("国办发〔2022〕14号", "explicit")]
    assert lineage(store, KEY_004) == [("国办发〔2024〕29号", "explicit")]
    assert lineage(store, key_of(seed_records, "002")) == [("国办发〔2021〕20号", "inferred")]
    sixian = key_of(seed_records, "001")
    assert lineage(store, sixian) == [("国办发〔2021〕20号", "inferred")]
    reason = store.run("documents_lineage", {"key": sixian})[0]["edges"][0]["reason"]
    assert "prefectural" in reason and "provincial" in reason  # the missing 宿州市 and 安徽省 tiers are named
    stub_rows = store.run("documents_stubs", {"region": None, "year": None, "skip": 0, "limit": 100})
    stubs = {row["key"]: [child["key"] for child in row["children"]] for row in stub_rows}
    assert stubs["甘政办发〔2021〕70号"] == [KEY_000]


def test_ingesting_twice_changes_nothing(store: GraphStore, seed_records: list[dict[str, Any]]) -> None:
    load_records(store, seed_records)
    first = canonical_export(store)
    again = load_records(store, seed_records)
    assert {o.status for o in again.outcomes} == {"unchanged"}
    assert canonical_export(store) == first


def test_the_order_of_ingestion_does_not_matter(store: GraphStore, seed_records: list[dict[str, Any]]) -> None:
    load_records(store, seed_records, batch_size=2)
    forward = canonical_export(store)
    store.clear()
    for record in reversed(seed_records):  # one at a time, backwards: stubs are created before their notices etc.
        load_records(store, [record])
    assert canonical_export(store) == forward


def test_a_changed_notice_replaces_only_its_own_tasks(store: GraphStore, seed_records: list[dict[str, Any]]) -> None:
    load_records(store, seed_records)
    changed = copy.deepcopy(next(r for r in seed_records if r["doc_no"] == KEY_003))
    changed["tasks"] = changed["tasks"][:5]
    changed["sha256"] = "changed"
    outcomes = load_records(store, [changed]).outcomes
    assert [o.status for o in outcomes] == ["replaced"]
    summary = store.run("graph_summary")[0]
    assert summary["tasks"] == 26 + 19 + 25 + 5 + 22
    assert summary["documents"] == 5


def test_a_notice_whose_write_fails_midway_leaves_no_trace(
    store: GraphStore, seed_records: list[dict[str, Any]]
) -> None:
    broken = copy.deepcopy(next(r for r in seed_records if r["doc_no"] == KEY_003))
    # A map is not a valid property value on either engine: the statement fails after the notice's node and
    # several of its tasks were already written inside it.
    broken["tasks"][10]["targets"] = [
        {"text": "90%以上", "kind": "percent", "value": {"not": "allowed"}, "span": [1, 2]}
    ]
    others = [r for r in seed_records if r["doc_no"] != KEY_003]
    result = load_records(store, [*others[:2], broken, *others[2:]])
    failed = result.failed
    assert [o.key for o in failed] == [KEY_003] and failed[0].reason
    assert result.count("new") == 4
    assert store.read("MATCH (d:Document {key: $k}) RETURN d.stub AS stub", {"k": KEY_003}) == []
    assert store.read("MATCH (t:Task) WHERE t.key STARTS WITH $k RETURN count(t) AS n", {"k": KEY_003}) == [{"n": 0}]
    assert store.run("graph_summary")[0]["tasks"] == 26 + 19 + 25 + 22


def test_the_same_abbreviation_in_two_provinces_is_two_agencies(store: GraphStore) -> None:
    shanxi = next(p for p in SEED_FILES if p.name.startswith("003"))
    text = shanxi.read_text(encoding="utf-8")
    guangdong = text.replace("山西", "广东").replace("晋政办发", "粤政办发").replace("太原", "广州")
    records = [extract_text(text, "shanxi.txt", "a").to_json(), extract_text(guangdong, "guangdong.txt", "b").to_json()]
    load_records(store, records)
    rows = store.read(
        "MATCH (a:Agency) WHERE '省卫健委' IN a.aliases RETURN a.name AS name, a.jurisdiction AS j ORDER BY name"
    )
    assert rows == [{"name": "山西省卫生健康委员会", "j": "山西省"}, {"name": "广东省卫生健康委员会", "j": "广东省"}]


def test_a_joint_issuer_is_each_of_its_organs(store: GraphStore) -> None:
    text = (
        "中共遵义市委 遵义市人民政府关于印发遵义市2019年医改重点任务的通知\n遵市发〔2019〕9号\n"
        "一、重点任务\n(一)推进分级诊疗。完善机制。(市卫生健康局负责)\n"
    )
    record = extract_text(text, "zunyi.txt", "c").to_json()
    assert record["issuer_kind"] == "joint"
    load_records(store, [record])
    rows = store.read(
        "MATCH (:Document {key: $key})-[:ISSUED_BY]->(a:Agency) RETURN a.name AS name ORDER BY name",
        {"key": "遵市发〔2019〕9号"},
    )
    assert [row["name"] for row in rows] == sorted(record["issuer"].split("、"))
    assert len(rows) == 2


GANSU_2021 = """甘政办发〔2021〕70号
甘肃省人民政府办公厅关于印发甘肃省深化医药卫生体制改革2021年重点工作任务的通知
各市州人民政府，省政府有关部门：
现将《甘肃省深化医药卫生体制改革2021年重点工作任务》印发给你们，请认真贯彻落实。
甘肃省人民政府办公厅
2021年7月30日
甘肃省深化医药卫生体制改革2021年重点工作任务
根据《国务院办公厅关于印发深化医药卫生体制改革2021年重点工作任务的通知》（国办发〔2021〕20号）精神，提出以下任务。
一、推广三明市医改经验
（一）加强组织领导。各市州调整完善医改领导小组。（牵头单位：省卫生健康委；配合单位：省医保局）
"""


def test_a_stub_becomes_the_full_notice_without_duplicates(
    store: GraphStore, seed_records: list[dict[str, Any]]
) -> None:
    load_records(store, seed_records)
    assert store.read("MATCH (d:Document {key: '甘政办发〔2021〕70号'}) RETURN d.stub AS stub") == [{"stub": True}]
    load_records(store, [extract_text(GANSU_2021, "gansu.txt", "g").to_json()])
    assert store.read("MATCH (d:Document {key: '甘政办发〔2021〕70号'}) RETURN d.stub AS stub") == [{"stub": False}]
    assert lineage(store, KEY_000) == [("甘政办发〔2021〕70号", "explicit"), ("国办发〔2021〕20号", "explicit")]
