"""文号: normalisation of the printed variants, the 代字 inside running text, the issuer registry; dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from policygraph.ingest.dates import parse_date
from policygraph.ingest.docno import find_doc_nos, load_registry, normalise_doc_no


@pytest.mark.parametrize(
    "printed",
    [
        "国办发〔2021〕20号",
        "国办发[2021]20号",
        "国办发［2021］20号",
        "国办发(2021)20号",
        "国办发（2021）20号",
        "国办发【2021】20号",
        "国办发﹝2021﹞20号",
        "国办发 〔 2021 〕 20 号",
        "国办发〔2021〕第20号",
        "国办发〔2021〕020号",
        "國辦發〔2021〕20號",
    ],
)
def test_printed_variants_normalise_to_one_form(printed: str) -> None:
    assert normalise_doc_no(printed) == "国办发〔2021〕20号"


@pytest.mark.parametrize(
    ("text", "prefix"),
    [
        ("根据国办发〔2021〕20号精神", "国办发"),  # a known 代字 inside a sentence
        ("按照皖政办发〔2021〕3号文件", "皖政办发"),  # an unknown one led by a province abbreviation
        ("根据泗政办发〔2021〕5号", "泗政办发"),  # an unknown one after a lead-in word
        ("(藏人社发〔2018〕66号)", "藏人社发"),
        ("临州办发〔2021〕76号", "临州办发"),
    ],
)
def test_the_prefix_is_cut_from_the_sentence_around_it(text: str, prefix: str) -> None:
    (found,) = find_doc_nos(text)
    assert found.prefix == prefix
    assert text[found.start : found.end].startswith(prefix)


def test_every_doc_no_of_a_text_is_found_with_its_span() -> None:
    text = "根据《通知》(国办发〔2021〕20号)和《通知》(甘政办发〔2021〕70号)精神"
    found = find_doc_nos(text)
    assert [d.text for d in found] == ["国办发〔2021〕20号", "甘政办发〔2021〕70号"]
    assert [text[d.start : d.end] for d in found] == ["国办发〔2021〕20号", "甘政办发〔2021〕70号"]


def test_no_doc_no_in_plain_text() -> None:
    assert normalise_doc_no("2021年重点工作任务") is None
    assert find_doc_nos("到2022年底,覆盖率达90%") == []


def test_registry_knows_the_shipped_prefixes() -> None:
    registry = load_registry()
    national = registry.lookup("国办发")
    assert national is not None and (national.issuer, national.level) == ("国务院办公厅", "national")
    gansu = registry.lookup("临州办发")
    assert gansu is not None and (gansu.issuer, gansu.region) == ("临夏回族自治州人民政府办公室", "临夏回族自治州")
    guangdong = registry.lookup("粤办函")
    assert guangdong is not None and guangdong.issuer == "广东省人民政府办公厅"


def test_an_unknown_prefix_resolves_to_its_province() -> None:
    found = load_registry().lookup("皖教体发")
    assert found is not None
    assert (found.issuer, found.level, found.region) == (None, "provincial", "安徽省")
    assert load_registry().lookup("泗政办发") is None  # no province abbreviation: unknown


def test_a_department_code_names_the_provincial_department_of_its_year() -> None:
    registry = load_registry()
    named = {(p, y): registry.lookup(p, y) for p, y in [("鄂卫发", 2012), ("鄂卫发", 2016), ("鄂卫发", 2020)]}
    assert [i.issuer if i else None for i in named.values()] == [
        "湖北省卫生厅",
        "湖北省卫生和计划生育委员会",
        "湖北省卫生健康委员会",
    ]
    office = registry.lookup("鄂卫健办发", 2021)
    assert office is not None and (office.issuer, office.level, office.region) == (
        "湖北省卫生健康委员会办公室",
        "provincial",
        "湖北省",
    )
    municipal = registry.lookup("京卫发", 2012)  # a municipality's departments are 局
    assert municipal is not None and municipal.issuer == "北京市卫生局"
    national = registry.lookup("国卫办体改发", 2016)
    assert national is not None and (national.issuer, national.level) == ("国家卫生和计划生育委员会办公厅", "national")


def test_a_reviewed_extra_table_is_loaded_on_top(tmp_path: Path) -> None:
    extra = tmp_path / "prefixes.csv"
    extra.write_text("prefix,issuer,level,region\n泗政办发,泗县人民政府办公室,county,泗县\n", encoding="utf-8")
    assert load_registry().lookup("泗政办发") is None
    found = load_registry(extra).lookup("泗政办发")
    assert found is not None and (found.issuer, found.level, found.region) == ("泗县人民政府办公室", "county", "泗县")


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("2021年10月27日", "2021-10-27"),
        ("二〇二一年十月二十七日", "2021-10-27"),
        ("二○二二年九月三十日", "2022-09-30"),
        ("二零二四年八月二十一日", "2024-08-21"),
        ("2024年8月21日印发", "2024-08-21"),
        ("2021年13月1日", None),  # not a calendar date
    ],
)
def test_dates_in_arabic_and_chinese_numerals(printed: str, iso: str | None) -> None:
    assert parse_date(printed) == iso
