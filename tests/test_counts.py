"""The pre-aggregated lead counts (graph/counts.py) on both real engines: they equal a direct aggregation over the
LEADS and COOPERATES_ON edges, the rankings read from them equal the rankings counted over every edge, and refreshing
only the agencies a replaced notice touched gives the same rows as rebuilding them all."""

from __future__ import annotations

import copy
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bench.common import extract_one
from policygraph.analysis.agencies import function_ranking
from policygraph.graph import counts, ranks
from policygraph.graph.ingest_files import extract_file, ingest_paths
from policygraph.graph.loader import load_records
from policygraph.graph.store import GraphStore
from tests.support.paths import SEEDS
from tests.support.synthetic import generate

GENERATED = 200

# The rankings as they were counted before the counts existed, over every LEADS edge: the reference the rankings
# read from the counts must equal.
SCAN_TOP_LEADS = """
MATCH (a:Agency)-[l:LEADS]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE ($collectives OR coalesce(a.kind, '') <> 'collective')
  AND ($level IS NULL OR d.level = $level) AND ($region IS NULL OR d.region STARTS WITH $region)
  AND ($year_from IS NULL OR d.year >= $year_from) AND ($year_to IS NULL OR d.year <= $year_to)
  AND (size($basis) = 0 OR l.basis IN $basis)
WITH a, count(DISTINCT t) AS task_count
ORDER BY task_count DESC, a.name, a.key
SKIP $skip LIMIT $limit
MATCH (a)-[l:LEADS]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE ($level IS NULL OR d.level = $level) AND ($region IS NULL OR d.region STARTS WITH $region)
  AND ($year_from IS NULL OR d.year >= $year_from) AND ($year_to IS NULL OR d.year <= $year_to)
  AND (size($basis) = 0 OR l.basis IN $basis)
WITH DISTINCT a, task_count, t, d
ORDER BY d.year, d.key, t.ordinal
WITH a, task_count, collect({key: t.key, document: d.key, number: t.number, title: t.title, year: d.year}) AS tasks
RETURN a.key AS key, a.name AS name, a.jurisdiction AS jurisdiction, a.kind AS kind, a.function AS function,
       task_count, tasks[0..$task_cap] AS tasks
ORDER BY task_count DESC, name, key
"""
SCAN_TOP_FUNCTIONS = """
MATCH (a:Agency)-[l:LEADS]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE ($collectives OR coalesce(a.kind, '') <> 'collective')
  AND ($level IS NULL OR d.level = $level) AND ($region IS NULL OR d.region STARTS WITH $region)
  AND ($year_from IS NULL OR d.year >= $year_from) AND ($year_to IS NULL OR d.year <= $year_to)
  AND (size($basis) = 0 OR l.basis IN $basis)
WITH DISTINCT coalesce(a.function, a.name) AS function, a, t, d
WITH function, a, collect({key: t.key, document: d.key, number: t.number, title: t.title, year: d.year,
                           ordinal: t.ordinal}) AS led
ORDER BY size(led) DESC, a.key
WITH function, collect({key: a.key, name: a.name, jurisdiction: a.jurisdiction, kind: a.kind, tasks: size(led)})
                 AS agencies, collect(led) AS lists
UNWIND lists AS led
UNWIND led AS task
WITH function, agencies, task
ORDER BY task.year, task.document, task.ordinal
WITH function, agencies, collect(DISTINCT task) AS tasks
RETURN function, size(tasks) AS task_count, tasks[0..$task_cap] AS tasks, size(agencies) AS agency_count,
       agencies[0..$agency_cap] AS agencies
ORDER BY task_count DESC, function
SKIP $skip LIMIT $limit
"""
EDGES = """
MATCH (a:Agency)-[l:LEADS|COOPERATES_ON]->(t:Task)<-[:HAS_TASK]-(d:Document)
RETURN a.key AS agency, type(l) AS role, l.basis AS basis, t.key AS task, d.level AS level, d.region AS region,
       d.year AS year
"""
ROWS = "MATCH (c:{label}) RETURN properties(c) AS row ORDER BY c.key"


@pytest.fixture(scope="module")
def seed_records() -> list[dict[str, Any]]:
    return [extract_file(path) for path in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="module")
def generated_records() -> list[dict[str, Any]]:
    return [extract_one((name, text)) for name, text, _ in generate(GENERATED, seed=17)]


COUNT_LABELS = ("LeadCount", "FunctionLeadCount")


def count_rows(store: GraphStore) -> dict[str, list[dict[str, Any]]]:
    return {label: [row["row"] for row in store.read(ROWS.format(label=label))]
            for label in (*COUNT_LABELS, "Ranking")}  # fmt: skip


def assert_heads_of(kept: list[dict[str, Any]], rebuilt: list[dict[str, Any]], keep: int) -> int:
    """Ranking rows changed in place equal rebuilt ones, except that a list cut short may have lost entries off
    its end (graph/ranks.py): each is then the head of the rebuilt list, at least half as long. Returns how many
    lists are shorter."""
    assert [row["key"] for row in kept] == [row["key"] for row in rebuilt]
    shortened = 0
    for mine, theirs in zip(kept, rebuilt, strict=True):
        listed = len(mine.get("keys") or [])
        shortened += listed < len(theirs.get("keys") or [])
        assert listed >= min(keep // 2, len(theirs.get("keys") or [])), mine["key"]
        for field in ("keys", "names", "counts"):
            assert (mine.get(field) or []) == (theirs.get(field) or [])[:listed], (mine["key"], field)
        assert {k: v for k, v in mine.items() if k not in ("keys", "names", "counts")} == {
            k: v for k, v in theirs.items() if k not in ("keys", "names", "counts")
        }
    return shortened


def direct_counts(store: GraphStore) -> dict[tuple[Any, ...], tuple[int, int]]:
    """(agency, level, region, year, basis) → (distinct tasks led, cooperated on), straight from the edges."""
    tasks: dict[tuple[Any, ...], dict[str, set[str]]] = {}
    for e in store.read(EDGES):
        cell = tasks.setdefault((e["agency"], e["level"], e["region"], e["year"], e["basis"]), {})
        cell.setdefault(e["role"], set()).add(e["task"])
    return {k: (len(v.get("LEADS", ())), len(v.get("COOPERATES_ON", ()))) for k, v in tasks.items()}


def stored_counts(store: GraphStore) -> dict[tuple[Any, ...], tuple[int, int]]:
    return {(r["agency"], r.get("level"), r.get("region"), r.get("year"), r.get("basis")): (r["leads"], r["cooperates"])
            for r in count_rows(store)["LeadCount"]}  # fmt: skip


def filters(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Filters of every kind the API takes, with a region and years the records do have."""
    regions = Counter(
        str(r["region"]).split("省")[0] + "省" for r in records if r.get("region") and "省" in r["region"]
    )
    years = sorted({r["year"] for r in records if r.get("year")})
    middle = years[len(years) // 2]
    region = regions.most_common(1)[0][0] if regions else None
    return [
        {},
        {"collectives": True},
        {"level": "provincial"},
        {"level": "county", "collectives": True},
        {"region": region},
        {"region": region, "year_from": middle},
        {"year_from": middle, "year_to": middle},
        {"region": region, "level": "county", "year_from": middle, "year_to": middle, "collectives": True},
        {"year_from": years[0], "year_to": middle},
        {"basis": ["sole"]},
        {"basis": ["explicit", "first_listed"], "collectives": True},
        {"basis": ["respective"], "region": region, "year_to": middle},
        {"skip": 3, "limit": 4},
    ]


def params_of(given: dict[str, Any]) -> dict[str, Any]:
    defaults: dict[str, Any] = {"level": None, "region": None, "year_from": None, "year_to": None, "basis": [], "collectives": False,
                "task_cap": 20, "agency_cap": 20, "skip": 0, "limit": 1000}  # fmt: skip
    return {**defaults, **given}


def same(found: list[dict[str, Any]], expected: list[dict[str, Any]]) -> bool:
    """Equal as JSON (keys sorted), so that a count of 17.0 (a float sum) is not taken for 17."""
    return json.dumps(found, sort_keys=True) == json.dumps(expected, sort_keys=True)


def assert_rankings_match_the_scan(store: GraphStore, records: list[dict[str, Any]]) -> None:
    """The rankings added up from the count rows, and those read from the rankings kept ready (graph/ranks.py) for
    the filters that have one, equal the rankings counted over every edge."""
    kept = 0
    for given in filters(records):
        params = params_of(given)
        scanned = {"agency": store.read(SCAN_TOP_LEADS, params), "function": store.read(SCAN_TOP_FUNCTIONS, params)}
        assert same(store.run("agency_top_leads", params), scanned["agency"]), given
        assert same(store.run("agency_top_lead_functions", params), scanned["function"]), given  # the saved question
        assert same(function_ranking(store, "agency_top_lead_functions_page", params), scanned["function"]), given
        for kind, query in (("agency", "agency_top_leads"), ("function", "agency_top_lead_functions_page")):
            cell = ranks.cell_for(kind, params["level"], params["region"], params["year_from"], params["year_to"],
                                  params["basis"], params["collectives"])  # fmt: skip
            page = {**params, "limit": min(params["limit"], ranks.KEEP - params["skip"])}  # a page a cell lists
            if cell is not None and ranks.serves(store, cell, page["skip"] + page["limit"]):
                kept += 1
                scan = SCAN_TOP_LEADS if kind == "agency" else SCAN_TOP_FUNCTIONS
                ranked_query, ranked_params = f"{query}_ranked", {**page, "cell": cell.key}
                ranked = (store.run(ranked_query, ranked_params) if kind == "agency"
                          else function_ranking(store, ranked_query, ranked_params))  # fmt: skip
                assert same(ranked, store.read(scan, page)), (kind, given)
    assert kept == 16  # the 8 filters without a basis or a year range, both kinds: the comparison is not vacuous


def test_the_counts_of_the_seeds_are_those_of_the_edges(store: GraphStore, seed_records: list[dict[str, Any]]) -> None:
    load_records(store, seed_records)
    written = counts.refresh(store)
    direct = direct_counts(store)
    assert written == len(direct) and stored_counts(store) == direct
    # 西藏's 卫健委 leads 17 tasks (11 sole, 6 respective: tests/test_api_agencies.py).
    xizang = {k[4]: v[0] for k, v in direct.items() if k[0] == "西藏自治区|西藏自治区卫生健康委员会" and v[0]}
    assert xizang == {"sole": 11, "respective": 6}
    assert_rankings_match_the_scan(store, seed_records)


def test_the_counts_of_generated_notices_are_those_of_the_edges(
    store: GraphStore, generated_records: list[dict[str, Any]]
) -> None:
    load_records(store, generated_records)
    counts.refresh(store)
    assert stored_counts(store) == direct_counts(store)
    assert_rankings_match_the_scan(store, generated_records)


def test_function_rows_written_a_few_years_at_a_time_equal_one_write(
    store: GraphStore, generated_records: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_records(store, generated_records)
    counts.refresh(store)
    whole = count_rows(store)
    sizes = store.run("agency_counts_function_sizes", {"functions": None})
    plan = counts.plan_function_writes(sizes, 40)
    assert any(w.years for w in plan) and any(len(w.functions) > 1 for w in plan)  # both kinds of write are made
    monkeypatch.setattr(counts, "EDGES_PER_WRITE", 40)
    counts.refresh(store)
    assert count_rows(store) == whole


@pytest.mark.parametrize("keep", [ranks.KEEP, 5])
def test_a_refresh_of_the_touched_agencies_equals_a_full_one(
    store: GraphStore, generated_records: list[dict[str, Any]], keep: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With 5 entries kept, most rankings are cut short: changing them in place, or recomputing them when an entry
    # loses its place, must still give what a full rebuild gives.
    monkeypatch.setattr(ranks, "KEEP", keep)
    load_records(store, generated_records)
    counts.refresh(store)
    before = count_rows(store)
    # Replace every tenth notice by one with only its first task: some agencies lose tasks, some vanish.
    changed = []
    for record in generated_records[::10]:
        replacement = copy.deepcopy(record)
        replacement["tasks"] = replacement["tasks"][:1]
        replacement["sha256"] = f"changed-{record['sha256']}"
        changed.append(replacement)
    touched_query = """MATCH (d:Document)-[:HAS_TASK]->(:Task)<-[:LEADS|COOPERATES_ON]-(a:Agency)
                       WHERE d.source IN $sources RETURN DISTINCT a.key AS key"""
    sources = [r["source"] for r in changed]
    touched = {row["key"] for row in store.read(touched_query, {"sources": sources})}
    assert [o.status for o in load_records(store, changed).outcomes] == ["replaced"] * len(changed)
    touched |= {row["key"] for row in store.read(touched_query, {"sources": sources})}
    counts.refresh(store, touched)
    partial = count_rows(store)
    assert partial != before  # the replacement did change counts: the comparison below is not vacuous
    counts.refresh(store)
    rebuilt = count_rows(store)
    assert {label: rebuilt[label] for label in COUNT_LABELS} == {label: partial[label] for label in COUNT_LABELS}
    assert assert_heads_of(partial["Ranking"], rebuilt["Ranking"], keep) > 0  # some lists did lose entries
    assert stored_counts(store) == direct_counts(store)
    assert_rankings_match_the_scan(store, generated_records)


CORRECTED_NOTICE = """宣城市人民政府办公室关于印发宣城市深化医药卫生体制改革2022年重点工作任务的通知
宣政办发〔2022〕9号

各县市区人民政府，市政府各部门：
    现将有关工作任务印发给你们，请认真贯彻执行。
    一、推进分级诊疗
    （一）推进紧密型县域医共体建设。年内实现县域全覆盖。（牵头单位：市卫生健康委；配合单位：市医保局）
    （二）做实家庭医生签约服务。提高重点人群签约率。（牵头单位：市卫生健康委；配合单位：市财政局）

宣城市人民政府办公室
2022年6月1日
"""
CORRECTIONS = """
[[correction]]
notice = "宣政办发〔2022〕9号"
region = "安徽省宣城市宣州区"
level = "county"
note = "实为宣州区转发件"
corrected_on = 2026-12-06

[[correction]]
notice = "宣政办发〔2022〕9号"
task = 2
number = "(二)"
title = "做实家庭医生签约服务"
lead = ["宣城市医疗保障局"]
cooperating = ["宣城市卫生健康委员会"]
note = "牵头单位以盖章件为准"
corrected_on = 2026-12-06
"""


def test_corrections_keep_the_counts_those_of_the_edges(store: GraphStore, tmp_path: Path) -> None:
    """A corrected lead moves a task between agencies, a corrected region and level move a notice to another place:
    the count rows of every agency involved follow, without a full refresh."""
    notice, corrections = tmp_path / "notice.txt", tmp_path / "corrections.toml"
    notice.write_text(CORRECTED_NOTICE, encoding="utf-8")
    corrections.write_text(CORRECTIONS, encoding="utf-8")
    result = ingest_paths(store, [notice], corrections_file=corrections)
    assert (result.corrections_applied, result.orphaned_corrections) == (2, [])
    counted = stored_counts(store)
    assert counted == direct_counts(store)
    assert {(key[1], key[2]) for key in counted} == {("county", "安徽省宣城市宣州区")}, "counted where corrected"
    assert any(key[0].endswith("医疗保障局") and leads == 1 for key, (leads, _) in counted.items())
