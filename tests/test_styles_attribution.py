"""Attribution, task-structure and deadline styles (docs/extraction.md, "Attribution, structure and deadline styles").

Each test extracts a small notice written for this file (no sentence is copied from a real notice; the 文号 and
dates of real national notices are facts) and checks the exact fields.
"""

from __future__ import annotations

import pytest

from policygraph.ingest.extract import extract_text
from policygraph.ingest.record import DocumentRecord, Task


def extract(text: str) -> DocumentRecord:
    return extract_text(text, "x.txt")


def roles(task: Task) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(lead, cooperating) as (canonical, basis) pairs."""
    lead = [(role.canonical, str(role.basis)) for role in task.lead_detail]
    cooperating = [(role.canonical, str(role.basis)) for role in task.cooperating_detail]
    return lead, cooperating


def deadline(task: Task) -> tuple[str | None, str | None, str]:
    return task.deadline.as_written, task.deadline.date, task.deadline.kind


NATIONAL_LIST = """国务院办公厅关于印发深化医药卫生体制改革2020年下半年重点工作任务的通知
国办发〔2020〕25号
各省、自治区、直辖市人民政府,国务院各部委、各直属机构:
《深化医药卫生体制改革2020年下半年重点工作任务》已经国务院同意,现印发给你们,请认真贯彻执行。
国务院办公厅
2020年7月16日
一、研究制定的文件
1.制定检查检验结果互认的管理办法。(国家卫生健康委负责,2020年12月底前完成)
2.出台医保基金监管的配套办法。(国家医保局负责,2020年9月底前完成)
3.出台公共卫生投入的保障办法。(财政部、国家卫生健康委共同负责,2020年底前完成)
二、推动落实的重点工作
4.推进疾控体系改革。理顺疾控机构的职能。(国家卫生健康委、国家发展改革委负责,持续推进)
5.扩大药品集中采购范围。推动更多品种纳入采购。(国家医保局负责,国家卫生健康委参与,年内完成)
"""


def test_national_list_with_attribution_and_deadline_in_one_bracket() -> None:
    record = extract(NATIONAL_LIST)
    assert (record.level, record.year) == ("national", 2020)
    assert [(t.section, t.number, t.title) for t in record.tasks] == [
        ("一", "1.", "制定检查检验结果互认的管理办法"),
        ("一", "2.", "出台医保基金监管的配套办法"),
        ("一", "3.", "出台公共卫生投入的保障办法"),
        ("二", "4.", "推进疾控体系改革"),
        ("二", "5.", "扩大药品集中采购范围"),
    ]
    first, second, third, fourth, fifth = record.tasks
    assert roles(first) == ([("国家卫生健康委员会", "sole")], [])
    assert deadline(first) == ("2020年12月底前完成", "2020-12-31", "by_date")
    assert roles(second) == ([("国家医疗保障局", "sole")], [])
    assert deadline(second) == ("2020年9月底前完成", "2020-09-30", "by_date")
    # 共同负责 without the first-leads rule: both lead
    assert roles(third) == ([("财政部", "joint"), ("国家卫生健康委员会", "joint")], [])
    assert deadline(third) == ("2020年底前完成", "2020-12-31", "by_date")
    assert roles(fourth) == ([("国家卫生健康委员会", "joint"), ("国家发展和改革委员会", "joint")], [])
    assert deadline(fourth) == ("持续推进", None, "ongoing")
    assert roles(fifth) == ([("国家医疗保障局", "sole")], [("国家卫生健康委员会", "explicit")])
    assert deadline(fifth) == ("年内完成", "2020-12-31", "by_date")  # the notice's year


def test_provincial_copy_of_the_national_list() -> None:
    text = """山西省人民政府办公厅关于印发山西省深化医药卫生体制改革2020年下半年重点工作任务的通知
一、研究制定的文件
1.制定全省检查检验结果互认办法(省卫健委负责,2020年12月底前完成)。
2.出台医保基金监管实施细则(省医保局、省财政厅负责,2020年11月底前完成)。
二、推动落实的重点工作
3.推进医联体建设。扩大试点范围。(省卫健委负责,2020年9月底前完成)扩大病种范围。(省医保局负责,2020年12月底前完成)
"""
    first, second, third = extract(text).tasks
    assert (first.number, first.title) == ("1.", "制定全省检查检验结果互认办法(省卫健委负责,2020年12月底前完成)")
    assert roles(first) == ([("山西省卫生健康委员会", "sole")], [])
    assert roles(second) == ([("山西省医疗保障局", "joint"), ("山西省财政厅", "joint")], [])
    assert deadline(second) == ("2020年11月底前完成", "2020-11-30", "by_date")
    # one bracket per sentence: the task is due when its last dated part is
    assert roles(third) == ([("山西省卫生健康委员会", "sole"), ("山西省医疗保障局", "sole")], [])
    assert deadline(third) == ("2020年12月底前完成", "2020-12-31", "by_date")


FIRST_LEADS = """山西省人民政府办公厅关于印发山西省深化医药卫生体制改革2017年重点工作任务的通知
一、推进分级诊疗
(一)扩大家庭医生签约服务。提高签约服务质量。(省卫生计生委、省人社厅负责,省财政厅参与。排在第一位的为牵头部门,下同)
(二)推进医联体建设。开展城市医疗集团试点。(省卫生计生委、省发展改革委负责)
(三)完善医保支付。推行按病种付费。(省人社厅、省财政厅共同负责)
"""


def test_the_first_leads_rule_in_the_first_bracket_holds_for_every_task() -> None:
    first, second, third = extract(FIRST_LEADS).tasks
    assert roles(first) == (
        [("山西省卫生和计划生育委员会", "first_listed")],
        [("山西省人力资源和社会保障厅", "first_listed"), ("山西省财政厅", "explicit")],
    )
    assert roles(second) == (
        [("山西省卫生和计划生育委员会", "first_listed")],
        [("山西省发展和改革委员会", "first_listed")],
    )
    assert roles(third) == ([("山西省人力资源和社会保障厅", "first_listed")], [("山西省财政厅", "first_listed")])
    assert all(task.deadline.kind == "none" for task in (first, second, third))


@pytest.mark.parametrize(
    "rule",
    ["注:排在首位的部门为牵头部门,下同。", "各项任务中第一个为牵头单位。", "所列部门中牵头部门排在第一位。"],
)
def test_the_first_leads_rule_stated_once_in_a_note(rule: str) -> None:
    text = FIRST_LEADS.replace("。排在第一位的为牵头部门,下同", "") + rule + "\n"
    first, second, _ = extract(text).tasks
    assert roles(first)[0] == [("山西省卫生和计划生育委员会", "first_listed")]
    assert roles(second) == (
        [("山西省卫生和计划生育委员会", "first_listed")],
        [("山西省发展和改革委员会", "first_listed")],
    )


def test_without_the_rule_every_responsible_unit_leads_but_by_duty_lists_keep_first_listed() -> None:
    text = FIRST_LEADS.replace("。排在第一位的为牵头部门,下同", "") + (
        "(四)推进药品采购。落实集中采购结果。(省卫生计生委、省商务厅等按职责分工负责)\n"
    )
    first, second, third, fourth = extract(text).tasks
    assert roles(first) == (
        [("山西省卫生和计划生育委员会", "joint"), ("山西省人力资源和社会保障厅", "joint")],
        [("山西省财政厅", "explicit")],
    )
    assert roles(second)[0] == [("山西省卫生和计划生育委员会", "joint"), ("山西省发展和改革委员会", "joint")]
    assert roles(third) == ([("山西省人力资源和社会保障厅", "joint"), ("山西省财政厅", "joint")], [])
    assert roles(fourth) == ([("山西省卫生和计划生育委员会", "first_listed")], [("山西省商务厅", "first_listed")])


def test_a_department_plan_divides_sub_items_among_its_divisions() -> None:
    text = """山西省卫生健康委员会关于印发2021年深化医改工作要点的通知
委机关各处室:
一、推进分级诊疗
(一)推进医联体建设
(1)开展城市医疗集团试点。扩大试点范围。(医政处负责)
(2)提升基层服务能力。培养全科医生。(基层卫生处负责,财务处配合,2021年10月底前完成)
"""
    record = extract(text)
    assert (record.level, record.issuer_kind) == ("provincial", "department")  # a department's level is its tier
    assert [(t.section, t.number) for t in record.tasks] == [("(一)", "(1)"), ("(一)", "(2)")]
    first, second = record.tasks
    assert roles(first) == ([("山西省卫生健康委员会医政处", "sole")], [])
    assert roles(second) == (
        [("山西省卫生健康委员会基层卫生处", "sole")],
        [("山西省卫生健康委员会财务处", "explicit")],
    )
    assert deadline(second) == ("2021年10月底前完成", "2021-10-31", "by_date")


def test_a_section_heading_attributes_the_items_under_it() -> None:
    text = """太原市人民政府办公室关于印发太原市2022年深化医改重点工作任务的通知
一、深化公立医院改革
(一)推进分级诊疗(市卫健委牵头,2022年底前完成)
1.推进医联体建设。扩大覆盖范围。
2.加强基层能力。培养全科医生。(市人社局负责)
(二)深化医保支付方式改革(市医保局牵头,市财政局配合)
1.推进按疾病诊断相关分组付费。扩大病种范围。
"""
    record = extract(text)
    assert [(t.section, t.number, t.title) for t in record.tasks] == [
        ("(一)", "1.", "推进医联体建设"),
        ("(一)", "2.", "加强基层能力"),
        ("(二)", "1.", "推进按疾病诊断相关分组付费"),
    ]
    first, second, third = record.tasks
    assert roles(first) == ([("太原市卫生健康委员会", "heading")], [])
    assert deadline(first) == ("2022年底前完成", "2022-12-31", "by_date")  # the heading's deadline too
    assert roles(second) == ([("太原市人力资源和社会保障局", "sole")], [])  # its own attribution wins
    assert roles(third) == ([("太原市医疗保障局", "heading")], [("太原市财政局", "heading")])
    assert deadline(third) == (None, None, "none")


def test_a_task_table_with_a_deadline_column() -> None:
    text = (
        "太原市卫生健康委员会关于印发2022年重点任务分工表的通知\n"
        "各县区卫生健康局:\n"
        "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
        "1\t推进医联体建设\t市卫健委\t市医保局、市财政局\t2022年9月底前\n"
        "2\t推进家庭医生签约\t市卫健委\t\t长期坚持\n"
        "3\t推进按病种付费\t市医保局\t市卫健委\t2022年下半年\n"
        "4\t完善薪酬制度\t市人社局\t市财政局\t\n"
    )
    tasks = extract(text).tasks
    assert [(t.number, t.title) for t in tasks] == [
        ("1", "推进医联体建设"),
        ("2", "推进家庭医生签约"),
        ("3", "推进按病种付费"),
        ("4", "完善薪酬制度"),
    ]
    assert roles(tasks[0]) == (
        [("太原市卫生健康委员会", "explicit")],
        [("太原市医疗保障局", "explicit"), ("太原市财政局", "explicit")],
    )
    assert [deadline(t) for t in tasks] == [
        ("2022年9月底前", "2022-09-30", "by_date"),
        ("长期坚持", None, "ongoing"),
        ("2022年下半年", "2022-12-31", "by_date"),
        (None, None, "none"),
    ]


def test_labelled_lines_and_verb_brackets_after_a_task() -> None:
    text = """太原市人民政府办公室关于印发太原市2022年深化医改重点工作任务的通知
一、重点任务
(一)推进医联体建设。扩大覆盖范围。
责任单位:市卫健委、市医保局
(二)推进药品集中采购。落实采购结果。(市医保局牵头,市卫健委配合)
(三)加强综合监管。开展专项检查。(市卫健委等部门按职责分工负责)
(四)完善薪酬制度。落实薪酬政策。
牵头单位:市人社局  配合单位:市财政局  完成时限:2022年6月底前
(五)加强人才培养。实施订单定向培养。市卫健委、市人社局等部门按职责分工负责。
(六)加强监测评价。开展绩效考核。(牵头单位:市卫健委;配合单位:市财政局;完成时限:2022年底前)
(七)推进中医药发展。建设中医医联体。(由市卫健委牵头)
"""
    first, second, third, fourth, fifth, sixth, seventh = extract(text).tasks
    assert roles(first) == ([("太原市卫生健康委员会", "first_listed")], [("太原市医疗保障局", "first_listed")])
    assert roles(second) == ([("太原市医疗保障局", "explicit")], [("太原市卫生健康委员会", "explicit")])
    assert roles(third) == ([("太原市卫生健康委员会", "first_listed")], [])
    assert roles(fourth) == ([("太原市人力资源和社会保障局", "explicit")], [("太原市财政局", "explicit")])
    assert deadline(fourth) == ("2022年6月底前", "2022-06-30", "by_date")
    # a closing sentence of names and 按职责分工负责, without brackets
    assert roles(fifth) == (
        [("太原市卫生健康委员会", "first_listed")],
        [("太原市人力资源和社会保障局", "first_listed")],
    )
    # a 完成时限 label inside a labelled bracket is the deadline, not a cooperating unit
    assert roles(sixth) == ([("太原市卫生健康委员会", "explicit")], [("太原市财政局", "explicit")])
    assert deadline(sixth) == ("2022年底前", "2022-12-31", "by_date")
    assert roles(seventh) == ([("太原市卫生健康委员会", "explicit")], [])


def test_attributions_in_lenticular_and_square_brackets() -> None:
    text = """太原市人民政府办公室关于印发太原市2022年深化医改重点工作任务的通知
一、重点任务
(一)加强健康宣传。开展健康知识培训。【市卫健委负责】
(二)加强信息化建设。建设全民健康信息平台。［市卫健委负责,市数据局配合,2022年6月底前完成］
"""
    first, second = extract(text).tasks
    assert roles(first) == ([("太原市卫生健康委员会", "sole")], [])
    assert roles(second) == ([("太原市卫生健康委员会", "sole")], [("太原市数据局", "explicit")])
    assert second.lead_detail[0].quote == "[市卫健委负责,市数据局配合,2022年6月底前完成]"
    assert deadline(second) == ("2022年6月底前完成", "2022-06-30", "by_date")


ATTACHED = """太原市人民政府办公室关于印发太原市2022年深化医改重点工作任务的通知
各县区人民政府,市直各部门:
现将《太原市2022年深化医改重点工作任务》印发给你们,请结合实际认真贯彻落实。
一、提高认识。各县区要把医改摆在重要位置,主要负责同志亲自抓。
二、强化督导。市医改办定期通报进展情况。
附件:太原市2022年深化医改重点工作任务分工
太原市人民政府办公室
2022年5月10日
附件
太原市2022年深化医改重点工作任务分工
一、推进分级诊疗
(一)推进医联体建设。扩大覆盖范围。(市卫健委负责,2022年底前完成)
(二)加强基层能力。培养全科医生。(市卫健委负责,市财政局配合,持续推进)
二、深化医保改革
(三)推进按病种付费。扩大病种范围。(市医保局负责,2022年上半年完成)
"""


def test_tasks_attached_after_the_signature_and_not_the_covering_letter() -> None:
    record = extract(ATTACHED)
    assert record.date == "2022-05-10"
    assert [(t.section, t.number, t.title) for t in record.tasks] == [
        ("一", "(一)", "推进医联体建设"),
        ("一", "(二)", "加强基层能力"),
        ("二", "(三)", "推进按病种付费"),
    ]
    first, second, third = record.tasks
    assert roles(first) == ([("太原市卫生健康委员会", "sole")], [])
    assert roles(second) == ([("太原市卫生健康委员会", "sole")], [("太原市财政局", "explicit")])
    assert roles(third) == ([("太原市医疗保障局", "sole")], [])
    assert [deadline(t) for t in record.tasks] == [
        ("2022年底前完成", "2022-12-31", "by_date"),
        ("持续推进", None, "ongoing"),
        ("2022年上半年完成", "2022-06-30", "by_date"),
    ]


def test_lead_in_a_sentence_aims_and_commended_units_are_no_attributions() -> None:
    text = """太原市人民政府办公室关于印发太原市2022年深化医改实施方案的通知
各县区人民政府,市直各部门:
一、总体要求
(一)指导思想。以人民健康为中心,深化医药卫生体制改革。
(二)基本原则
1.坚持人民至上。把保障人民健康放在优先位置。
2.坚持改革创新。由市卫健委牵头起草配套文件,各部门协同推进。
二、重点任务
(一)推进医联体建设。市卫健委牵头起草实施方案,扩大覆盖范围。
(二)加强基层能力。培养全科医生,建立由市人社局牵头的协调机制。
三、工作要求
对市卫健委、市医保局在医改工作中取得的成绩予以表扬。
"""
    record = extract(text)
    assert [(t.section, t.number, t.title) for t in record.tasks] == [
        ("二", "(一)", "推进医联体建设"),
        ("二", "(二)", "加强基层能力"),
    ]
    assert all(not t.lead_detail and not t.cooperating_detail for t in record.tasks)


@pytest.mark.parametrize(
    ("written", "date", "kind"),
    [
        ("2020年9月底前完成", "2020-09-30", "by_date"),
        ("2019年12月底前", "2019-12-31", "by_date"),
        ("2020年底前完成", "2020-12-31", "by_date"),
        ("2020年2月底前", "2020-02-29", "by_date"),  # leap year
        ("2021年2月底前", "2021-02-28", "by_date"),
        ("2021年6月30日前完成", "2021-06-30", "by_date"),
        ("年内完成", "2022-12-31", "by_date"),  # the notice's year
        ("2023年上半年", "2023-06-30", "by_date"),
        ("下半年完成", "2022-12-31", "by_date"),
        ("2022年第三季度", "2022-09-30", "by_date"),
        ("2022-2023年", "2023-12-31", "by_date"),
        ("长期坚持", None, "ongoing"),
        ("持续推进", None, "ongoing"),
        ("持续实施", None, "ongoing"),
    ],
)
def test_deadline_wordings_in_the_attribution_bracket(written: str, date: str | None, kind: str) -> None:
    text = (
        "山西省人民政府办公厅关于印发山西省深化医药卫生体制改革2022年重点工作任务的通知\n"
        "一、重点任务\n"
        f"(一)推进医联体建设。扩大覆盖范围。(省卫健委负责,{written})\n"
        "(二)加强基层能力。培养全科医生。(省财政厅负责)\n"
    )
    first, second = extract(text).tasks
    assert deadline(first) == (written, date, kind)
    assert roles(first) == ([("山西省卫生健康委员会", "sole")], [])
    assert deadline(second) == (None, None, "none")


def test_deadlines_from_a_label_line_and_from_the_task_text() -> None:
    text = """山西省人民政府办公厅关于印发山西省深化医药卫生体制改革2022年重点工作任务的通知
一、重点任务
(一)推进医联体建设。2022年6月底前启动试点,2022年底前实现全覆盖,持续推进改革。(省卫健委负责)
(二)加强基层能力。培养全科医生。
完成时限:2022年9月底前
(三)加强综合监管。持续推进专项整治。(省卫健委负责)
(四)实施中医药传承工程。启动中医药服务能力提升计划(2022—2024年)。
"""
    first, second, third, fourth = extract(text).tasks
    assert deadline(first) == ("2022年底前", "2022-12-31", "by_date")  # the latest 前 in the text
    assert deadline(second) == ("2022年9月底前", "2022-09-30", "by_date")
    assert deadline(third) == (None, None, "none")  # 持续推进 in a sentence is prose, not a deadline
    assert deadline(fourth) == (None, None, "none")  # the period of a plan, not a deadline


def test_an_attached_task_table_after_the_signature_and_not_the_covering_letter() -> None:
    text = ATTACHED.split("附件\n太原市", 1)[0] + (
        "附件\n"
        "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
        "1\t推进医联体建设\t市卫健委\t市医保局\t2022年9月底前\n"
        "2\t推进按病种付费\t市医保局\t市卫健委\t持续推进\n"
    )
    tasks = extract(text).tasks
    assert [(t.number, t.title) for t in tasks] == [("1", "推进医联体建设"), ("2", "推进按病种付费")]
    assert [deadline(t) for t in tasks] == [("2022年9月底前", "2022-09-30", "by_date"), ("持续推进", None, "ongoing")]


def test_an_attached_form_after_a_notice_with_its_tasks_in_the_body_hides_none_of_them() -> None:
    text = """太原市人民政府办公室关于印发太原市2022年深化医改重点工作任务的通知
一、重点任务
(一)推进医联体建设。扩大覆盖范围。(市卫健委负责)
(二)加强基层能力。培养全科医生。(市人社局负责)
(三)推进药品集中采购。落实采购结果。(市医保局负责)
附件:医改工作联系人表
太原市人民政府办公室
2022年5月10日
附件
医改工作联系人表
1.填写联系人姓名。报市医改办。
"""
    tasks = extract(text).tasks
    assert [(t.number, t.lead) for t in tasks] == [
        ("(一)", ["太原市卫生健康委员会"]),
        ("(二)", ["太原市人力资源和社会保障局"]),
        ("(三)", ["太原市医疗保障局"]),
    ]


def test_an_attached_list_without_sections_takes_none_from_the_covering_letter() -> None:
    text = ATTACHED.replace("一、推进分级诊疗\n", "").replace("二、深化医保改革\n", "")
    tasks = extract(text).tasks
    assert [(t.section, t.number) for t in tasks] == [(None, "(一)"), (None, "(二)"), (None, "(三)")]


# Beside a unit that 牵头, the units that 负责 cooperate; person labels; a lead clause first; names glued by a space.

COUNTY_PLAN = "临泉县人民政府办公室关于印发临泉县2019年医改重点任务的通知\n一、重点任务\n"
LEAD = ("临泉县卫生健康委员会", "explicit")
INSURANCE, FINANCE = "临泉县医疗保障局", "临泉县财政局"


def first_task(attribution: str) -> Task:
    text = f"{COUNTY_PLAN}(一)推进分级诊疗。完善机制。{attribution}\n(二)加强基层。补齐短板。(县民政局负责)\n"
    return extract(text).tasks[0]


def test_units_that_are_responsible_beside_one_that_leads_cooperate() -> None:
    within = first_task("(县卫健委牵头,县医保局、县财政局按职责分工负责)")
    assert roles(within) == ([LEAD], [(INSURANCE, "explicit"), (FINANCE, "explicit")])
    lines = first_task("\n牵头单位:县卫健委\n责任单位:县医保局、县财政局")
    assert roles(lines) == ([LEAD], [(INSURANCE, "explicit"), (FINANCE, "explicit")])


def test_a_main_responsible_label_leads_and_a_person_label_names_no_unit() -> None:
    assert roles(first_task("(主要责任单位:县卫健委;协同单位:县医保局)")) == ([LEAD], [(INSURANCE, "explicit")])
    person = first_task("(责任领导:张三;责任单位:县卫健委、县医保局)")
    assert roles(person) == ([("临泉县卫生健康委员会", "first_listed")], [(INSURANCE, "first_listed")])


def test_a_bracket_that_opens_with_a_lead_clause_is_read_though_it_ends_otherwise() -> None:
    task = first_task("(县卫健委、县医保局牵头,各乡镇人民政府落实)")
    assert roles(task) == ([LEAD, (INSURANCE, "explicit")], [])  # the units that 落实 are not invented into roles


def test_names_separated_by_a_space_only_are_two_names() -> None:
    task = first_task("(责任单位:县卫健委 县医保局)")
    assert [role.canonical for role in task.lead_detail + task.cooperating_detail] == [LEAD[0], INSURANCE]
