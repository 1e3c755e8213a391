"""The extractor on the five seeds (expectations checked by hand against the text) and on notice forms the seeds
do not show: traditional characters, (X负责,Y参与), 分别负责, a department dividing tasks among its 处室, bare labels.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from opencc import OpenCC

from policygraph.ingest.docno import default_registry
from policygraph.ingest.extract import extract_text
from policygraph.ingest.normalise import normalise
from policygraph.ingest.record import DocumentRecord, Task

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_path(number: str) -> Path:
    (path,) = SEEDS.glob(f"{number}_*.txt")
    return path


@cache
def seed(number: str) -> DocumentRecord:
    path = seed_path(number)
    return extract_text(path.read_text(encoding="utf-8"), str(path))


def task(record: DocumentRecord, number: str, section: str | None = None) -> Task:
    (found,) = [t for t in record.tasks if t.number == number and (section is None or t.section == section)]
    return found


METADATA: dict[str, dict[str, Any]] = {
    "000": {
        "doc_no": "临州办发〔2021〕76号",
        "issuer": "临夏回族自治州人民政府办公室",
        "level": "prefectural",
        "region": "甘肃省临夏回族自治州",
        "date": "2021-10-27",
        "year": 2021,
        "title": "临夏回族自治州人民政府办公室关于印发加快推进临夏州深化医药卫生体制改革2021年重点工作任务的通知",
    },
    "001": {
        "doc_no": None,
        "issuer": None,
        "level": "county",
        "region": "安徽省宿州市泗县",
        "date": None,
        "year": 2021,
        "title": "泗县深化医药卫生体制改革2021年-2022年重点工作任务",
    },
    "002": {
        "doc_no": None,
        "issuer": "西藏自治区深化医药卫生体制改革领导小组",
        "level": "provincial",
        "region": "西藏自治区",
        "date": None,  # only the web page's 发布时间, which is not a signed date
        "year": 2021,
        "title": "西藏自治区深化医药卫生体制改革领导小组关于印发《西藏自治区2021年深化医药卫生体制改革重点工作任务》的通知",
    },
    "003": {
        "doc_no": "晋政办发〔2022〕83号",
        "issuer": "山西省人民政府办公厅",
        "level": "provincial",
        "region": "山西省",
        "date": "2022-09-30",  # the signed date, not the 2022年10月8日印发 line
        "year": 2022,
        "title": "山西省人民政府办公厅关于印发山西省深化医药卫生体制改革2022年重点工作任务的通知",
    },
    "004": {
        "doc_no": "粤办函〔2024〕267号",
        "issuer": "广东省人民政府办公厅",  # signed 省政府办公厅
        "level": "provincial",
        "region": "广东省",
        "date": "2024-08-21",
        "year": 2024,  # 近期: no year in the title; the 文号's
        "title": "广东省深化医药卫生体制改革近期重点工作任务",
    },
}


@pytest.mark.parametrize("number", sorted(METADATA))
def test_metadata_of_each_seed(number: str) -> None:
    record = seed(number).to_json()
    assert {name: record[name] for name in METADATA[number]} == METADATA[number]


@pytest.mark.parametrize(("number", "count"), [("000", 26), ("001", 19), ("002", 25), ("003", 20), ("004", 22)])
def test_task_counts(number: str, count: int) -> None:
    assert len(seed(number).tasks) == count


def test_task_numbering_titles_and_sections() -> None:
    first = seed("000").tasks[0]
    assert (first.section, first.number, first.title) == ("一", "(一)", "加强组织领导")
    tibet = seed("002").tasks
    assert [(t.section, t.number) for t in tibet[:2]] == [("(一)", "1."), ("(一)", "2.")]
    assert (tibet[-1].section, tibet[-1].number, tibet[-1].title) == ("(六)", "25.", "加大医药卫生领域执法力度")
    # The bookmark artefact before (十) is not part of the task.
    assert task(seed("001"), "(十)").title == "加快卫生健康领域补短板"


def test_cited_notices_and_their_relation() -> None:
    cited = [(c.doc_no, c.title, c.relation) for c in seed("000").cited]
    assert cited == [
        ("国办发〔2021〕20号", "国务院办公厅关于印发深化医药卫生体制改革2021年重点工作任务的通知", "basis"),
        (
            "甘政办发〔2021〕70号",
            "甘肃省人民政府办公厅关于印发甘肃省深化医药卫生体制改革2021年重点工作任务的通知",
            "basis",
        ),
        ("临州办发〔2018〕77号", "临夏州加快建立现代医院管理制度的实施方案", "reference"),
    ]
    # Documents to be drafted (制定《…》, 出台《…》) are not citations; neither is the notice's own plan.
    titles = [c.title for c in seed("002").cited]
    assert "西藏自治区大骨节病患者救治救助行动方案(2021-2022年)" not in titles
    assert all("2021年深化医药卫生体制改革重点工作任务" not in (t or "") for t in titles)
    assert [c.doc_no for c in seed("004").cited] == ["国办发〔2024〕29号"]


def names(roles: list[Any]) -> list[tuple[str, str]]:
    return [(role.canonical, role.basis) for role in roles]


def test_000_explicit_sole_and_first_listed_roles() -> None:
    record = seed("000")
    assert names(task(record, "(一)").lead_detail) == [("临夏回族自治州各县市人民政府", "sole")]
    second = task(record, "(二)")
    assert names(second.lead_detail) == [("临夏回族自治州深化医药卫生体制改革领导小组办公室", "first_listed")]
    assert names(second.cooperating_detail) == [("临夏回族自治州各相关部门", "first_listed")]
    third = task(record, "(三)")
    assert third.lead == ["临夏回族自治州各县市人民政府", "临夏回族自治州财政局"]
    assert third.cooperating == [
        "临夏回族自治州发展和改革委员会",
        "临夏回族自治州人力资源和社会保障局",
        "临夏回族自治州卫生健康委员会",
    ]
    assert task(record, "(二十)").cooperating[:2] == [
        "中共临夏回族自治州委员会宣传部",
        "临夏回族自治州网络安全和信息化委员会办公室",
    ]
    kinds = {r.canonical: r.kind for r in third.lead_detail}
    assert kinds == {"临夏回族自治州各县市人民政府": "collective", "临夏回族自治州财政局": "agency"}


def test_002_roles_of_several_paragraphs_are_united_in_order() -> None:
    fourth = task(seed("002"), "4.")
    assert fourth.lead == ["中共西藏自治区委员会宣传部", "西藏自治区卫生健康委员会", "西藏自治区教育厅"]
    assert "共青团西藏自治区委员会" in fourth.cooperating
    assert "西藏自治区健康西藏建设领导小组成员单位" in fourth.cooperating
    # the details keep every paragraph's mention with its own span: 卫生健康委 leads three of the five paragraphs
    spans = [role.span for role in fourth.lead_detail]
    assert len(spans) == 5 and spans == sorted(spans) and len(set(spans)) == 5


def test_002_inherited_prefixes_vertical_organs_and_named_regions() -> None:
    record = seed("002")
    first = task(record, "1.")
    assert names(first.cooperating_detail) == [
        ("中共西藏自治区委员会组织部", "explicit"),
        ("西藏自治区机构编制委员会办公室", "explicit"),  # 编办 inherits 区党委
        ("西藏自治区各市地人民政府", "explicit"),
    ]
    telecom = [r for r in task(record, "2.").cooperating_detail if "通信" in r.canonical]
    assert [(r.canonical, r.kind) for r in telecom] == [("西藏自治区通信管理局", "vertically managed")]
    lhasa = task(record, "6.").lead_detail[0]
    assert (lhasa.canonical, lhasa.jurisdiction) == ("拉萨市人民政府", "西藏自治区拉萨市")
    respective = task(record, "8.")
    assert {r.basis for r in respective.lead_detail} == {"respective"} and len(respective.lead) == 5
    assert respective.cooperating == []
    # 自治区党委组织部、卫生健康委: the second takes the region, not the party
    assert task(record, "14.").lead[:2] == ["中共西藏自治区委员会组织部", "西藏自治区卫生健康委员会"]


def test_003_standing_clause_applies_to_later_tasks_only() -> None:
    record = seed("003")
    # 市、县人民政府 in the clause and 各市、县人民政府 in (二) are one collective with one name
    standing = ("山西省各市、县人民政府", "standing_clause")
    assert standing not in names(task(record, "(一)").cooperating_detail)
    second = task(record, "(二)")
    assert names(second.cooperating_detail)[-1] == ("山西省各市、县人民政府", "first_listed")
    assert standing not in names(second.cooperating_detail)
    for later in record.tasks[2:]:
        assert names(later.cooperating_detail)[-1] == standing, later.number
        assert later.cooperating.count("山西省各市、县人民政府") == 1


def test_003_first_listed_open_lists_and_vertically_managed_organs() -> None:
    record = seed("003")
    assert names(task(record, "(十三)").lead_detail) == [("山西省卫生健康委员会", "first_listed")]
    assert task(record, "(六)").cooperating[:3] == [
        "山西省财政厅",
        "山西省人力资源和社会保障厅",
        "山西省卫生健康委员会",
    ]
    vertical = task(record, "(十七)").cooperating_detail
    assert [(r.canonical, r.kind) for r in vertical if r.kind == "vertically managed"] == [
        ("国家税务总局山西省税务局", "vertically managed"),
        ("中国银行保险监督管理委员会山西监管局", "vertically managed"),
    ]


def test_004_has_no_attributions_and_no_invented_roles() -> None:
    record = seed("004")
    assert all(not t.lead_detail and not t.cooperating_detail for t in record.tasks)


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_task_and_role_spans_point_into_the_original_text(number: str) -> None:
    original = seed_path(number).read_text(encoding="utf-8")
    record = seed(number)
    for t in record.tasks:
        start, end = t.span
        assert normalise(original[start:end]).text == t.text
        for role in t.lead_detail + t.cooperating_detail:
            a, b = role.span
            assert normalise(original[a:b]).text == role.as_written
    for citation in record.cited:
        a, b = citation.span
        assert normalise(original[a:b]).text == citation.quote


def test_the_page_break_inside_a_name_is_read_through() -> None:
    # 003 (六): "(省医保局、省财政厅、省人社厅、省\n\n卫健委等按职责分工负责)"
    sixth = task(seed("003"), "(六)")
    health = [r for r in sixth.cooperating_detail if r.as_written == "省卫健委"]
    assert len(health) == 1
    original = seed_path("003").read_text(encoding="utf-8")
    a, b = health[0].span
    assert original[a:b] == "省\n\n卫健委"


def test_programmes_and_targets() -> None:
    record = seed("003")
    assert "DRG/DIP支付方式改革" in task(record, "(八)").programmes
    targets = [(t.kind, t.value) for t in task(record, "(六)").targets]
    assert ("deadline", "2022") in targets and ("count", 600.0) in targets
    assert ("percent", 30.0) in [(t.kind, t.value) for t in task(record, "(八)").targets]
    assert "“511”计划"[1:4] + "计划" in task(seed("001"), "(九)").programmes  # a quoted programme name


def test_json_contract_fields() -> None:
    record = seed("000").to_json()
    for name in ("source", "doc_no", "issuer", "level", "region", "date", "year", "title", "cited", "tasks",
                 "programmes"):  # fmt: skip
        assert name in record
    assert set(record["cited"][0]) >= {"doc_no", "title", "relation"}
    first = record["tasks"][0]
    for name in ("section", "number", "title", "lead", "cooperating", "lead_detail", "cooperating_detail",
                 "programmes", "targets", "span"):  # fmt: skip
        assert name in first
    assert set(first["lead_detail"][0]) >= {"as_written", "canonical", "jurisdiction", "kind", "basis"}


def test_traditional_characters_give_the_same_record() -> None:
    original = seed_path("002").read_text(encoding="utf-8")
    traditional = OpenCC("s2t").convert(original)
    assert traditional != original
    converted = extract_text(traditional, "traditional.txt").to_json()
    simplified = seed("002").to_json()
    for name in ("issuer", "title", "region", "year"):
        assert converted[name] == simplified[name]
    assert [(t["lead"], t["cooperating"]) for t in converted["tasks"]] == [
        (t["lead"], t["cooperating"]) for t in simplified["tasks"]
    ]


def test_sole_lead_with_participants_and_respective_leads() -> None:
    text = (
        "山西省人民政府办公厅关于印发测试任务的通知\n"
        "一、测试\n"
        "(一)第一项。内容。(省卫健委负责,省财政厅、医保局参与)\n"
        "(二)第二项。内容。(省卫健委、省医保局、各市人民政府分别负责)\n"
    )
    record = extract_text(text, "test.txt")
    first, second = record.tasks
    assert names(first.lead_detail) == [("山西省卫生健康委员会", "sole")]
    assert names(first.cooperating_detail) == [("山西省财政厅", "explicit"), ("山西省医疗保障局", "explicit")]
    assert names(second.lead_detail) == [
        ("山西省卫生健康委员会", "respective"),
        ("山西省医疗保障局", "respective"),
        ("山西省各市人民政府", "respective"),
    ]


DEPARTMENT_PLAN = """山西省卫生健康委员会办公室关于印发2022年深化医药卫生体制改革重点工作任务分工方案的通知
晋卫办体改发〔2022〕5号
委机关各处室:
二〇二二年十月二十七日
一、推进分级诊疗
(一)推进医联体建设
1.推进城市医疗集团试点。在太原市开展试点,2022年底前覆盖率达到50%。(医政医管处牵头,基层卫生健康处配合)
(二)加强基层能力
1.实施基层能力提升行动。
(1)优化基层服务。完善家庭医生签约服务。(基层卫生健康处、财务处负责)
(2)加强人才培养。培养全科医生100名以上。(科技教育处负责,人事处参与)
"""


def test_a_department_plan_divides_tasks_among_its_units() -> None:
    record = extract_text(DEPARTMENT_PLAN, "dept.txt")
    # a department's notice has its government's tier; its kind says it is one department's
    assert (record.level, record.date, record.doc_no) == ("provincial", "2022-10-27", "晋卫办体改发〔2022〕5号")
    assert record.issuer_kind == "department"
    # 1. under (二) has (1) (2) under it: those are the tasks there
    assert [(t.section, t.number) for t in record.tasks] == [("(一)", "1."), ("1.", "(1)"), ("1.", "(2)")]
    first = record.tasks[0]
    assert first.lead == ["山西省卫生健康委员会医政医管处"]
    assert first.cooperating == ["山西省卫生健康委员会基层卫生健康处"]
    assert names(record.tasks[2].cooperating_detail) == [("山西省卫生健康委员会人事处", "explicit")]


def test_bare_labels_on_their_own_lines() -> None:
    text = (
        "泗县深化医药卫生体制改革2023年重点工作任务\n"
        "一、深化公立医院改革\n"
        "1、推进公立医院高质量发展。制定实施方案。\n"
        "牵头单位:县卫健委\n"
        "配合单位:县财政局、县人社局\n"
        "2、完善薪酬制度。落实要求。责任单位:县人社局、县卫健委\n"
    )
    first, second = extract_text(text, "labels.txt").tasks
    assert names(first.lead_detail) == [("泗县卫生健康委员会", "explicit")]
    assert first.cooperating == ["泗县财政局", "泗县人力资源和社会保障局"]
    assert names(second.lead_detail) == [("泗县人力资源和社会保障局", "first_listed")]


def test_an_issuer_read_from_a_notice_is_not_learned_for_its_prefix() -> None:
    """Extraction is pure: a later notice that only carries the 代字 gets nothing from an earlier one."""
    text = "泗政办发〔2023〕9号\n泗县人民政府办公室关于印发泗县2023年重点工作任务的通知\n一、总体\n(一)任务。内容。\n"
    record = extract_text(text, "sixian.txt")
    assert (record.issuer, record.level, record.region) == ("泗县人民政府办公室", "county", "安徽省宿州市泗县")
    assert default_registry().lookup("泗政办发") is None
    later = extract_text(
        "泗政办发〔2023〕10号\n关于印发2023年重点工作任务的通知\n一、总体\n(一)任务。内容。\n", "b.txt"
    )
    assert later.issuer is None


# Pieces of notices, recombined at random: extraction must not fail, and every span must lie in the text.
PIECES = [
    "一、", "二、", "(一)", "(二)", "（三）", "1.", "2、", "(1)", "加强领导。", "推进改革。", "\n", "\n\n", "。", "、", ",",
    "(省卫健委负责,省财政厅配合)", "(牵头单位:州卫健委;配合单位:州医保局)", "(县卫健委、县财政局等按职责分工负责)",
    "(自治区卫生健康委、发改委、各市地人民政府分别负责)", "以下均需市、县人民政府负责,不再列出", "牵头单位:", "(",
    ")", "《关于印发的通知》", "(国办发〔2021〕20号)", "根据", "2021年10月27日", "到2022年底", "90%以上", "至少5个",
    "山西省人民政府办公厅", "关于印发", "重点工作任务的通知", "醫", "[bookmark: _GoBack]", "等", "各市人民政府",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_any_mixture_of_notice_pieces_extracts_with_valid_spans(text: str) -> None:
    record = extract_text(text, "random.txt")
    assert record.to_json()["source"] == "random.txt"
    for t in record.tasks:
        assert 0 <= t.span[0] <= t.span[1] <= len(text)
        for role in t.lead_detail + t.cooperating_detail:
            assert 0 <= role.span[0] <= role.span[1] <= len(text)
            assert role.canonical


def test_a_standing_clause_in_the_preamble_holds_for_every_task() -> None:
    text = (
        "泗县深化医药卫生体制改革2023年重点工作任务\n"
        "以下任务均需各镇人民政府落实,不再一一列出。\n"
        "一、深化改革\n"
        "(一)第一项。内容。(县卫健委负责)\n"
        "(二)第二项。内容。(县医保局、各镇人民政府按职责分工负责)\n"
    )
    first, second = extract_text(text, "standing.txt").tasks
    assert names(first.cooperating_detail) == [("泗县各镇人民政府", "standing_clause")]
    # already listed by the task itself: not added again
    assert names(second.cooperating_detail) == [("泗县各镇人民政府", "first_listed")]


def test_headings_on_their_own_lines_with_the_work_below() -> None:
    text = (
        "泗县深化医药卫生体制改革2023年重点工作任务\n"
        "一、深化改革\n"
        "(一)推进医共体建设\n"
        "完善医保打包付费。(县卫健委负责)\n"
        "(二)推进药品集中采购\n"
        "落实集采结果。(县医保局负责)\n"
    )
    tasks = extract_text(text, "headings.txt").tasks
    assert [(t.number, t.title, t.lead) for t in tasks] == [
        ("(一)", "推进医共体建设", ["泗县卫生健康委员会"]),
        ("(二)", "推进药品集中采购", ["泗县医疗保障局"]),
    ]


def test_a_task_table_from_a_word_file(tmp_path: Path) -> None:
    import docx

    from policygraph.ingest.readers import read_document

    document = docx.Document()
    for line in ("临夏回族自治州卫生健康委员会关于印发2022年医改重点任务分工表的通知", "各县市卫生健康局:"):
        document.add_paragraph(line)
    rows = [
        ("序号", "重点任务", "牵头单位", "配合单位", "完成时限"),
        ("1", "推进紧密型县域医共体建设。完善医保打包付费。", "州卫健委", "州医保局、州财政局", "2022年底前"),
        ("2", "加强家庭医生签约服务。", "州卫健委、州医保局", "", "2022年6月底前"),
    ]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for cells, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(cells.cells, values, strict=True):
            cell.text = value
    path = tmp_path / "table.docx"
    document.save(str(path))
    source = read_document(path)
    record = extract_text(source.text, str(path))
    assert (record.level, record.issuer_kind) == ("prefectural", "department")
    first, second = record.tasks
    assert (first.number, first.title) == ("1", "推进紧密型县域医共体建设")
    assert names(first.lead_detail) == [("临夏回族自治州卫生健康委员会", "explicit")]
    assert first.cooperating == ["临夏回族自治州医疗保障局", "临夏回族自治州财政局"]
    assert [t.value for t in first.targets] == ["2022"]
    assert second.lead == ["临夏回族自治州卫生健康委员会", "临夏回族自治州医疗保障局"]
    # spans still point into the text the reader gave
    a, b = first.lead_detail[0].span
    assert source.text[a:b] == "州卫健委"


def test_responsible_units_beside_a_lead_unit_cooperate() -> None:
    text = "泗县2023年重点工作任务\n一、改革\n(一)第一项。内容。(牵头单位:县卫健委;责任单位:各乡镇人民政府)\n(二)第二项。内容。\n"
    first = extract_text(text, "t.txt").tasks[0]
    assert names(first.lead_detail) == [("泗县卫生健康委员会", "explicit")]
    assert names(first.cooperating_detail) == [("泗县各乡镇人民政府", "explicit")]
