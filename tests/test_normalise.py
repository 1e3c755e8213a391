"""The normaliser: what it changes in a notice, and that every clean offset maps back to the original text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policygraph.ingest.normalise import normalise
from policygraph.ingest.offsets import OffsetMap, kept_intervals
from policygraph.ingest.textutil import to_half_width, to_simplified

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def fold(ch: str) -> str:
    """What a character of the original becomes in the clean text."""
    return to_simplified(to_half_width(ch))


def assert_maps_back(original: str) -> None:
    """Each clean character comes from an original character that folds to it, in increasing order."""
    norm = normalise(original)
    positions = [norm.to_original(i) for i in range(len(norm.text))]
    assert positions == sorted(set(positions))
    for i, ch in enumerate(norm.text):
        assert fold(original[positions[i]]) == ch, (i, ch, original[positions[i]])


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_every_clean_character_of_the_seeds_maps_back_to_its_original(seed: Path) -> None:
    assert_maps_back(seed.read_text(encoding="utf-8"))


def test_full_width_becomes_half_width_but_official_brackets_stay() -> None:
    text = normalise("（一）加强领导：各县（市）人民政府，州卫健委；临州办发〔2021〕76号《通知》、。").text
    assert text == "(一)加强领导:各县(市)人民政府,州卫健委;临州办发〔2021〕76号《通知》、。"


def test_traditional_characters_become_simplified() -> None:
    assert normalise("深化醫藥衛生體制改革重點工作任務").text == "深化医药卫生体制改革重点工作任务"


def test_a_page_break_inside_a_name_is_joined() -> None:
    # seed 003: "(省医保局、省财政厅、省人社厅、省\n\n卫健委等按职责分工负责)"
    text = normalise("研究完善集采规则。(省医保局、省\n\n卫健委等按职责分工负责)\n\n(七)推进医疗服务价格改革。").text
    assert text == "研究完善集采规则。(省医保局、省卫健委等按职责分工负责)\n(七)推进医疗服务价格改革。"


def test_a_title_over_two_lines_is_joined_and_paragraphs_stay_apart() -> None:
    original = "临州办发〔2021〕76号\n临夏回族自治州人民政府办公室\n关于印发加快推进临夏州深化医药\n卫生体制改革2021年重点工作任务的通知\n各县(市)人民政府:\n"
    lines = normalise(original).text.split("\n")
    assert lines == [
        "临州办发〔2021〕76号",
        "临夏回族自治州人民政府办公室关于印发加快推进临夏州深化医药卫生体制改革2021年重点工作任务的通知",
        "各县(市)人民政府:",
    ]


def test_headings_dates_and_signatures_are_not_glued_to_their_neighbours() -> None:
    original = "山西省人民政府办公厅\n\n2022年9月30日\n\n一、加快构建有序的就医和诊疗新格局\n\n三、工作要求\n\n各地要加强组织领导。"
    assert normalise(original).text.split("\n") == [
        "山西省人民政府办公厅",
        "2022年9月30日",
        "一、加快构建有序的就医和诊疗新格局",
        "三、工作要求",
        "各地要加强组织领导。",
    ]


def test_web_chrome_and_trailers_are_removed() -> None:
    original = (
        "无障碍阅读\n\n当前位置: 首页>政府信息公开>政策法规\n\n标题的通知\n\n"
        "发布时间:2021/09/30 12:36 作者: 来源:西藏自治区卫生健康委员会\n\n(一)加强建设\n"
        "您访问的链接即将离开“海丰县人民政府”门户网站,是否继续?"
    )
    assert normalise(original).text == "标题的通知\n(一)加强建设"


def test_word_bookmarks_and_pinyin_glosses_are_removed() -> None:
    assert normalise("[bookmark: _GoBack](十)加快补短板。").text == "(十)加快补短板。"
    assert normalise("醫(yī)療(liáo)服务").text == "医疗服务"
    # Brackets that are not pinyin stay: abbreviations, notes.
    assert (
        normalise("按疾病诊断相关分组(DRG)付费,0-18岁(含18周岁)").text == "按疾病诊断相关分组(DRG)付费,0-18岁(含18周岁)"
    )


def test_spaces_next_to_chinese_go_and_spaces_between_ascii_words_stay() -> None:
    text = normalise(
        "深化医药卫生体制改革 2022 年重点工作任务,在全省 11 个设区市启动 DRG 付费、 医保局; Hello world"
    ).text
    assert text == "深化医药卫生体制改革2022年重点工作任务,在全省11个设区市启动DRG付费、医保局; Hello world"


def test_odd_unicode_spaces_inside_lists_are_removed() -> None:
    assert normalise("市场监管局、\u2002药监局、\u3000医保局").text == "市场监管局、药监局、医保局"


def test_span_to_original_covers_the_same_characters() -> None:
    original = "  (牵头单位:州卫健委;\n\n配合单位:州 医保局)"
    norm = normalise(original)
    start = norm.text.index("州医保局")
    a, b = norm.span_to_original(start, start + len("州医保局"))
    assert original[a:b] == "州 医保局"


# Pieces real notices are made of, including everything the normaliser removes or rewrites.
PIECES = st.sampled_from(
    ["医", "改", "省", "卫健委", "。", "、", "(", ")", "(", ")", ",", ":", " ", " ", "\n", "\n\n", "2022", " 年",
     "醫", "衛", "號", "〔", "〕", "《", "》", "一、", "(一)", "1.", "[bookmark: _GoBack]", "醫(yī)", "\u2002",
     "无障碍阅读\n", "当前位置: 首页\n", "2021年10月27日\n", "DRG", " x"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_any_mixture_of_pieces_maps_back(original: str) -> None:
    assert_maps_back(original)


def test_offset_map_composes_deletions() -> None:
    first = OffsetMap.identity(10).keep(kept_intervals(10, [(2, 4)]))  # "0189…" without 2, 3
    assert [first(i) for i in range(8)] == [0, 1, 4, 5, 6, 7, 8, 9]
    second = first.keep(kept_intervals(8, [(0, 1), (3, 5)]))  # then drop clean 0 and 3..4
    assert [second(i) for i in range(5)] == [1, 4, 7, 8, 9]
    assert second(5) == 10  # the end maps to the end


def test_a_line_opening_with_a_conjunction_continues_the_sentence_before_it() -> None:
    # a PDF wrapped early after a bracketed 文号: the next line's 和《…》 belongs to the same sentence
    original = "根据《甲的通知》(国办发〔2021〕20号)\n和《乙的通知》(甘政办发〔2021〕70号)精神。\n一、任务"
    assert (
        normalise(original).text
        == "根据《甲的通知》(国办发〔2021〕20号)和《乙的通知》(甘政办发〔2021〕70号)精神。\n一、任务"
    )


def test_a_break_inside_an_open_bracket_is_joined_even_after_a_colon() -> None:
    original = "运用。(牵头单位:州卫健委;配合单位:\n州国资委、州医保局)\n(六)坚持党的领导。"
    assert normalise(original).text == "运用。(牵头单位:州卫健委;配合单位:州国资委、州医保局)\n(六)坚持党的领导。"


def test_an_attribution_ends_its_paragraph() -> None:
    # seed 002: each paragraph of a task ends with its own attribution; the next paragraph stays apart
    original = "营造氛围。(自治区党委宣传部负责)\n\n从干预健康影响因素等方面综合施策。(自治区卫生健康委负责)"
    assert normalise(original).text.split("\n") == [
        "营造氛围。(自治区党委宣传部负责)",
        "从干预健康影响因素等方面综合施策。(自治区卫生健康委负责)",
    ]
