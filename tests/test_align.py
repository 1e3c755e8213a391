"""The task aligner (graph/align.py): its precision and recall on the hand-judged gold, and the style rules of the
genre — an attribution bracket, a deadline, a number, a slogan heading or boilerplate alone never make two tasks
align; a paraphrase with other agencies and dates does; a merged task aligns with each of its parts.

Pure functions, no engine. `pytest -s tests/test_align.py` prints the gold's figures.
"""

from __future__ import annotations

import pytest

from bench.bench_align import Comparison, evaluate, judged, line, load_gold
from policygraph.graph.align import THRESHOLD, AlignTask, align, scores, wording
from policygraph.ingest.scoring import Counts

# --- the gold --------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gold() -> list[Comparison]:
    return load_gold()


def test_the_gold_is_read_on_the_tasks_it_was_judged_on(gold: list[Comparison]) -> None:
    # Positions index the extracted tasks: a change in the extractor's segmentation must show here, not as a score.
    counts = {c.a: len(c.a_tasks) for c in gold} | {c.b: len(c.b_tasks) for c in gold}
    assert counts == {"P000": 17, "P003": 21, "000": 26, "001": 19, "002": 25, "003": 20}
    assert gold[0].a_tasks[0].title == "全面学习推广三明医改经验" and gold[0].b_tasks[1].title == "建立健全部门联动"
    for c in gold:
        assert all(1 <= i <= len(c.a_tasks) and 1 <= j <= len(c.b_tasks) for i, j in c.aligned)


def _report(name: str, score: Counts) -> None:
    print(f"\n{name} at THRESHOLD {THRESHOLD}: {line(score)}")


@pytest.mark.parametrize("half", ["calibration", "held_out"])
def test_parent_and_child_align_with_precision_and_recall_of_at_least_0_9(gold: list[Comparison], half: str) -> None:
    score = evaluate([c for c in gold if c.kind == "parent" and c.half == half], THRESHOLD)
    _report(f"parent ~ child, {half}", score)
    assert score.precision >= 0.9 and score.recall >= 0.9


@pytest.mark.parametrize("half", ["calibration", "held_out"])
def test_the_whole_gold_per_half(gold: list[Comparison], half: str) -> None:
    """Siblings included: independently written local notices re-word far more than a child re-words its parent, and
    there the aligner stays below the 0.9 goal (docs/alignment.md); this pins the measured level so it cannot slip."""
    comparisons = [c for c in gold if c.half == half]
    score = evaluate(comparisons, THRESHOLD)
    _report(f"all comparisons, {half}", score)
    for c in comparisons:
        print(f"  {c.a} ~ {c.b} ({c.kind}): {line(judged(c, THRESHOLD))}")
    assert score.precision >= 0.85 and score.recall >= 0.8


def test_the_seeds_siblings_align_on_the_tasks_they_share(gold: list[Comparison]) -> None:
    siblings = [c for c in gold if c.kind == "sibling"]
    score = evaluate(siblings, THRESHOLD)
    _report("the three 2021 local seeds, pairwise", score)
    assert score.precision >= 0.8 and score.recall >= 0.75
    # One clear case per pair: the same national task re-worded by two localities.
    found = {(c.a, c.b, i, j) for c in siblings for i, j in _found(c)}
    assert {("000", "001", 7, 18), ("000", "002", 9, 12), ("001", "002", 18, 21)} <= found


def _found(c: Comparison) -> set[tuple[int, int]]:
    index = {t.key: i for i, t in enumerate(c.a_tasks, 1)} | {t.key: i for i, t in enumerate(c.b_tasks, 1)}
    return {(index[p.a], index[p.b]) for p in align(c.a_tasks, c.b_tasks)}


# --- the style rules, on tasks written for these tests -------------------------------------------------------------

# A parent with four tasks and a child with four; every sentence is written for this test.
PARENT = [
    AlignTask(
        "p#1",
        "推进药品集中带量采购",
        "（一）推进药品集中带量采购。扩大国家和省际联盟集采药品品种，中选药品纳入医保目录管理，落实集采结余留用。（牵头单位：省医保局；配合单位：省卫生健康委、省财政厅；2022年底前完成）",
    ),
    AlignTask(
        "p#2",
        "深化医疗保障制度改革",
        "（二）深化医疗保障制度改革。建立职工医保门诊共济保障机制，把普通门诊费用纳入统筹基金支付，实行基层就医差别化报销。（省医保局负责）",
    ),
    AlignTask(
        "p#3",
        "加强基层卫生服务和家庭医生签约",
        "（三）加强基层卫生服务和家庭医生签约。乡镇卫生院配齐全科医生，推行家庭医生签约服务，对高血压、糖尿病患者签约率达到八成；村卫生室实现标准化建设。（省卫生健康委负责）",
    ),
    AlignTask(
        "p#4",
        "做好新冠病毒疫苗接种",
        "（四）做好新冠病毒疫苗接种。按照应接尽接原则，加快老年人新冠病毒疫苗接种，设置临时接种点，提高全程接种率。（省卫生健康委、省疾控中心负责，2022年6月底前完成）",
    ),
]
CHILD = [
    # p#1 re-worded: other agencies, another deadline, another number.
    AlignTask(
        "c#1",
        "抓好集中带量采购落地",
        "1.抓好集中带量采购落地。全面执行国家及省际联盟集采中选结果，做好中选药品在医保目录中的管理，医保资金结余按规定留用。（县医保局牵头，县卫健委、县财政局配合，2023年3月底前完成）",
    ),
    # p#3 split in two: one child task on 基层 facilities and staff, one on 家庭医生签约.
    AlignTask(
        "c#2",
        "提升乡镇卫生院能力",
        "2.提升乡镇卫生院能力。每个乡镇卫生院至少配备两名全科医生，村卫生室标准化建设全覆盖。（县卫生健康局负责）",
    ),
    AlignTask(
        "c#3",
        "做实家庭医生签约服务",
        "3.做实家庭医生签约服务。组建家庭医生团队，优先为高血压、糖尿病患者签约，签约率达到八成以上。（县卫生健康局负责，各乡镇配合）",
    ),
    # Its heading is p#2's slogan, its body another measure.
    AlignTask(
        "c#4",
        "深化医疗保障制度改革",
        "4.深化医疗保障制度改革。开展打击欺诈骗保专项整治，对定点药店和村卫生室开展飞行检查，查处冒名就医和虚假票据。（县医保局负责）",
    ),
]


def _pairs(a: list[AlignTask], b: list[AlignTask]) -> set[tuple[str, str]]:
    return {(p.a, p.b) for p in align(a, b)}


def test_a_paraphrase_with_other_agencies_and_dates_aligns_and_a_split_task_aligns_with_both_parts() -> None:
    pairs = _pairs(PARENT, CHILD)
    assert ("p#1", "c#1") in pairs
    assert {("p#3", "c#2"), ("p#3", "c#3")} <= pairs
    assert ("p#2", "c#4") not in pairs  # a shared slogan heading alone does not align
    assert not any(a == "p#4" for a, _ in pairs)  # dropped by the child: aligned with nothing
    assert pairs == {("p#1", "c#1"), ("p#3", "c#2"), ("p#3", "c#3")}


def test_a_shared_slogan_heading_alone_scores_far_below_the_threshold() -> None:
    matrix = scores(PARENT, CHILD)
    assert matrix[1, 3] < THRESHOLD / 2


def test_an_attribution_bracket_and_a_deadline_alone_do_not_align() -> None:
    bracket = "（牵头单位：省卫生健康委；配合单位：省发展改革委、省财政厅、省人社厅、省医保局；2022年底前完成）"
    a = [
        AlignTask(
            "a#1",
            "建设区域传染病救治基地",
            f"（一）建设区域传染病救治基地。依托综合医院设置独立传染病区，储备负压病床。{bracket}",
        ),
        AlignTask(
            "a#2", "推进中药饮片质量监管", "（二）推进中药饮片质量监管。抽检中药饮片，规范炮制。（省药监局负责）"
        ),
    ]
    b = [
        AlignTask(
            "b#1",
            "规范托育机构备案",
            f"（三）规范托育机构备案。普惠托育机构实行登记备案，开展托育从业人员培训。{bracket}",
        ),
        AlignTask(
            "b#2", "开展职业病危害专项治理", "（四）开展职业病危害专项治理。对粉尘企业开展检测。（省卫生健康委负责）"
        ),
    ]
    assert align(a, b) == []
    # What is compared has neither the agencies nor the date.
    body = "".join(wording(a[0].title, a[0].text).body)
    assert "发展改革委" not in body and "牵头" not in body and "年底" not in body and "2022" not in body


def test_boilerplate_alone_does_not_align() -> None:
    filler = "进一步加强组织领导，切实抓好贯彻落实，各有关部门按职责分工负责，确保取得实效。"
    a = [AlignTask("a#1", "完善血液供应保障", f"完善血液供应保障。{filler}扩大无偿献血者队伍，建设血站冷链。"),
         AlignTask("a#2", "推进医疗废物处置", "推进医疗废物处置。每个县建成医疗废物集中处置设施。")]  # fmt: skip
    b = [AlignTask("b#1", "发展智慧医院", f"发展智慧医院。{filler}推行电子病历分级评价，上线预约挂号。"),
         AlignTask("b#2", "加强护士队伍", "加强护士队伍。提高床护比，开展护理专科培训。")]  # fmt: skip
    assert align(a, b) == []


def test_numbering_and_figures_do_not_change_a_score() -> None:
    task = PARENT[0]
    renumbered = AlignTask("x", task.title, task.text.replace("（一）", "12.").replace("2022年底前", "2025年6月底前"))
    assert wording(task.title, task.text) == wording(renumbered.title, renumbered.text)


def test_the_order_is_a_then_score_and_the_alignment_is_the_same_both_ways() -> None:
    pairs = align(PARENT, CHILD)
    positions = [int(p.a.split("#")[1]) for p in pairs]
    assert positions == sorted(positions)
    for a_key in {p.a for p in pairs}:
        row = [p.score for p in pairs if p.a == a_key]
        assert row == sorted(row, reverse=True)
    assert all(THRESHOLD <= p.score <= 1 for p in pairs)
    assert {(p.b, p.a, p.score) for p in align(CHILD, PARENT)} == {(p.a, p.b, p.score) for p in pairs}


def test_nothing_to_align_gives_nothing() -> None:
    assert align([], CHILD) == [] and align(PARENT, []) == []
    empty = [AlignTask("e#1", "", ""), AlignTask("e#2", "", "（县卫健委负责）")]
    assert align(empty, CHILD) == [] and align(empty, empty) == []


def test_a_notice_aligned_with_itself_pairs_each_task_with_itself() -> None:
    pairs = align(PARENT, [AlignTask(f"copy{t.key}", t.title, t.text) for t in PARENT])
    assert {(p.a, p.b) for p in pairs} == {(t.key, f"copy{t.key}") for t in PARENT}
    assert all(p.score == 1.0 for p in pairs)
