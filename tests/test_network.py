"""Agency collaboration networks (analysis/network*.py) on the five seeds, on both engines, against values worked out
by hand from the gold records in tests/gold/ — and on tiny hand-made networks where the measures are known exactly.

Abbreviations in the arithmetic below (seed 000, 临夏州; collectives such as 各县市人民政府 and 各相关部门 left out):
W 卫健委, D 发改委, F 财政局, R 人社局, Y 医保局, G 国资委, B 编办, I 工信局, S 市场监管局, J 教育局, P 公安局,
K 科技局, X 宣传部, N 网信办, M 民政局, T 体育局, Z 深改办. Seed 003 (山西) spells its agencies out.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from pathlib import Path

import networkx as nx
import pytest

from policygraph.analysis import network, network_measures, network_two_mode
from policygraph.analysis.network import Slice, TaskAgency
from policygraph.graph.store import GraphStore
from policygraph.ingest.divisions import region_prefix
from tests.support.cli import CliResult, run_cli
from tests.support.engines import cli_settings

LINXIA = "临州办发〔2021〕76号"
SHANXI = "晋政办发〔2022〕83号"
SHANXI_WJW = "山西省|山西省卫生健康委员会"
LINXIA_WJW = "甘肃省临夏回族自治州|临夏回族自治州卫生健康委员会"
LINXIA_YBJ = "甘肃省临夏回族自治州|临夏回族自治州医疗保障局"
LINXIA_KJJ = "甘肃省临夏回族自治州|临夏回族自治州科学技术局"
LINXIA_SGB = "甘肃省临夏回族自治州|临夏回族自治州深化医药卫生体制改革领导小组办公室"


def measures_of(answer: network.NetworkAnswer, key: str) -> network_measures.AgencyMeasures:
    return next(a for a in answer.agencies if a.key == key)


# --- seed 003, 山西: one agency's degree, weighted degree, lead share ---------------------------------------------


def test_shanxi_health_commission_degree_and_weighted_degree(seeded_store: GraphStore) -> None:
    answer = network.network_of(seeded_store, Slice(document=SHANXI))
    wjw = measures_of(answer, SHANXI_WJW)
    # 省卫健委 shares a task with every other agency of the notice: 发改委, 教育厅 (一); 人社厅 (二); 医保局, 乡村振兴局
    # (三); 深改办 (五); 财政厅 (六); 市场监管局, 药监局 (十); 编办, 民政厅 (十一); 体育局 (十四); 税务局, 银保监局
    # (十七); 工信厅 (十八); 公安厅 (二十) → 16 agencies, and the notice has 17.
    assert wjw.degree == 16 and answer.network.nodes == 17
    # Weighted: the other agencies on each of its 20 tasks, (一)…(二十):
    # 2+2+3+1+1+3+3+2+3+3+2+0+0+2+1+1+4+3+3+5 = 44.
    assert wjw.weighted_degree == 44
    # Nobody else reaches everyone: it is the only agency of degree 16.
    assert [a.key for a in network.sort_agencies(answer.agencies, "degree")][:1] == [SHANXI_WJW]


def test_shanxi_health_commission_lead_share(seeded_store: GraphStore) -> None:
    wjw = measures_of(network.network_of(seeded_store, Slice(document=SHANXI)), SHANXI_WJW)
    # Leads (二)(三)(四)(十)(十一)(十二)(十三)(十四)(十五) = 9; cooperates on (一)(五)(六)(七)(八)(九)(十六)(十七)
    # (十八)(十九)(二十) = 11; lead share 9 / (9 + 11) = 0.45.
    assert (wjw.tasks_led, wjw.tasks_cooperated, wjw.lead_share) == (9, 11, 0.45)


def test_collectives_become_nodes_when_asked(seeded_store: GraphStore) -> None:
    answer = network.network_of(seeded_store, Slice(document=SHANXI, collectives=True))
    wjw = measures_of(answer, SHANXI_WJW)
    # Three collectives join: 各市人民政府 (一), 各市、县人民政府 ((二) as written, (三)-(二十) by the standing clause),
    # 各相关部门 (十一). Degree 16 + 3 = 19; weighted 44 + 1 + 19 + 1 = 65.
    assert (wjw.degree, wjw.weighted_degree, answer.network.nodes) == (19, 65, 20)


def test_directed_network_points_from_lead_to_cooperating(seeded_store: GraphStore) -> None:
    answer = network.network_of(seeded_store, Slice(document=SHANXI), is_directed=True)
    wjw = measures_of(answer, SHANXI_WJW)
    # Out: the cooperating agencies of the 9 tasks it leads: (二) 发改委 人社厅, (三) 人社厅 医保局 乡村振兴局, (四) 医保局,
    # (十) 市场监管局 医保局 药监局, (十一) 编办 民政厅, (十四) 教育厅 体育局, (十五) 财政厅 → 11 distinct, 2+3+1+3+2+2+1 = 14.
    assert (wjw.out_degree, wjw.weighted_out_degree) == (11, 14)
    # In: the leads of the 11 tasks it cooperates on: 发改委 (一)(十九), 深改办 (五), 医保局 (六)(七)(八)(十七),
    # 财政厅 (九)(十六), 工信厅 (十八), 教育厅 (二十) → 6 distinct, 11 in all.
    assert (wjw.in_degree, wjw.weighted_in_degree) == (6, 11)
    assert wjw.degree == 11 + 6 and answer.network.directed


# --- seed 000, 临夏州: density, components, k-core -----------------------------------------------------------------


def test_linxia_density(seeded_store: GraphStore) -> None:
    answer = network.network_of(seeded_store, Slice(document=LINXIA))
    # 17 agencies (W D F R Y G B I S J P K X N M T Z); task (一) names only a collective, so 25 of 26 tasks count.
    # Edges, counted agency by agency with each pair once: W–everyone but Z 15; D (F R G B Y J I P S K) 10;
    # F (R G B Y I P S K) 8; R (G B Y J K) 5; G (B Y) 2; B (Y J) 2; Y (I S J P) 4; I (S P) 2; S (P X N J M T) 6;
    # J (X N M T) 4; X (N M T) 3; N (M T) 2; M (T) 1 → 64. Density 64 / (17·16/2) = 64 / 136 = 0.470588.
    assert (answer.network.nodes, answer.network.edges, answer.network.tasks) == (17, 64, 25)
    assert answer.network.density == round(64 / 136, 6)


def test_linxia_components_and_isolate(seeded_store: GraphStore) -> None:
    answer = network.network_of(seeded_store, Slice(document=LINXIA))
    # 深改办 leads (二) with only 各相关部门 (a collective, left out): alone, so 2 components — 16 agencies and Z.
    assert (answer.network.components, answer.network.largest_component, answer.network.isolates) == (2, 16, 1)
    assert measures_of(answer, LINXIA_SGB).component == 2 and measures_of(answer, LINXIA_WJW).component == 1


def test_linxia_main_core(seeded_store: GraphStore) -> None:
    answer = network.network_of(seeded_store, Slice(document=LINXIA))
    # K (科技局) is only on (十九) with W D F R: degree 4, core number 4. Without K and Z every agency keeps ≥ 6
    # neighbours (P: W D I F Y S; X, N, M, T: the six of (二十); G: W B D F R Y; I: W Y S D P F), so the 6-core is the
    # other 15; no 7-core: dropping the degree-6 agencies (P X N M T G) leaves I, S, J, B with 5, then W D F R Y alone.
    assert answer.network.max_core == 6 and len(answer.network.main_core) == 15
    assert LINXIA_KJJ not in answer.network.main_core and LINXIA_SGB not in answer.network.main_core
    kjj, sgb = measures_of(answer, LINXIA_KJJ), measures_of(answer, LINXIA_SGB)
    assert (kjj.core_number, kjj.position, sgb.core_number, sgb.position) == (4, "periphery", 0, "periphery")
    assert measures_of(answer, LINXIA_WJW).position == "core"


def test_every_seed_together(seeded_store: GraphStore) -> None:
    answer = network.network_of(seeded_store, Slice())
    # No agency belongs to two jurisdictions, so no edge crosses notices: 临夏 2 components (above), 泗县 1 and 西藏 1
    # (their 卫健委 is on every task naming an agency), 山西 1 (above); 广东's notice names none → 5, four notices.
    assert (answer.network.components, answer.network.documents) == (5, 4)
    assert {a.component for a in answer.agencies} == {1, 2, 3, 4, 5}


def test_slices_roll_up_regions_and_filter_levels_and_years(seeded_store: GraphStore) -> None:
    def documents(where: Slice) -> set[str]:
        return {row.document for row in network.fetch(seeded_store, where)}

    assert documents(Slice(region="甘肃省")) == {LINXIA}  # the prefecture's notice, under its province
    assert documents(Slice(level="provincial", year_from=2022)) == {SHANXI}  # 广东 2024 names no agency
    assert len(documents(Slice(year_to=2021))) == 3
    assert documents(Slice(document="no such notice")) == set()


def test_adjacency_matrix(seeded_store: GraphStore) -> None:
    rows = network.fetch(seeded_store, Slice(document=LINXIA))
    matrix = [line.split(",") for line in network.adjacency_csv(rows).splitlines()]
    header = matrix[0]
    assert header[0] == "agency" and len(header) == 18 and header[1:] == sorted(header[1:])
    cell = {(row[0], key): int(value) for row in matrix[1:] for key, value in zip(header[1:], row[1:], strict=True)}
    # W and Y are both on (四)(五)(七)(八)(九)(十)(十四)(十五)(十七)(十八)(二十二)(二十五)(二十六) = 13.
    assert cell[(LINXIA_WJW, LINXIA_YBJ)] == cell[(LINXIA_YBJ, LINXIA_WJW)] == 13
    assert cell[(LINXIA_WJW, LINXIA_WJW)] == 0
    directed = [line.split(",") for line in network.adjacency_csv(rows, is_directed=True).splitlines()]
    arrow = {(row[0], key): int(value) for row in directed[1:] for key, value in zip(header[1:], row[1:], strict=True)}
    # W leads, Y cooperates: (四)(五)(十四)(十五)(十七)(十八)(二十六) = 7; Y leads, W cooperates: (七)(九)(十)(二十五) = 4.
    assert (arrow[(LINXIA_WJW, LINXIA_YBJ)], arrow[(LINXIA_YBJ, LINXIA_WJW)]) == (7, 4)


def test_two_mode_summary(seeded_store: GraphStore) -> None:
    rows = network.fetch(seeded_store, Slice(document=SHANXI))
    summary = network_two_mode.summary(rows)
    # 20 tasks × 17 agencies; 20 lead links + 44 cooperating (65 in the gold less 21 collective ones); nobody both
    # leads and cooperates on one task, so 64 edges; density 64 / 340. (十二)(十三) name 卫健委 alone; (二十) names 6.
    assert (summary.tasks, summary.agencies, summary.edges) == (20, 17, 64)
    assert (summary.lead_links, summary.cooperate_links, summary.density) == (20, 44, round(64 / 340, 6))
    assert (summary.single_agency_tasks, summary.max_agencies_on_a_task, summary.components) == (2, 6, 1)
    busiest = network_two_mode.task_loads(rows)[0]
    assert (busiest.number, busiest.agencies, busiest.leads, busiest.cooperating) == ("(二十)", 6, 1, 5)


# --- tiny hand-made networks: the edge cases -----------------------------------------------------------------------


def row(task: str, agency: str, role: network.Role) -> TaskAgency:
    return TaskAgency(task=task, number=None, title=None, document="doc", year=2021, level="county", region="r",
                      agency=agency, name=agency, jurisdiction="r", kind="agency", role=role)  # fmt: skip


def star() -> list[TaskAgency]:
    """A leads three tasks, with B, C and D cooperating on one each."""
    return [row("t1", "A", "lead"), row("t1", "B", "cooperate"), row("t2", "A", "lead"), row("t2", "C", "cooperate"),
            row("t3", "A", "lead"), row("t3", "D", "cooperate")]  # fmt: skip


def test_empty_network_does_not_crash() -> None:
    answer = network.analyse([])
    assert answer.agencies == []
    assert (answer.network.nodes, answer.network.density, answer.network.components) == (0, 0.0, 0)
    assert (answer.network.max_core, answer.network.main_core, answer.network.degree_centralization) == (0, [], 0.0)
    assert network.adjacency_csv([]) == "agency\n"
    assert network_two_mode.summary([]).density == 0.0


def test_one_agency_alone() -> None:
    answer = network.analyse([row("t1", "A", "lead")], is_directed=True)
    (a,) = answer.agencies
    assert (a.degree, a.betweenness, a.eigenvector, a.pagerank, a.lead_share) == (0, 0.0, 0.0, 1.0, 1.0)
    assert (a.position, answer.network.isolates, answer.network.main_core) == ("periphery", 1, [])


def test_star_is_fully_centralised() -> None:
    answer = network.analyse(star())
    # Degrees 3, 1, 1, 1: Σ(3 − dᵢ) = 6 over (n−1)(n−2) = 6 → 1. Density 3 / 6. A is on every shortest path between
    # the leaves: betweenness 3 pairs / 3 possible = 1.
    assert (answer.network.degree_centralization, answer.network.density) == (1.0, 0.5)
    a = measures_of(answer, "A")
    assert (a.betweenness, a.eigenvector, a.tasks_led, a.lead_share) == (1.0, 1.0, 3, 1.0)
    leaf = measures_of(answer, "B")
    # The leaves' eigenvector share, for a star: 1/√3 of the hub's.
    assert leaf.eigenvector == pytest.approx(3**-0.5, abs=1e-5) and leaf.lead_share == 0.0
    directed = network.analyse(star(), is_directed=True)
    # Out-degrees 3, 0, 0, 0: Σ = 9 over (n−1)² = 9 → 1; in-degrees 0, 1, 1, 1: Σ = 1 over 9.
    assert directed.network.out_degree_centralization == 1.0
    assert directed.network.in_degree_centralization == round(1 / 9, 6)


def test_lead_and_cooperate_on_one_task_is_one_agency_there() -> None:
    rows = [row("t1", "A", "lead"), row("t1", "A", "cooperate"), row("t1", "B", "cooperate")]
    answer = network.analyse(rows, is_directed=True)
    a = measures_of(answer, "A")
    assert (a.tasks_led, a.tasks_cooperated, a.lead_share) == (1, 1, 0.5)
    assert (answer.network.edges, a.out_degree, a.in_degree) == (1, 1, 0)  # A → B only, no self-loop
    assert network.analyse(rows).network.edges == 1


def test_ties_are_broken_by_key_and_runs_repeat() -> None:
    rows = [*star(), row("t4", "E", "lead"), row("t4", "F", "cooperate")]
    first = network.analyse(rows, sort="degree")
    assert [a.key for a in first.agencies] == ["A", "B", "C", "D", "E", "F"]
    assert network.analyse(list(reversed(rows)), sort="degree") == first
    # Two components: {A B C D} first (larger), {E F}; each has its own top at eigenvector 1.
    assert [(a.key, a.component, a.eigenvector) for a in first.agencies if a.eigenvector == 1.0] == [
        ("A", 1, 1.0), ("E", 2, 1.0), ("F", 2, 1.0)]  # fmt: skip


@pytest.mark.parametrize("directed", [False, True])
def test_betweenness_by_component_equals_networkx_on_the_whole_graph(directed: bool) -> None:
    # The reference is networkx itself on the whole graph: a path, a triangle with a tail, a pair and an isolate.
    graph = nx.DiGraph() if directed else nx.Graph()
    graph.add_edges_from([("a", "b"), ("b", "c"), ("c", "d"), ("e", "f"), ("f", "g"), ("g", "e"), ("g", "h"),
                          ("i", "j")])  # fmt: skip
    graph.add_node("k")
    whole = nx.betweenness_centrality(graph, normalized=True)
    assert network_measures.betweenness_by_component(graph) == pytest.approx(whole, abs=1e-12)
    assert whole["b"] > 0 and whole["g"] > 0  # not a vacuous comparison of zeros


def test_formula_like_names_are_defused_in_the_csv() -> None:
    text = network.adjacency_csv([row("t1", "=cmd", "lead"), row("t1", "B", "cooperate")])
    assert text.splitlines()[0] == "agency,'=cmd,B"


def test_matrix_is_refused_above_its_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(network, "MAX_MATRIX_AGENCIES", 3)
    with pytest.raises(network.MatrixTooLarge, match="the slice has 4 agencies"):
        network.adjacency_csv(star())


def test_unknown_region_and_sort_are_refused() -> None:
    assert region_prefix("甘肃") == "甘肃省" and region_prefix("中国") is None
    with pytest.raises(ValueError, match="no region"):
        region_prefix("火星")
    with pytest.raises(ValueError, match="sort is one of"):
        network.sort_agencies([], "size")  # type: ignore[arg-type]


# --- the command ---------------------------------------------------------------------------------------------------


@pytest.fixture
def policygraph(seeded_store: GraphStore, request: pytest.FixtureRequest, tmp_path: Path) -> Callable[..., CliResult]:
    """Runs `policygraph network …` against the seeded graph of this engine."""
    return partial(run_cli, "network", settings=cli_settings(seeded_store.engine, request, tmp_path))


def test_command_prints_the_league_table(policygraph: Callable[..., CliResult]) -> None:
    done = policygraph("--document", SHANXI, "--sort", "degree", "--top", "3")
    assert done.returncode == 0, done.stderr
    assert "山西省卫生健康委员会" in done.stdout
    assert "17 agencies" in done.stdout and "components 1" in done.stdout
    as_json = policygraph("--region", "临夏州", "--format", "json")
    answer = json.loads(as_json.stdout)
    assert (answer["network"]["edges"], answer["network"]["density"]) == (64, round(64 / 136, 6))
    for args in (["--document", "no such notice"], ["--region", "火星"], ["--sort", "size"], ["--level", "city"]):
        refused = policygraph(*args)
        assert refused.returncode == 1 and refused.stdout == "", args
        assert refused.stderr.count("\n") == 1 and refused.stderr.startswith("policygraph: "), refused.stderr
