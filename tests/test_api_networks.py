"""The networks endpoints and the /explore/network page over real HTTP on both engines, on the five seeds.

Expected values are worked out by hand from tests/gold/ (the arithmetic is in tests/test_network.py): in seed 003
(山西, 晋政办发〔2022〕83号) 省卫健委 shares tasks with all 16 other agencies (44 in all), leads 9 and cooperates on 11;
seed 000 (临夏州, 临州办发〔2021〕76号) has 17 agencies and 64 edges, 州卫健委 and 州医保局 share 13 tasks.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from policygraph.analysis import network

SHANXI = "晋政办发〔2022〕83号"
LINXIA = "临州办发〔2021〕76号"
SHANXI_WJW = "山西省|山西省卫生健康委员会"
LINXIA_WJW = "甘肃省临夏回族自治州|临夏回族自治州卫生健康委员会"
LINXIA_YBJ = "甘肃省临夏回族自治州|临夏回族自治州医疗保障局"
LINXIA_FGW = "甘肃省临夏回族自治州|临夏回族自治州发展和改革委员会"


def get(api: Any, path: str, **params: Any) -> dict[str, Any]:
    answer = api.get(path, params=params)
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def row_of(body: dict[str, Any], key: str) -> dict[str, Any]:
    return next(row for row in body["items"] if row["key"] == key)


def test_league_table_of_one_notice(api: Any) -> None:
    body = get(api, "/networks/agencies", document=SHANXI, sort="degree", limit=100)
    assert body["network"]["nodes"] == 17 and body["network"]["components"] == 1
    first = body["items"][0]
    assert (first["rank"], first["key"], first["degree"], first["weighted_degree"]) == (1, SHANXI_WJW, 16, 44)
    assert (first["tasks_led"], first["tasks_cooperated"], first["lead_share"]) == (9, 11, 0.45)
    assert first["out_degree"] is None and body["sort"] == "degree" and body["filters"]["document"] == SHANXI
    degrees = [row["degree"] for row in body["items"]]
    assert degrees == sorted(degrees, reverse=True) and len(degrees) == 17 and body["has_more"] is False


def test_region_rolls_up_and_gives_the_same_network_as_the_notice(api: Any) -> None:
    by_notice = get(api, "/networks/agencies", document=LINXIA)["network"]
    for region in ("临夏州", "甘肃", "甘肃省"):
        body = get(api, "/networks/agencies", region=region)
        assert body["network"] == by_notice, region
        assert body["filters"]["region"] == ("甘肃省临夏回族自治州" if region == "临夏州" else "甘肃省")
    # 64 edges among 17 agencies: 64 / 136.
    assert (by_notice["nodes"], by_notice["edges"], by_notice["density"]) == (17, 64, round(64 / 136, 6))


def test_level_year_and_collectives_filters(api: Any) -> None:
    assert get(api, "/networks/agencies", level="county")["network"]["documents"] == 1  # 泗县
    assert get(api, "/networks/agencies", year_from=2022)["network"]["documents"] == 1  # 山西; 广东 names no agency
    assert get(api, "/networks/agencies", year_to=2021)["network"]["documents"] == 3
    included = get(api, "/networks/agencies", document=SHANXI, collectives="include", limit=100)
    # + 各市人民政府, 各市、县人民政府, 各相关部门: degree 19, weighted 44 + 1 + 19 + 1.
    assert (row_of(included, SHANXI_WJW)["degree"], row_of(included, SHANXI_WJW)["weighted_degree"]) == (19, 65)


def test_directed_network(api: Any) -> None:
    body = get(api, "/networks/agencies", document=SHANXI, directed="true", limit=100)
    wjw = row_of(body, SHANXI_WJW)
    assert (wjw["out_degree"], wjw["in_degree"], wjw["weighted_out_degree"], wjw["weighted_in_degree"]) == (
        11,
        6,
        14,
        11,
    )
    assert body["network"]["directed"] is True and body["network"]["out_degree_centralization"] is not None


def test_pages_continue_the_ranking(api: Any) -> None:
    everyone = get(api, "/networks/agencies", limit=500)["items"]
    second = get(api, "/networks/agencies", limit=5, offset=5)
    assert [row["rank"] for row in second["items"]] == [6, 7, 8, 9, 10] and second["has_more"] is True
    assert [row["key"] for row in second["items"]] == [row["key"] for row in everyone[5:10]]
    assert get(api, "/networks/agencies", limit=500)["network"]["nodes"] == len(everyone)


def test_edges_heaviest_first(api: Any) -> None:
    body = get(api, "/networks/agencies/edges", document=LINXIA, limit=1)
    # 州卫健委 and 州医保局 share 13 tasks, 州发改委 12, 州财政局 10: the heaviest tie; 医 sorts before 卫.
    assert body["items"] == [{"source": LINXIA_YBJ, "source_name": "临夏回族自治州医疗保障局", "target": LINXIA_WJW,
                              "target_name": "临夏回族自治州卫生健康委员会", "weight": 13}]  # fmt: skip
    assert body["has_more"] is True and body["directed"] is False
    directed = get(api, "/networks/agencies/edges", document=LINXIA, directed="true", limit=1)["items"][0]
    # 卫健委 leads and 发改委 cooperates on (四)(五)(十四)(十五)(十七)(十八)(十九)(二十一)(二十三) = 9.
    assert (directed["source"], directed["target"], directed["weight"]) == (LINXIA_WJW, LINXIA_FGW, 9)
    assert len(get(api, "/networks/agencies/edges", document=LINXIA, limit=500)["items"]) == 64


def test_adjacency_csv(api: Any) -> None:
    answer = api.get("/networks/agencies/adjacency.csv", params={"document": LINXIA})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(answer.text)))
    header, rows = table[0], {row[0]: row[1:] for row in table[1:]}
    assert len(header) == 18 and len(rows) == 17
    assert rows[LINXIA_WJW][header.index(LINXIA_YBJ) - 1] == "13" == rows[LINXIA_YBJ][header.index(LINXIA_WJW) - 1]


def test_adjacency_csv_of_too_many_agencies_is_refused(api: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(network, "MAX_MATRIX_AGENCIES", 16)  # the server runs in this process: 临夏州 has 17
    refused = api.get("/networks/agencies/adjacency.csv", params={"document": LINXIA})
    assert refused.status_code == 422 and "17 agencies" in refused.json()["detail"]


def test_two_mode_network(api: Any) -> None:
    body = get(api, "/networks/task-agency", document=SHANXI, limit=1)
    # 20 tasks × 17 agencies, 20 lead + 44 cooperating links; (二十) names 6 agencies, (十二)(十三) one.
    assert body["summary"]["tasks"] == 20 and body["summary"]["edges"] == 64
    assert body["summary"]["single_agency_tasks"] == 2
    assert (body["items"][0]["number"], body["items"][0]["agencies"]) == ("(二十)", 6)


def test_bad_parameters_are_refused(api: Any) -> None:
    for path in ("/networks/agencies", "/networks/agencies/edges", "/networks/task-agency",
                 "/networks/agencies/adjacency.csv"):  # fmt: skip
        missing = api.get(path, params={"document": "国办发〔1999〕1号"})
        assert missing.status_code == 404 and "国办发〔1999〕1号" in missing.json()["detail"], path
        for params in ({"region": "火星"}, {"year_from": 2023, "year_to": 2021}, {"level": "city"},
                       {"collectives": "maybe"}, {"document": "a\x00b"}):  # fmt: skip
            refused = api.get(path, params=params)
            assert refused.status_code == 422 and "Traceback" not in refused.text, (path, params)
    assert api.get("/networks/agencies", params={"sort": "size"}).status_code == 422
    assert api.get("/networks/agencies", params={"directed": "sideways"}).status_code == 422


def test_region_message_says_what_is_wrong(api: Any) -> None:
    detail = api.get("/networks/agencies", params={"region": "火星"}).json()["detail"][0]
    assert detail["loc"] == ["query", "region"] and "火星" in detail["msg"]


# --- the explorer page --------------------------------------------------------------------------------------------


def test_page_shows_the_league_table_and_links_its_json_twins(api: Any) -> None:
    answer = api.get("/explore/network", params={"region": "临夏州", "sort": "degree", "year_from": ""})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
    assert "临夏回族自治州卫生健康委员会" in answer.text and "0.4706" in answer.text  # density 64 / 136
    twins = [part.split(">")[0].lstrip(" <") for part in answer.headers["link"].split(",")]
    assert [twin.split("?")[0] for twin in twins] == ["/networks/agencies", "/networks/agencies/edges",
                                                      "/networks/task-agency"]  # fmt: skip
    league = api.get(twins[0]).json()  # (httpx drops a URL's own query when given params, even empty ones)
    assert league["sort"] == "degree" and league["items"][0]["key"] == LINXIA_WJW
    assert all(api.get(twin).status_code == 200 for twin in twins[1:])


def test_page_errors_are_pages(api: Any) -> None:
    missing = api.get("/explore/network", params={"document": "国办发〔1999〕1号"})
    assert missing.status_code == 404 and "<h1>Not found</h1>" in missing.text
    bad = api.get("/explore/network", params={"year_from": "20x"})
    assert bad.status_code == 422 and "year_from" in bad.text and "<html" in bad.text
