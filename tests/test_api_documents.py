"""The documents resource over real HTTP on both engines, against answers checked by hand in the five seeds."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

LINXIA = "临州办发〔2021〕76号"
GANSU = "甘政办发〔2021〕70号"
SHANXI = "晋政办发〔2022〕83号"
GUANGDONG = "粤办函〔2024〕267号"
SIXIAN = "安徽省宿州市泗县|2021|泗县深化医药卫生体制改革2021年-2022年重点工作任务"
XIZANG = "西藏自治区|2021|西藏自治区深化医药卫生体制改革领导小组关于印发《西藏自治区2021年深化医药卫生体制改革重点工作任务》的通知"
NATIONAL = {2021: "国办发〔2021〕20号", 2022: "国办发〔2022〕14号", 2024: "国办发〔2024〕29号"}
# The five seeds, newest first, then by key (code-point order: 临 < 安 < 西).
FULL = [GUANGDONG, SHANXI, LINXIA, SIXIAN, XIZANG]
TASKS = {GUANGDONG: 22, SHANXI: 20, LINXIA: 26, SIXIAN: 19, XIZANG: 25}


def url(key: str, suffix: str = "") -> str:
    return f"/documents/{quote(key, safe='')}{suffix}"


def keys(api: Any, path: str, **params: Any) -> list[str]:
    answer = api.get(path, params=params)
    assert answer.status_code == 200, answer.text
    return [item["key"] for item in answer.json()["items"]]


def get(api: Any, path: str, **params: Any) -> Any:
    answer = api.get(path, params=params)
    assert answer.status_code == 200, answer.text
    return answer.json()


# --- GET /documents -------------------------------------------------------------------------------------------------


def test_list_is_full_notices_newest_first(api: Any) -> None:
    page = get(api, "/documents")
    assert [item["key"] for item in page["items"]] == FULL
    assert {item["key"]: item["task_count"] for item in page["items"]} == TASKS
    assert not any(item["stub"] for item in page["items"])
    assert page["has_more"] is False and page["limit"] == 50 and page["offset"] == 0
    linxia = page["items"][2]
    assert linxia == {
        "key": LINXIA,
        "doc_no": LINXIA,
        "issuer": "临夏回族自治州人民政府办公室",
        "level": "prefectural",
        "title": "临夏回族自治州人民政府办公室关于印发加快推进临夏州深化医药卫生体制改革2021年重点工作任务的通知",
        "region": "甘肃省临夏回族自治州",
        "date": "2021-10-27",
        "year": 2021,
        "stub": False,
        "task_count": 26,
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"level": "provincial"}, [GUANGDONG, SHANXI, XIZANG]),
        ({"level": "county"}, [SIXIAN]),
        ({"level": "national"}, []),
        ({"region": "甘肃"}, [LINXIA]),  # rolls up: the prefecture's notice is in the province
        ({"region": "甘肃省临夏回族自治州"}, [LINXIA]),
        ({"region": "临夏州"}, [LINXIA]),
        ({"region": "安徽"}, [SIXIAN]),
        ({"region": "宿州市泗县"}, [SIXIAN]),
        ({"region": "晋"}, [SHANXI]),
        ({"region": "中国"}, FULL),
        ({"region": "甘肃", "stub": "true"}, [GANSU, "临州办发〔2018〕77号"]),  # stubs, newest first
        ({"year": 2021}, [LINXIA, SIXIAN, XIZANG]),
        ({"year_from": 2022}, [GUANGDONG, SHANXI]),
        ({"year_to": 2022}, [SHANXI, LINXIA, SIXIAN, XIZANG]),
        ({"year_from": 2022, "year_to": 2022}, [SHANXI]),
        ({"year": 2023}, []),
        ({"year": 2021, "year_from": 2021, "year_to": 2022}, [LINXIA, SIXIAN, XIZANG]),  # all must hold
        ({"year": 2021, "year_from": 2022}, []),
        ({"level": "provincial", "year": 2021}, [XIZANG]),
        ({"level": "provincial", "region": "西藏"}, [XIZANG]),
    ],
)
def test_list_filters(api: Any, params: dict[str, Any], expected: list[str]) -> None:
    assert keys(api, "/documents", **params) == expected


def test_list_stubs(api: Any) -> None:
    stubs = get(api, "/documents", stub="true", limit=500)["items"]
    by_key = {item["key"]: item for item in stubs}
    assert all(item["stub"] and item["task_count"] is None for item in stubs)
    assert {GANSU, "临州办发〔2018〕77号", *NATIONAL.values()} <= set(by_key)
    assert not set(FULL) & set(by_key)
    assert by_key[GANSU]["level"] == "provincial" and by_key[GANSU]["region"] == "甘肃省"
    # cited by title only: no 文号, region or year; such stubs drop out under any region filter
    assert by_key["《山西省推动公立医院高质量发展实施方案》"]["doc_no"] is None
    with_region = keys(api, "/documents", stub="true", region="中国", limit=500)
    assert "《山西省推动公立医院高质量发展实施方案》" not in with_region and GANSU in with_region
    national = keys(api, "/documents", stub="true", level="national", year=2021)
    assert national == [NATIONAL[2021]]


def test_list_pagination(api: Any) -> None:
    first = get(api, "/documents", limit=2)
    assert [item["key"] for item in first["items"]] == FULL[:2]
    assert first["has_more"] is True and first["limit"] == 2
    second = get(api, "/documents", limit=2, offset=2)
    assert [item["key"] for item in second["items"]] == FULL[2:4] and second["has_more"] is True
    last = get(api, "/documents", limit=2, offset=4)
    assert [item["key"] for item in last["items"]] == FULL[4:] and last["has_more"] is False
    assert get(api, "/documents", limit=5)["has_more"] is False
    assert get(api, "/documents", offset=10)["items"] == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"level": "city"}, "level"),
        ({"region": "火星"}, "region"),
        ({"region": "甘" * 51}, "region"),
        ({"year": 1800}, "year"),
        ({"year": "twenty"}, "year"),
        ({"year_from": 2022, "year_to": 2021}, "year_to"),
        ({"stub": "maybe"}, "stub"),
        ({"limit": 0}, "limit"),
        ({"limit": 501}, "limit"),
        ({"offset": -1}, "offset"),
    ],
)
def test_list_invalid_parameters_are_422(api: Any, params: dict[str, Any], field: str) -> None:
    answer = api.get("/documents", params=params)
    assert answer.status_code == 422
    errors = answer.json()["detail"]
    assert [error["loc"] for error in errors] == [["query", field]]
    assert errors[0]["msg"]


def test_unknown_region_names_the_problem(api: Any) -> None:
    message = api.get("/documents", params={"region": "火星"}).json()["detail"][0]["msg"]
    assert "no region is named '火星'" in message


# --- GET /documents/{key} -------------------------------------------------------------------------------------------


def test_detail_of_a_full_notice(api: Any) -> None:
    doc = get(api, url(LINXIA))
    assert doc["key"] == LINXIA and doc["stub"] is False and doc["note"] is None
    assert doc["series"] is True and doc["registry"] is False
    assert doc["source"].endswith("seeds/000_2021_甘肃省临夏州_临州办发〔2021〕76号.txt")
    assert (doc["implements"], doc["implements_relation"]) == (GANSU, "explicit")
    assert [(c["key"], c["relation"], c["span"]) for c in doc["citations"]] == [
        (NATIONAL[2021], "basis", [356, 406]),
        (GANSU, "basis", [407, 465]),
        ("临州办发〔2018〕77号", "reference", [1163, 1200]),
    ]
    assert doc["citations"][1]["stub"] is True
    assert doc["citations"][1]["quote"].endswith("(甘政办发〔2021〕70号)")
    tasks = doc["tasks"]
    assert [t["ordinal"] for t in tasks] == list(range(1, 27))
    assert [t["number"] for t in tasks[:3]] == ["(一)", "(二)", "(三)"]


def test_detail_task_roles_programmes_and_targets(api: Any) -> None:
    tasks = get(api, url(LINXIA))["tasks"]
    # (十)推进医保支付方式改革 … (牵头单位:州医保局;配合单位:州财政局、州卫健委)
    task = tasks[9]
    assert (task["key"], task["section"], task["number"], task["title"]) == (
        f"{LINXIA}#10",
        "三",
        "(十)",
        "推进医保支付方式改革",
    )
    assert task["span"] == [2376, 2734] and task["text"].endswith("(牵头单位:州医保局;配合单位:州财政局、州卫健委)")
    [lead] = task["leads"]
    assert lead == {
        "key": "甘肃省临夏回族自治州|临夏回族自治州医疗保障局",
        "name": "临夏回族自治州医疗保障局",
        "kind": "agency",
        "jurisdiction": "甘肃省临夏回族自治州",
        "basis": "explicit",
        "quote": "(牵头单位:州医保局;配合单位:州财政局、州卫健委)",
        "span": [2714, 2718],
        "as_written": "州医保局",
    }
    assert [(a["as_written"], a["name"]) for a in task["cooperating"]] == [
        ("州财政局", "临夏回族自治州财政局"),
        ("州卫健委", "临夏回族自治州卫生健康委员会"),
    ]
    assert "紧密型县域医共体" in task["programmes"] and "家庭医生签约服务" in task["programmes"]
    # (十六) … 力争40%以上的基层医疗机构达到国家基本标准、8%的基层医疗机构达到国家推荐标准 … (州卫健委负责)
    task = tasks[15]
    assert [(a["as_written"], a["basis"]) for a in task["leads"]] == [("州卫健委", "sole")]
    assert task["cooperating"] == []
    assert [(g["text"], g["kind"], g["value"]) for g in task["targets"]] == [
        ("40%以上", "percent", 40.0),
        ("8%", "percent", 8.0),
    ]
    assert sorted(task["programmes"]) == ["优质服务基层行", "家庭医生签约服务"]


def test_detail_roles_in_printed_order(api: Any) -> None:
    # 西藏 (八): (自治区卫生健康委、发改委、经信厅、医保局、各市地人民政府分别负责)
    task = get(api, url(XIZANG))["tasks"][7]
    assert [(a["as_written"], a["basis"]) for a in task["leads"]] == [
        ("自治区卫生健康委", "respective"),
        ("发改委", "respective"),
        ("经信厅", "respective"),
        ("医保局", "respective"),
        ("各市地人民政府", "respective"),
    ]
    # 山西 (三): 省卫健委 leads (first listed), the standing clause adds 市、县人民政府 as cooperating
    task = get(api, url(SHANXI))["tasks"][2]
    assert [(a["as_written"], a["basis"]) for a in task["leads"]] == [("省卫健委", "first_listed")]
    assert [(a["as_written"], a["basis"]) for a in task["cooperating"]] == [
        ("市、县人民政府", "standing_clause"),
        ("省人社厅", "first_listed"),
        ("省医保局", "first_listed"),
        ("省乡村振兴局", "first_listed"),
    ]


def test_detail_with_a_key_made_of_region_year_title(api: Any) -> None:
    doc = get(api, url(SIXIAN))
    assert doc["doc_no"] is None and doc["region"] == "安徽省宿州市泗县" and doc["task_count"] == 19
    assert len(doc["tasks"]) == 19 and doc["tasks"][0]["title"] == "加强新冠肺炎疫情防控"
    assert (doc["implements"], doc["implements_relation"]) == (NATIONAL[2021], "inferred")
    # the raw key, '|' unencoded, reaches the same notice
    assert api.get(f"/documents/{SIXIAN}").json()["key"] == SIXIAN


def test_detail_gives_each_task_its_deadline_and_the_notice_its_coverage(api: Any) -> None:
    doc = get(api, url(LINXIA))
    deadlines = [task["deadline"] for task in doc["tasks"]]
    assert all(
        set(d) == {"as_written", "date", "kind"} and d["kind"] in ("by_date", "ongoing", "none") for d in deadlines
    )
    assert all(d["as_written"] is None and d["date"] is None for d in deadlines if d["kind"] == "none")
    coverage = doc["coverage"]
    assert coverage["tasks_with_deadline"] == sum(1 for d in deadlines if d["kind"] != "none")
    assert {k: v for k, v in coverage.items() if k != "tasks_with_deadline"} == {
        "tasks": 26, "tasks_with_lead": 26, "tasks_with_cooperating": 22, "unconsumed": [], "missing": [],
        "needs_review": False, "reasons": []}  # fmt: skip


def test_detail_of_a_notice_that_needs_review_says_why(api: Any) -> None:
    coverage = get(api, url(SIXIAN))["coverage"]
    assert coverage["needs_review"] is True and coverage["reasons"] == ["no issuer", "no date"]
    assert [m["field"] for m in coverage["missing"]] == ["doc_no", "issuer", "date"]
    assert coverage["missing"][0]["reason"] == "no 文号 printed in the header"


def test_detail_of_a_stub_says_so(api: Any) -> None:
    doc = get(api, url(GANSU))
    assert doc["stub"] is True and doc["tasks"] == [] and doc["task_count"] is None
    assert "stub" in doc["note"] and doc["source"] is None and doc["coverage"] is None
    assert doc["title"] == "甘肃省人民政府办公厅关于印发甘肃省深化医药卫生体制改革2021年重点工作任务的通知"
    assert (doc["implements"], doc["implements_relation"]) == (NATIONAL[2021], "inferred")
    national = get(api, url(NATIONAL[2022]))
    assert national["stub"] is True and national["registry"] is True and national["implements"] is None


@pytest.mark.parametrize("suffix", ["", "/lineage", "/children"])
@pytest.mark.parametrize("key", ["国办发〔2099〕1号", "no such notice", f"{LINXIA}/extra", "a|b/c"])
def test_unknown_key_is_404(api: Any, key: str, suffix: str) -> None:
    answer = api.get(url(key, suffix))
    assert answer.status_code == 404
    assert answer.json() == {"detail": f"no notice has the key {key!r}"}


def test_too_long_key_is_422(api: Any) -> None:
    answer = api.get(url("文" * 301))
    assert answer.status_code == 422 and answer.json()["detail"][0]["loc"] == ["path", "key"]


@pytest.mark.parametrize("suffix", ["", "/lineage", "/children"])
def test_key_with_a_nul_is_422(api: Any, suffix: str) -> None:
    # FalkorDB would cut the query at the NUL: the store refuses it first, on both engines alike.
    answer = api.get(url(f"{LINXIA}\x00", suffix))
    assert answer.status_code == 422
    assert answer.json()["detail"] == [{"loc": ["path", "key"], "msg": "must not contain a NUL character",
                                        "type": "value_error"}]  # fmt: skip


# --- GET /documents/{key}/lineage -----------------------------------------------------------------------------------


def hops(api: Any, key: str) -> list[tuple[str, str, bool]]:
    return [(h["key"], h["relation"], h["stub"]) for h in get(api, url(key, "/lineage"))["hops"]]


def test_lineage_of_each_seed(api: Any) -> None:
    assert hops(api, LINXIA) == [(GANSU, "explicit", True), (NATIONAL[2021], "inferred", True)]
    assert hops(api, SHANXI) == [(NATIONAL[2022], "explicit", True)]
    assert hops(api, GUANGDONG) == [(NATIONAL[2024], "explicit", True)]
    assert hops(api, XIZANG) == [(NATIONAL[2021], "inferred", True)]
    assert hops(api, SIXIAN) == [(NATIONAL[2021], "inferred", True)]


def test_lineage_with_missing_tiers(api: Any) -> None:
    lineage = get(api, url(SIXIAN, "/lineage"))
    assert (lineage["key"], lineage["level"], lineage["reaches_national"]) == (SIXIAN, "county", True)
    [hop] = lineage["hops"]
    assert hop["level"] == "national" and hop["year"] == 2021
    assert "missing tiers: no 2021 notice of 安徽省宿州市 (prefectural), 安徽省 (provincial)" in hop["reason"]
    assert lineage["missing_tiers"] == [
        {"level": "prefectural", "region": "安徽省宿州市", "year": 2021, "below": SIXIAN},
        {"level": "provincial", "region": "安徽省", "year": 2021, "below": SIXIAN},
    ]


def test_lineage_through_a_stub_has_no_missing_tier(api: Any) -> None:
    lineage = get(api, url(LINXIA, "/lineage"))
    assert lineage["missing_tiers"] == [] and lineage["reaches_national"] is True
    first, second = lineage["hops"]
    assert (first["level"], first["reason"]) == ("provincial", "cited as its basis")
    assert second["reason"].startswith("not loaded (known only as cited)")
    for key in (XIZANG, SHANXI, GUANGDONG):
        assert get(api, url(key, "/lineage"))["missing_tiers"] == []


def test_lineage_of_a_national_notice_is_empty(api: Any) -> None:
    lineage = get(api, url(NATIONAL[2021], "/lineage"))
    assert lineage["hops"] == [] and lineage["missing_tiers"] == [] and lineage["reaches_national"] is True
    assert lineage["key"] == NATIONAL[2021] and lineage["stub"] is True


def test_lineage_of_a_notice_outside_the_series_does_not_reach_national(api: Any) -> None:
    lineage = get(api, url("藏人社发〔2018〕66号", "/lineage"))
    # a department's 代字 (藏人社发): the stub has its government's tier, not a level of its own
    assert lineage["hops"] == [] and lineage["reaches_national"] is False and lineage["level"] == "provincial"


# --- GET /documents/{key}/children ----------------------------------------------------------------------------------


def test_children_of_the_2021_national_notice(api: Any) -> None:
    page = get(api, url(NATIONAL[2021], "/children"))
    assert [(c["key"], c["relation"], c["stub"]) for c in page["items"]] == [
        (SIXIAN, "inferred", False),
        (GANSU, "inferred", True),
        (XIZANG, "inferred", False),
    ]
    assert page["has_more"] is False


def test_children_relations_and_leaves(api: Any) -> None:
    [child] = get(api, url(GANSU, "/children"))["items"]
    assert (child["key"], child["relation"], child["reason"]) == (LINXIA, "explicit", "cited as its basis")
    assert keys(api, url(NATIONAL[2022], "/children")) == [SHANXI]
    assert keys(api, url(NATIONAL[2024], "/children")) == [GUANGDONG]
    assert keys(api, url(LINXIA, "/children")) == []
    assert keys(api, url("国办发〔2016〕26号", "/children")) == []


def test_children_pagination(api: Any) -> None:
    page = get(api, url(NATIONAL[2021], "/children"), limit=1, offset=1)
    assert [c["key"] for c in page["items"]] == [GANSU] and page["has_more"] is True
    page = get(api, url(NATIONAL[2021], "/children"), limit=2, offset=1)
    assert [c["key"] for c in page["items"]] == [GANSU, XIZANG] and page["has_more"] is False
    assert api.get(url(NATIONAL[2021], "/children"), params={"limit": 0}).status_code == 422


# --- GET /documents/stubs -------------------------------------------------------------------------------------------


def test_stub_parents_and_who_waits_on_them(api: Any) -> None:
    page = get(api, "/documents/stubs")
    assert [p["key"] for p in page["items"]] == [NATIONAL[2021], GANSU, NATIONAL[2022], NATIONAL[2024]]
    by_key = {p["key"]: p for p in page["items"]}
    assert [c["key"] for c in by_key[NATIONAL[2021]]["children"]] == [SIXIAN, GANSU, XIZANG]
    assert by_key[NATIONAL[2021]]["registry"] is True and by_key[GANSU]["registry"] is False
    [waiting] = by_key[GANSU]["children"]
    assert (waiting["key"], waiting["relation"]) == (LINXIA, "explicit")
    assert by_key[GANSU]["issuer"] == "甘肃省人民政府办公厅" and by_key[GANSU]["level"] == "provincial"


def test_stub_parents_filters_and_pagination(api: Any) -> None:
    [parent] = get(api, "/documents/stubs", region="安徽")["items"]
    assert parent["key"] == NATIONAL[2021] and [c["key"] for c in parent["children"]] == [SIXIAN]
    assert keys(api, "/documents/stubs", region="甘肃") == [NATIONAL[2021], GANSU]
    assert keys(api, "/documents/stubs", year=2022) == [NATIONAL[2022]]
    assert keys(api, "/documents/stubs", region="广东", year=2021) == []
    page = get(api, "/documents/stubs", limit=1, offset=1)
    assert [p["key"] for p in page["items"]] == [GANSU] and page["has_more"] is True
    assert api.get("/documents/stubs", params={"region": "火星"}).status_code == 422
    assert api.get("/documents/stubs", params={"year": 3000}).status_code == 422


# --- the spec -------------------------------------------------------------------------------------------------------


def test_openapi_documents_the_endpoints(api: Any) -> None:
    paths = api.get("/openapi.json").json()["paths"]
    for path in (
        "/documents",
        "/documents/stubs",
        "/documents/{key}",
        "/documents/{key}/lineage",
        "/documents/{key}/children",
    ):
        operation = paths[path]["get"]
        assert operation["tags"] == ["documents"] and operation["summary"] and operation["description"]
        for parameter in operation.get("parameters", []):
            assert parameter.get("description"), (path, parameter["name"])
    listed = {p["name"]: p for p in paths["/documents"]["get"]["parameters"]}
    assert {"level", "region", "year", "year_from", "year_to", "stub", "limit", "offset"} <= set(listed)
    assert listed["region"]["schema"]["anyOf"][0]["maxLength"] == 50
    assert "404" in paths["/documents/{key}"]["get"]["responses"]
