"""Issuers, levels and regions: one constructed notice per style of the genre (docs/extraction.md, "Issuers, levels
and regions"). The notices are written for these tests; only public facts (代字, region names) are real."""

from __future__ import annotations

from policygraph.ingest.extract import extract_text
from policygraph.ingest.record import DocumentRecord

BODY = "一、重点任务\n(一)推进分级诊疗。完善上下联动机制。\n(二)加强基层能力。补齐服务短板。\n"


def read(head: str, tail: str = "") -> DocumentRecord:
    return extract_text(head + BODY + tail, "x.txt")


def fields(record: DocumentRecord) -> tuple[str | None, str | None, str | None, str | None]:
    return record.issuer, record.issuer_kind, record.level, record.region


# 1. Joint issuers -------------------------------------------------------------------------------------------------


def test_party_and_government_on_one_line_are_a_joint_issuer_of_the_region_tier() -> None:
    record = read("中共毕节市委 毕节市人民政府\n关于全面推进医改试点工作的实施意见\n毕党发〔2019〕8号\n")
    assert fields(record) == ("中共毕节市委员会、毕节市人民政府", "joint", "prefectural", "贵州省毕节市")


def test_party_and_government_offices_in_the_title_of_a_county_level_city() -> None:
    record = read("中共仁怀市委办公室 仁怀市人民政府办公室关于印发仁怀市2020年医改工作要点的通知\n")
    assert fields(record) == (
        "中共仁怀市委员会办公室、仁怀市人民政府办公室",
        "joint",
        "county",
        "贵州省遵义市仁怀市",
    )


def test_a_county_party_committee_written_with_its_tier_twice() -> None:
    record = read("中共泗县县委 泗县人民政府关于全面深化医改的实施意见\n")
    assert fields(record) == ("中共泗县委员会、泗县人民政府", "joint", "county", "安徽省宿州市泗县")


def test_two_departments_on_one_line() -> None:
    record = read("湖北省卫生健康委员会 湖北省医疗保障局关于做好2021年医改重点任务的通知\n")
    assert fields(record) == ("湖北省卫生健康委员会、湖北省医疗保障局", "joint", "provincial", "湖北省")


def test_co_signing_ministries_in_the_signature_are_national() -> None:
    head = "国卫体改发〔2019〕7号\n关于印发推进分级诊疗若干措施的通知\n各省、自治区、直辖市卫生健康委:\n"
    tail = "国家卫生健康委 国家发展改革委 财政部\n人力资源社会保障部\n国家医保局\n2019年3月1日\n"
    record = read(head, tail)
    assert fields(record) == (
        "国家卫生健康委员会、国家发展和改革委员会、财政部、人力资源和社会保障部、国家医疗保障局",
        "joint",
        "national",
        None,
    )


def test_abbreviated_party_and_government_offices_in_the_signature() -> None:
    record = read("关于印发毕节市2022年深化医改重点任务的通知\n", "市委办公室 市政府办公室\n2022年4月6日\n")
    assert fields(record) == (
        "中共毕节市委员会办公室、毕节市人民政府办公室",
        "joint",
        "prefectural",
        "贵州省毕节市",
    )


# 2. Leading groups ------------------------------------------------------------------------------------------------


def test_a_prefecture_reform_leading_group_office() -> None:
    record = read("恩施州深化医药卫生体制改革领导小组办公室关于印发2020年医改重点任务的通知\n")
    assert record.issuer_kind == "leading_group"
    assert (record.level, record.region) == ("prefectural", "湖北省恩施土家族苗族自治州")


def test_a_county_reform_office_abbreviated_in_the_signature() -> None:
    record = read("关于印发镇宁县2023年医改工作要点的通知\n", "县医改办\n2023年2月10日\n")
    assert fields(record) == (
        "镇宁布依族苗族自治县深化医药卫生体制改革领导小组办公室",
        "leading_group",
        "county",
        "贵州省安顺市镇宁布依族苗族自治县",
    )


def test_the_national_reform_leading_group() -> None:
    record = read("国务院深化医药卫生体制改革领导小组关于进一步推广医改经验的若干意见\n")
    assert fields(record) == ("国务院深化医药卫生体制改革领导小组", "leading_group", "national", None)


# 3. Issuer known only by its 代字 -----------------------------------------------------------------------------------


def test_a_provincial_health_commission_code_names_the_organ_of_its_year() -> None:
    record = read("鄂卫发〔2016〕5号\n关于印发2016年全省医改重点任务的通知\n")
    assert fields(record) == ("湖北省卫生和计划生育委员会", "department", "provincial", "湖北省")
    later = read("鄂卫健办发〔2021〕9号\n关于印发2021年全省医改重点任务的通知\n")
    assert fields(later) == ("湖北省卫生健康委员会办公室", "department", "provincial", "湖北省")


def test_a_provincial_general_office_code() -> None:
    record = read("豫政办〔2019〕30号\n关于印发2019年医改重点工作任务的通知\n")
    assert fields(record) == ("河南省人民政府办公厅", "government", "provincial", "河南省")
    sichuan = read("川办发〔2018〕12号\n关于印发2018年医改重点工作任务的通知\n")
    assert fields(sichuan) == ("四川省人民政府办公厅", "government", "provincial", "四川省")


def test_a_national_commission_code_before_2018() -> None:
    record = read("国卫体改发〔2015〕20号\n关于印发推进医联体试点方案的通知\n")
    assert fields(record) == ("国家卫生和计划生育委员会", "department", "national", None)


# 4. Codes that look like another place ----------------------------------------------------------------------------


def test_a_county_code_starting_with_a_province_abbreviation_keeps_the_written_county() -> None:
    record = read("鲁政办〔2019〕21号\n关于印发鲁山县2019年医改重点工作任务的通知\n", "县政府办公室\n2019年6月3日\n")
    assert fields(record) == ("鲁山县人民政府办公室", "government", "county", "河南省平顶山市鲁山县")


def test_a_city_code_equal_to_a_province_code_keeps_the_written_city() -> None:
    record = read(
        "津政办发〔2020〕4号\n关于印发津市市2020年医改重点工作任务的通知\n", "市人民政府办公室\n2020年3月9日\n"
    )
    assert fields(record) == ("津市市人民政府办公室", "government", "county", "湖南省常德市津市市")


def test_a_code_of_another_place_gives_no_issuer() -> None:
    record = read("津政办发〔2020〕4号\n关于印发津市市2020年医改重点工作任务的通知\n")
    assert fields(record) == (None, None, "county", "湖南省常德市津市市")


def test_the_printed_issuer_beats_the_code_table() -> None:
    record = read("皖政办〔2020〕11号\n宿州市人民政府办公室关于印发2020年医改重点任务的通知\n")
    assert fields(record) == ("宿州市人民政府办公室", "government", "prefectural", "安徽省宿州市")


def test_prefecture_short_names_are_in_their_province() -> None:
    haibei = read("海北州人民政府办公室关于印发2021年医改重点任务的通知\n")
    assert (haibei.level, haibei.region) == ("prefectural", "青海省海北藏族自治州")
    haixi = read("海西州卫生健康委员会关于印发2021年医改重点任务的通知\n")
    assert (haixi.issuer_kind, haixi.level, haixi.region) == ("department", "prefectural", "青海省海西蒙古族藏族自治州")


# 5. A department's notice has its government's tier -------------------------------------------------------------


def test_a_provincial_department_is_provincial() -> None:
    record = read("鄂卫发〔2019〕3号\n湖北省卫生健康委员会关于印发2019年医改重点任务的通知\n")
    assert fields(record) == ("湖北省卫生健康委员会", "department", "provincial", "湖北省")


def test_a_national_department_office_is_national() -> None:
    record = read("国家卫生健康委办公厅关于印发2022年医改监测方案的通知\n")
    assert fields(record) == ("国家卫生健康委员会办公厅", "department", "national", None)


def test_a_prefecture_department_is_prefectural() -> None:
    record = read("黔东南州卫生健康局关于印发2021年医改重点任务的通知\n")
    assert (record.issuer_kind, record.level, record.region) == (
        "department",
        "prefectural",
        "贵州省黔东南苗族侗族自治州",
    )


def test_without_any_region_the_tier_word_gives_the_level() -> None:
    record = read("关于印发2020年医改重点任务的通知\n", "县卫生健康局\n2020年5月6日\n")
    assert fields(record) == ("县卫生健康局", "department", "county", None)


# 6. Where the issuer is printed ------------------------------------------------------------------------------------


def test_an_abbreviated_issuer_in_the_title_gets_the_canonical_name_of_its_attributions() -> None:
    record = read("遵义市卫健委关于印发2020年医改重点任务的通知\n")
    assert fields(record) == ("遵义市卫生健康委员会", "department", "prefectural", "贵州省遵义市")
    haibei = read("海北州人民政府办公室关于印发2021年医改重点任务的通知\n")
    assert haibei.issuer == "海北藏族自治州人民政府办公室"


def test_a_forwarding_notice_is_issued_by_the_forwarding_organ() -> None:
    record = read("湖北省人民政府办公厅转发省卫生计生委等部门关于进一步做好分级诊疗工作意见的通知\n")
    assert fields(record) == ("湖北省人民政府办公厅", "government", "provincial", "湖北省")


def test_a_letterhead_of_a_joint_issuer() -> None:
    record = read("中共毕节市委 毕节市人民政府文件\n毕党发〔2018〕2号\n关于深化医改的实施意见\n")
    assert fields(record) == ("中共毕节市委员会、毕节市人民政府", "joint", "prefectural", "贵州省毕节市")


def test_a_database_field_names_the_issuer() -> None:
    record = read("发文机关:湖南省人民政府办公厅\n发文字号:湘政办发〔2020〕15号\n关于印发2020年医改重点任务的通知\n")
    assert fields(record) == ("湖南省人民政府办公厅", "government", "provincial", "湖南省")


def test_a_government_site_field_names_the_issuer() -> None:
    record = read("发布机构:南宁市卫生健康委员会\n关于印发2021年医改重点任务的通知\n")
    assert fields(record) == ("南宁市卫生健康委员会", "department", "prefectural", "广西壮族自治区南宁市")


def test_a_bracketed_law_database_field_names_the_issuer() -> None:
    record = read("【发布部门】国家卫生健康委员会\n【发文字号】国卫体改发〔2019〕7号\n关于印发若干措施的通知\n")
    assert fields(record) == ("国家卫生健康委员会", "department", "national", None)


def test_an_issuer_line_spaced_out() -> None:
    record = read("吉 林 省 人 民 政 府 办 公 厅\n关于印发2017年医改重点任务的通知\n")
    assert fields(record) == ("吉林省人民政府办公厅", "government", "provincial", "吉林省")


# 7. National organs in local notices ------------------------------------------------------------------------------


def test_national_organs_in_a_local_notice_keep_their_national_names() -> None:
    text = (
        "毕节市人民政府办公室关于印发2019年医改重点任务的通知\n一、重点任务\n"
        "(一)推进分级诊疗。完善机制。(市卫生健康局牵头,财政部、国家医保局、人力资源社会保障部、中央编办配合)\n"
        "(二)推进医联体。完善机制。(国家卫生计生委、发展改革委负责)\n"
        "(三)规范用药。完善机制。(人社部、食药监总局、卫生部负责)\n"
    )
    first, second, third = extract_text(text, "x.txt").tasks
    assert first.lead == ["毕节市卫生健康局"]
    assert [(d.canonical, d.jurisdiction) for d in first.cooperating_detail] == [
        ("财政部", None),
        ("国家医疗保障局", None),
        ("人力资源和社会保障部", None),
        ("中央机构编制委员会办公室", None),
    ]
    assert second.lead + second.cooperating == ["国家卫生和计划生育委员会", "国家发展和改革委员会"]
    assert third.lead + third.cooperating == ["人力资源和社会保障部", "国家食品药品监督管理总局", "卫生部"]


# 9. Names several regions share -------------------------------------------------------------------------------


def test_a_district_name_several_cities_share_is_read_inside_the_region_its_basis_names() -> None:
    title = "朝阳区人民政府办公室关于印发朝阳区2019年医改重点任务的通知\n"
    beijing = read(
        title + "为贯彻落实《北京市人民政府办公厅关于印发北京市2019年医改重点任务的通知》精神,制定本任务。\n"
    )
    changchun = read(title + "根据《长春市人民政府办公厅关于印发2019年医改重点任务的通知》精神,制定本任务。\n")
    by_code = read(title + "朝政办发〔2019〕5号\n根据京政办发〔2019〕12号文件精神,制定本任务。\n")
    assert fields(beijing) == ("朝阳区人民政府办公室", "government", "county", "北京市朝阳区")
    assert fields(changchun)[2:] == ("county", "吉林省长春市朝阳区")
    assert fields(by_code)[2:] == ("county", "北京市朝阳区")


def test_a_shared_district_name_alone_still_gives_its_tier() -> None:
    assert fields(read("鼓楼区人民政府办公室关于印发2019年医改重点任务的通知\n"))[2:] == ("county", None)
