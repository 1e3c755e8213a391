"""Diffusion analyses (analysis/diffusion.py, analysis/diffusion_notices.py) on both engines.

Expected values are read off the seeds: 三明医改经验 appears in tasks of 泗县 (2021, no date), 山西 (晋政办发〔2022〕83号,
2022-09-30, in two tasks) and 广东 (粤办函〔2024〕267号, 2024-08-21); the 临夏 and 西藏
notices name it only in their preambles. 国办发〔2021〕20号 is dated 2021-05-24 (graph/data/national_notices.csv) and
临州办发〔2021〕76号 2021-10-27: 7 + 30 + 31 + 31 + 30 + 27 = 156 days. No national notice is loaded as text, so no
seed programme has a national mention: every one is bottom-up. The labels' other cases are checked on small graphs
built here.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from policygraph.analysis.diffusion import Mention, label, precedes, programme_diffusion, programme_diffusions
from policygraph.analysis.diffusion_notices import lag_days, notice_diffusion, notice_diffusions
from policygraph.analysis.diffusion_summary import programme_summaries
from policygraph.graph.loader import load_records
from policygraph.graph.store import GraphStore
from tests.support.cli import CliResult, run_cli
from tests.support.engines import cli_settings

SANMING = "三明医改经验"
SIXIAN = "安徽省宿州市泗县|2021|泗县深化医药卫生体制改革2021年-2022年重点工作任务"
XIZANG = ("西藏自治区|2021|西藏自治区深化医药卫生体制改革领导小组关于印发《西藏自治区2021年深化医药卫生体制改革重点工作"
          "任务》的通知")  # fmt: skip
LINXIA = "临州办发〔2021〕76号"
GANSU = "甘政办发〔2021〕70号"
SHANXI = "晋政办发〔2022〕83号"
GUANGDONG = "粤办函〔2024〕267号"
NATIONAL_2021 = "国办发〔2021〕20号"
NATIONAL_2022 = "国办发〔2022〕14号"
LOCAL_TIERS = ["provincial", "prefectural", "county"]


# --- the seeds ---------------------------------------------------------------------------------------------------


def test_sanming_adoption_by_year_and_tier(seeded_store: GraphStore) -> None:
    found = programme_diffusion(seeded_store, SANMING)
    assert found is not None
    assert [(m.key, m.tier, m.year) for m in found.mentions] == [
        (SIXIAN, "county", 2021), (SHANXI, "provincial", 2022), (GUANGDONG, "provincial", 2024)
    ]  # fmt: skip
    assert [m.tasks for m in found.mentions] == [1, 2, 1]
    assert found.regions == 3 and found.notices == 3
    assert found.regions_by_tier == {"national": 0, "provincial": 2, "prefectural": 0, "county": 1}
    assert [s.year for s in found.series] == [2021, 2022, 2023, 2024]  # 2023 adds nobody but is a step
    assert [s.added["county"] for s in found.series] == [["安徽省宿州市泗县"], [], [], []]
    assert [s.added["provincial"] for s in found.series] == [[], ["山西省"], [], ["广东省"]]
    assert [s.cumulative["provincial"] for s in found.series] == [0, 1, 1, 2]
    assert [s.total for s in found.series] == [1, 2, 2, 3]
    assert (found.first_year, found.last_year) == (2021, 2024)


def test_sanming_is_bottom_up_with_no_national_mention(seeded_store: GraphStore) -> None:
    found = programme_diffusion(seeded_store, SANMING)
    assert found is not None
    assert found.label == "bottom-up" and found.first_national is None and found.local_before_national == 0


def test_every_seed_programme_is_listed_and_bottom_up(seeded_store: GraphStore) -> None:
    found = {p.name: p for p in programme_diffusions(seeded_store)}
    assert {SANMING, "紧密型县域医共体", "DRG/DIP支付方式改革", "家庭医生签约服务"} <= set(found)
    assert {p.label for p in found.values()} == {"bottom-up"}
    # 紧密型县域医共体: 西藏 and 泗县 2021 (临夏's notice too), 广东 2024 — one region per tier but national.
    county_alliance = found["紧密型县域医共体"]
    assert county_alliance.regions_by_tier == {"national": 0, "provincial": 2, "prefectural": 1, "county": 1}


def test_an_unknown_programme_has_no_diffusion(seeded_store: GraphStore) -> None:
    assert programme_diffusion(seeded_store, "不存在的计划") is None
    assert programme_diffusion(seeded_store, "三明经验") is None  # synonyms are resolved by the API, not here


def test_national_2021_reaches_every_tier_through_its_descendants(seeded_store: GraphStore) -> None:
    found = notice_diffusion(seeded_store, NATIONAL_2021)
    assert found is not None and found.date == "2021-05-24" and found.registry and found.stub
    rows = {i.key: (i.tier, i.parent, i.kinds, i.kind, i.hops, i.lag_days) for i in found.implementations}
    assert rows == {
        GANSU: ("provincial", NATIONAL_2021, ["inferred"], "inferred", 1, None),  # a stub: no date
        XIZANG: ("provincial", NATIONAL_2021, ["inferred"], "inferred", 1, None),  # a web page: no signed date
        LINXIA: ("prefectural", GANSU, ["explicit", "inferred"], "inferred", 2, 156),
        SIXIAN: ("county", NATIONAL_2021, ["inferred"], "inferred", 1, None),
    }
    assert [i.tier for i in found.implementations] == ["provincial", "provincial", "prefectural", "county"]
    assert found.tiers_reached == LOCAL_TIERS and found.tiers_missing == []
    assert found.median_lag_days == 156


def test_national_2022_reaches_only_the_province(seeded_store: GraphStore) -> None:
    found = notice_diffusion(seeded_store, NATIONAL_2022)
    assert found is not None
    assert [(i.key, i.kind, i.lag_days) for i in found.implementations] == [(SHANXI, "explicit", 149)]
    assert found.tiers_reached == ["provincial"] and found.tiers_missing == ["prefectural", "county"]


def test_every_registry_notice_is_listed_even_without_descendants(seeded_store: GraphStore) -> None:
    found = {n.key: n for n in notice_diffusions(seeded_store)}
    # graph/data/national_notices.csv rows with a 文号: 2015, 2016, 2017, 2021, 2022, 2023, 2024.
    assert len(found) == 7 and all(n.registry for n in found.values())
    assert found["国办发〔2016〕26号"].implementations == []
    assert found["国办发〔2016〕26号"].tiers_missing == LOCAL_TIERS
    assert [(i.key, i.lag_days) for i in found["国办发〔2024〕29号"].implementations] == [(GUANGDONG, 79)]


def test_a_local_notice_is_not_a_national_one(seeded_store: GraphStore) -> None:
    assert notice_diffusion(seeded_store, SHANXI) is None
    assert notice_diffusion(seeded_store, "国办发〔1999〕1号") is None


# --- labels on graphs built here --------------------------------------------------------------------------------


def record(level: str, region: str, year: int, date: str | None, programmes: list[str]) -> dict[str, Any]:
    """A minimal notice whose one task mentions the programmes (outside the series: no lineage is computed)."""
    title = f"{region}{year}年{level}测试通知"
    return {
        "source": f"{title}.txt", "doc_no": None, "doc_no_prefix": None, "issuer": None, "level": level,
        "region": region, "date": date, "year": year, "title": title, "sha256": hashlib.sha256(title.encode()).hexdigest(),
        "cited": [],
        "tasks": [{"section": "一", "number": "(一)", "title": "任务", "text": "任务", "span": [0, 2], "lead": [],
                   "cooperating": [], "lead_basis": [], "cooperating_basis": [], "lead_detail": [],
                   "cooperating_detail": [], "programmes": programmes, "targets": []}],
    }  # fmt: skip


LABEL_RECORDS = [
    record("provincial", "山西省", 2019, "2019-06-01", ["甲计划", "丙计划"]),
    record("national", "中国", 2020, "2020-05-01", ["甲计划", "乙计划", "丙计划", "丁计划"]),
    record("provincial", "广东省", 2020, "2020-03-01", ["丁计划"]),  # same year, both dated, earlier
    record("county", "安徽省宿州市泗县", 2020, None, ["甲计划"]),  # same year, undated: not earlier
    record("prefectural", "甘肃省临夏回族自治州", 2021, "2021-02-01", ["甲计划", "乙计划"]),
]


@pytest.fixture
def labelled(store: GraphStore) -> GraphStore:
    assert not load_records(store, LABEL_RECORDS).failed
    return store


def test_labels_top_down_bottom_up_and_mixed(labelled: GraphStore) -> None:
    found = {p.name: p for p in programme_diffusions(labelled)}
    # 甲: 山西 2019 before the national 2020-05-01; 泗县 2020 (undated) and 临夏 2021 after → mixed.
    assert (found["甲计划"].label, found["甲计划"].local_before_national) == ("mixed", 1)
    assert found["乙计划"].label == "top-down"  # national 2020, then 临夏 2021
    assert found["丙计划"].label == "bottom-up"  # 山西 2019, then national 2020
    assert found["丁计划"].label == "bottom-up"  # 广东 2020-03-01 before national 2020-05-01
    first = found["甲计划"].first_national
    assert first is not None and (first.tier, first.region, first.date) == ("national", "中国", "2020-05-01")


SUMMARY_FIELDS = ("name", "label", "notices", "regions", "regions_by_tier", "first_year", "last_year",
                  "first_national", "local_before_national")  # fmt: skip


def summary_of(found: Any) -> tuple[Any, ...]:
    return tuple(getattr(found, name) for name in SUMMARY_FIELDS)


def test_engine_counted_summaries_match_the_full_computation(labelled: GraphStore) -> None:
    counted = {p.name: p for p in programme_summaries(labelled)}
    assert {name: p.label for name, p in counted.items()} == {
        "甲计划": "mixed", "乙计划": "top-down", "丙计划": "bottom-up", "丁计划": "bottom-up"
    }  # fmt: skip
    assert [summary_of(p) for p in programme_diffusions(labelled)] == [summary_of(counted[n]) for n in sorted(counted)]


def test_engine_counted_summaries_on_the_seeds(seeded_store: GraphStore) -> None:
    counted = {p.name: p for p in programme_summaries(seeded_store)}
    sanming = counted[SANMING]
    assert (sanming.label, sanming.regions, sanming.notices, sanming.first_year, sanming.last_year) == (
        "bottom-up", 3, 3, 2021, 2024
    )  # fmt: skip
    assert sanming.regions_by_tier == {"national": 0, "provincial": 2, "prefectural": 0, "county": 1}
    assert [summary_of(p) for p in programme_diffusions(seeded_store)] == [
        summary_of(counted[n]) for n in sorted(counted)
    ]


def test_mixed_programme_series_counts_each_tier(labelled: GraphStore) -> None:
    found = programme_diffusion(labelled, "甲计划")
    assert found is not None
    assert [(s.year, s.cumulative) for s in found.series] == [
        (2019, {"national": 0, "provincial": 1, "prefectural": 0, "county": 0}),
        (2020, {"national": 1, "provincial": 1, "prefectural": 0, "county": 1}),
        (2021, {"national": 1, "provincial": 1, "prefectural": 1, "county": 1}),
    ]
    assert found.series[1].added["national"] == ["中国"]


def mention(tier: str, year: int | None, date: str | None = None, key: str = "k") -> Mention:
    return Mention(key, None, None, tier, tier, "r", year, date, False, 1)


def test_precedence_uses_dates_only_when_both_are_known() -> None:
    assert precedes(mention("provincial", 2019), mention("national", 2020, "2020-01-01"))
    assert precedes(mention("provincial", 2020, "2020-01-01"), mention("national", 2020, "2020-02-01"))
    assert not precedes(mention("provincial", 2020), mention("national", 2020, "2020-02-01"))
    assert not precedes(mention("provincial", 2020, "2020-02-01"), mention("national", 2020, "2020-02-01"))
    assert not precedes(mention("provincial", None), mention("national", 2020))


def test_label_edge_cases() -> None:
    assert label([]) is None
    assert label([mention("national", 2020)]) == "top-down"  # only the national notice mentions it
    assert label([mention("county", 2020)]) == "bottom-up"
    # The first national mention counts: a local one between two national ones follows the first.
    assert label([mention("national", 2018, key="a"), mention("county", 2019), mention("national", 2020, key="b")]) == (
        "top-down"
    )


def test_lag_is_null_without_both_dates() -> None:
    assert lag_days("2021-05-24", "2021-10-27") == 156
    assert lag_days("2021-05-24", None) is None
    assert lag_days(None, "2021-10-27") is None
    assert lag_days("2021-05-24", "not a date") is None


# --- the command -------------------------------------------------------------------------------------------------


@pytest.fixture
def policygraph(seeded_store: GraphStore, request: pytest.FixtureRequest, tmp_path: Path) -> Callable[..., CliResult]:
    """Runs `policygraph diffusion …` against the seeded graph of this engine."""
    return partial(run_cli, "diffusion", settings=cli_settings(seeded_store.engine, request, tmp_path))


def test_command_prints_the_adoption_table_and_label(
    policygraph: Callable[..., CliResult],
) -> None:
    done = policygraph("三明经验")
    assert done.returncode == 0, done.stderr
    assert "label: bottom-up" in done.stdout and "first national mention: none" in done.stdout
    assert "+山西省" in done.stdout and "+广东省" in done.stdout and "+安徽省宿州市泗县" in done.stdout


def test_command_json_is_the_api_answer(policygraph: Callable[..., CliResult]) -> None:
    done = policygraph("--notice", NATIONAL_2021, "--format", "json")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["tiers_reached"] == LOCAL_TIERS and answer["implementations_count"] == 4
    assert {i["key"]: i["lag_days"] for i in answer["implementations"]}[LINXIA] == 156


def test_command_writes_the_chart(
    policygraph: Callable[..., CliResult], seeded_store: GraphStore, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    path = tmp_path / "sanming.svg"
    done = policygraph(SANMING, "--svg", str(path))
    assert done.returncode == 0, done.stderr
    svg = path.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and svg.count('class="series"') == 4 and "县级 (1)" in svg  # POLICYGRAPH_LANG: zh
    english = {**cli_settings(seeded_store.engine, request, tmp_path), "POLICYGRAPH_LANG": "en"}
    done = run_cli("diffusion", SANMING, "--svg", str(path), settings=english)
    assert done.returncode == 0 and "county (1)" in path.read_text(encoding="utf-8"), done.stderr


def test_command_errors_are_one_line(policygraph: Callable[..., CliResult]) -> None:
    for args in (["不存在的计划"], ["--notice", SHANXI], ["--svg", "x.svg"], [SANMING, "--format", "xml"]):
        done = policygraph(*args)
        assert done.returncode == 1 and done.stdout == "", args
        assert done.stderr.count("\n") == 1 and done.stderr.startswith("policygraph: "), done.stderr
