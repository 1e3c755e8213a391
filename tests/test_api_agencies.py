"""The agencies endpoints over real HTTP on both engines, against answers checked by hand on the five seeds.

The counts come from reading the notices (and agree with the hand-checked gold in tests/gold/): 西藏's 卫健委 leads 17
tasks (11 "X负责" sole, 6 "分别负责" respective), 泗县's 15 (all "A、B等按职责分工负责" first_listed), 临夏州's 14
(11 牵头单位 explicit, 3 "州卫健委负责" sole: (六), (十六), (二十四)), 山西's 9; 广东's notice names no agency.
"""

from __future__ import annotations

from typing import Any

XIZANG_WJW = "西藏自治区|西藏自治区卫生健康委员会"
SIXIAN_WJW = "安徽省宿州市泗县|泗县卫生健康委员会"
LINXIA_WJW = "甘肃省临夏回族自治州|临夏回族自治州卫生健康委员会"
LINXIA_YBJ = "甘肃省临夏回族自治州|临夏回族自治州医疗保障局"
SHANXI_WJW = "山西省|山西省卫生健康委员会"
LINXIA_DOC = "临州办发〔2021〕76号"


def ranking(api: Any, **params: Any) -> dict[str, Any]:
    answer = api.get("/agencies/top-leads", params=params)
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def leaders(body: dict[str, Any]) -> list[tuple[str, int]]:
    return [(row["agency"]["key"], row["tasks"]) for row in body["items"]]


# --- /agencies/top-leads ----------------------------------------------------------------------------------------


def test_top_lead_agencies_overall(api: Any) -> None:
    body = ranking(api, limit=5)
    assert leaders(body) == [(XIZANG_WJW, 17), (SIXIAN_WJW, 15), (LINXIA_WJW, 14),
                             ("西藏自治区|西藏自治区医疗保障局", 10), (SHANXI_WJW, 9)]  # fmt: skip
    top = body["items"][0]
    assert top["agency"] == {
        "key": XIZANG_WJW,
        "name": "西藏自治区卫生健康委员会",
        "jurisdiction": "西藏自治区",
        "kind": "agency",
    }
    assert top["function"] == "卫生健康委员会"
    assert len(top["task_list"]) == 17 and top["tasks_truncated"] is False
    assert [t["number"] for t in top["task_list"][:3]] == ["1.", "2.", "3."]
    assert top["agency_count"] == 1 and top["agencies"][0]["tasks"] == 17
    assert body["group_by"] == "agency" and body["region"] is None and body["has_more"] is True


def test_the_tasks_behind_the_count_are_the_agencys_own(api: Any) -> None:
    row = ranking(api, region="临夏州", limit=1)["items"][0]
    numbers = [t["number"] for t in row["task_list"]]
    # 临夏州's 卫健委 leads (四)-(六), (十四)-(二十一), (二十三), (二十四), (二十六); (二十二) is 州工信局's.
    assert numbers == ["(四)", "(五)", "(六)", "(十四)", "(十五)", "(十六)", "(十七)", "(十八)", "(十九)", "(二十)",
                       "(二十一)", "(二十三)", "(二十四)", "(二十六)"]  # fmt: skip
    assert {t["document"] for t in row["task_list"]} == {LINXIA_DOC}
    assert row["task_list"][0] == {"key": f"{LINXIA_DOC}#4", "document": LINXIA_DOC, "year": 2021, "number": "(四)",
                                   "title": "开展公立医院高质量发展试点"}  # fmt: skip


def test_region_filter_rolls_up_and_accepts_short_forms(api: Any) -> None:
    for region in ("临夏州", "临夏回族自治州", "甘肃省临夏回族自治州", "甘肃省", "甘肃"):
        body = ranking(api, region=region, limit=1)
        assert leaders(body) == [(LINXIA_WJW, 14)], region
    assert ranking(api, region="临夏州")["region"] == "甘肃省临夏回族自治州"
    assert leaders(ranking(api, region="安徽省", limit=1)) == [(SIXIAN_WJW, 15)]
    assert ranking(api, region="宿州市", limit=1)["region"] == "安徽省宿州市"
    # The whole country is no filter at all.
    assert leaders(ranking(api, region="中国", limit=1)) == [(XIZANG_WJW, 17)]
    assert ranking(api, region="广东省")["items"] == []


def test_level_filter(api: Any) -> None:
    assert leaders(ranking(api, level="prefectural", limit=1)) == [(LINXIA_WJW, 14)]
    assert leaders(ranking(api, level="county", limit=1)) == [(SIXIAN_WJW, 15)]
    assert leaders(ranking(api, level="provincial", limit=2)) == [
        (XIZANG_WJW, 17),
        ("西藏自治区|西藏自治区医疗保障局", 10),
    ]
    assert ranking(api, level="national")["items"] == []


def test_year_filter(api: Any) -> None:
    assert leaders(ranking(api, year_from=2022, limit=1)) == [(SHANXI_WJW, 9)]
    assert leaders(ranking(api, year_to=2021, limit=1)) == [(XIZANG_WJW, 17)]
    assert leaders(ranking(api, year_from=2021, year_to=2021, limit=1)) == [(XIZANG_WJW, 17)]
    assert ranking(api, year_from=2023)["items"] == []  # 广东 2024 names no agency


def test_basis_filter_counts_only_those_edges(api: Any) -> None:
    assert leaders(ranking(api, basis="sole", limit=1)) == [(XIZANG_WJW, 11)]
    assert leaders(ranking(api, basis="explicit", limit=1)) == [(LINXIA_WJW, 11)]
    assert leaders(ranking(api, basis="first_listed", limit=2)) == [(SIXIAN_WJW, 15), (SHANXI_WJW, 9)]
    both = api.get("/agencies/top-leads", params=[("basis", "sole"), ("basis", "explicit"), ("limit", "2")]).json()
    assert leaders(both) == [(LINXIA_WJW, 14), (XIZANG_WJW, 11)]


def test_collectives_are_left_out_unless_asked(api: Any) -> None:
    excluded = ranking(api, limit=500)
    assert all(row["agency"]["kind"] != "collective" for row in excluded["items"])
    included = ranking(api, collectives="include", limit=6)
    sixth = included["items"][5]
    # 西藏's notice: "各市地人民政府…分别负责" under 7 tasks.
    assert (sixth["agency"]["key"], sixth["agency"]["kind"], sixth["tasks"]) == (
        "西藏自治区|西藏自治区各市地人民政府",
        "collective",
        7,
    )


def test_group_by_function_pools_regions(api: Any) -> None:
    body = ranking(api, group_by="function", limit=2)
    assert body["group_by"] == "function"
    first, second = body["items"]
    assert (first["function"], first["tasks"], first["agency"]) == ("卫生健康委员会", 55, None)
    assert [(a["key"], a["tasks"]) for a in first["agencies"]] == [(XIZANG_WJW, 17), (SIXIAN_WJW, 15), (LINXIA_WJW, 14),
                                                                   (SHANXI_WJW, 9)]  # fmt: skip
    assert first["agency_count"] == 4 and first["agencies_truncated"] is False
    assert len(first["task_list"]) == 20 and first["tasks_truncated"] is True
    assert first["task_list"][0]["key"] == f"{LINXIA_DOC}#4"
    assert (second["function"], second["tasks"]) == ("医疗保障局", 20)  # 10 西藏 + 4 山西 + 4 临夏 + 2 泗县
    in_gansu = ranking(api, group_by="function", region="甘肃省", limit=1)["items"][0]
    assert (in_gansu["function"], in_gansu["tasks"], in_gansu["agency_count"]) == ("卫生健康委员会", 14, 1)


def test_top_leads_pagination(api: Any) -> None:
    first = ranking(api, limit=2)
    second = ranking(api, limit=2, offset=2)
    assert leaders(first) == [(XIZANG_WJW, 17), (SIXIAN_WJW, 15)] and first["has_more"] is True
    assert leaders(second)[0] == (LINXIA_WJW, 14)
    assert (second["limit"], second["offset"]) == (2, 2)
    everything = ranking(api, limit=500)
    assert everything["has_more"] is False
    last = ranking(api, limit=2, offset=len(everything["items"]) - 1)
    assert len(last["items"]) == 1 and last["has_more"] is False
    assert ranking(api, offset=10_000)["items"] == []


def test_top_leads_rejects_bad_parameters(api: Any) -> None:
    for params in ({"level": "city"}, {"basis": "guess"}, {"collectives": "yes"}, {"group_by": "region"},
                   {"year_from": 1800}, {"limit": 0}, {"limit": 501}, {"offset": -1}, {"region": "x" * 51}):  # fmt: skip
        answer = api.get("/agencies/top-leads", params=params)
        assert answer.status_code == 422, params
    unknown = api.get("/agencies/top-leads", params={"region": "亚特兰蒂斯"})
    assert unknown.status_code == 422
    assert (
        unknown.json()["detail"][0]["loc"] == ["query", "region"] and "亚特兰蒂斯" in unknown.json()["detail"][0]["msg"]
    )
    backwards = api.get("/agencies/top-leads", params={"year_from": 2024, "year_to": 2021})
    assert backwards.status_code == 422 and "year_to" in backwards.json()["detail"][0]["msg"]


# --- /agencies --------------------------------------------------------------------------------------------------


def test_search_agencies_by_written_form(api: Any) -> None:
    # 州卫健委 (临夏), 县卫健委 (泗县) and 省卫健委 (山西) are written so; 西藏 writes 自治区卫生健康委.
    body = api.get("/agencies", params={"q": "卫健委"}).json()
    assert [a["key"] for a in body["items"]] == [SIXIAN_WJW, SHANXI_WJW, LINXIA_WJW]
    shanxi = body["items"][1]
    assert shanxi["aliases"] == ["省卫健委"] and shanxi["level"] == "provincial"
    assert (shanxi["tasks_led"], shanxi["tasks_cooperated"]) == (9, 11)
    assert [a["key"] for a in api.get("/agencies", params={"q": "自治区卫生健康委"}).json()["items"]] == [XIZANG_WJW]


def test_list_agencies_by_jurisdiction_and_kind(api: Any) -> None:
    params = {"jurisdiction": "甘肃省", "kind": "party organ"}
    body = api.get("/agencies", params=params).json()
    # 州委宣传部 and 州委网信办 cooperate on (二十); 州委编办 leads (十二) and cooperates on (四), (五).
    assert [(a["name"], a["tasks_led"], a["tasks_cooperated"]) for a in body["items"]] == [
        ("中共临夏回族自治州委员会宣传部", 0, 1),
        ("临夏回族自治州机构编制委员会办公室", 1, 2),
        ("临夏回族自治州网络安全和信息化委员会办公室", 0, 1),
    ]
    page = api.get("/agencies", params={**params, "limit": 2}).json()
    assert len(page["items"]) == 2 and page["has_more"] is True
    rest = api.get("/agencies", params={**params, "limit": 2, "offset": 2}).json()
    assert [a["name"] for a in rest["items"]] == ["临夏回族自治州网络安全和信息化委员会办公室"] and rest[
        "has_more"
    ] is False
    assert all(
        a["jurisdiction"].startswith("甘肃省")
        for a in api.get("/agencies", params={"jurisdiction": "临夏"}).json()["items"]
    )


def test_list_agencies_rejects_bad_parameters(api: Any) -> None:
    for params in ({"kind": "ministry"}, {"q": ""}, {"q": "x" * 101}, {"q": "卫\x00"}, {"jurisdiction": "亚特兰蒂斯"},
                   {"jurisdiction": "临夏\x00"}, {"limit": 0}):  # fmt: skip
        assert api.get("/agencies", params=params).status_code == 422, params


# --- /agencies/{key} --------------------------------------------------------------------------------------------


def test_agency_profile(api: Any) -> None:
    answer = api.get(f"/agencies/{LINXIA_YBJ}")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["name"], body["jurisdiction"], body["kind"], body["function"]) == (
        "临夏回族自治州医疗保障局", "甘肃省临夏回族自治州", "agency", "医疗保障局")  # fmt: skip
    assert body["aliases"] == ["州医保局"]
    # 牵头单位：州医保局 in (七), (九), (十), (二十五); 配合单位 …州医保局 in nine tasks.
    assert (body["tasks_led"], body["tasks_cooperated"]) == (4, 9)
    assert body["by_year"] == [{"year": 2021, "led": 4, "cooperated": 9}]
    led = [t["number"] for t in body["tasks"] if t["role"] == "lead"]
    cooperated = [t["number"] for t in body["tasks"] if t["role"] == "cooperate"]
    assert led == ["(七)", "(九)", "(十)", "(二十五)"]
    assert cooperated == ["(四)", "(五)", "(八)", "(十四)", "(十五)", "(十七)", "(十八)", "(二十二)", "(二十六)"]
    assert {t["basis"] for t in body["tasks"]} == {"explicit"} and body["tasks_truncated"] is False
    assert body["issued"] == []


def test_agency_profile_collaborators_hand_checked(api: Any) -> None:
    body = api.get(f"/agencies/{LINXIA_YBJ}").json()
    by_key = {c["key"]: c for c in body["collaborators"]}
    # 州卫健委 cooperates on the four tasks 州医保局 leads; leads seven it cooperates on ((四), (五), (十四), (十五),
    # (十七), (十八), (二十六)); both cooperate on (八) and (二十二) (州工信局 leads).
    wjw = by_key[LINXIA_WJW]
    assert (wjw["shared"], wjw["i_lead_they_cooperate"], wjw["they_lead_i_cooperate"], wjw["both_lead"],
            wjw["both_cooperate"]) == (13, 4, 7, 0, 2)  # fmt: skip
    assert body["collaborators"][0]["key"] == LINXIA_WJW
    # 州市场监管局: both cooperate on (八), (十八), (二十二), (二十六).
    market = by_key["甘肃省临夏回族自治州|临夏回族自治州市场监督管理局"]
    assert (market["shared"], market["both_cooperate"]) == (4, 4)
    assert body["collaborators_truncated"] is False


def test_agency_profile_programmes(api: Any) -> None:
    body = api.get(f"/agencies/{LINXIA_YBJ}").json()
    programmes = {p["name"]: p for p in body["programmes"]}
    # 集中带量采购 is written in (七), (九) and (十), all three led by 州医保局; 医共体 in (八) and (十五) (cooperates)
    # and (十) (leads).
    assert programmes["药品耗材集中带量采购"] == {"name": "药品耗材集中带量采购", "tasks": 3, "led": 3, "cooperated": 0}
    assert programmes["紧密型县域医共体"] == {"name": "紧密型县域医共体", "tasks": 3, "led": 1, "cooperated": 2}
    assert [p["tasks"] for p in body["programmes"]] == sorted((p["tasks"] for p in body["programmes"]), reverse=True)


def test_issuer_agency_has_a_profile_without_tasks(api: Any) -> None:
    body = api.get("/agencies/甘肃省临夏回族自治州|临夏回族自治州人民政府办公室").json()
    assert body["issued"] == [LINXIA_DOC]
    assert (body["tasks_led"], body["tasks_cooperated"], body["tasks"], body["collaborators"]) == (0, 0, [], [])
    tasks = api.get("/agencies/甘肃省临夏回族自治州|临夏回族自治州人民政府办公室/tasks")
    assert tasks.status_code == 200 and tasks.json()["items"] == []


def test_agency_tasks_and_collaborators_pages(api: Any) -> None:
    led = api.get(f"/agencies/{LINXIA_YBJ}/tasks", params={"role": "lead"}).json()
    assert [t["number"] for t in led["items"]] == ["(七)", "(九)", "(十)", "(二十五)"] and led["has_more"] is False
    first = api.get(f"/agencies/{LINXIA_YBJ}/tasks", params={"role": "cooperate", "limit": 5}).json()
    rest = api.get(f"/agencies/{LINXIA_YBJ}/tasks", params={"role": "cooperate", "limit": 5, "offset": 5}).json()
    assert (len(first["items"]), first["has_more"], len(rest["items"]), rest["has_more"]) == (5, True, 4, False)
    assert first["items"][0]["key"] == f"{LINXIA_DOC}#4"
    top = api.get(f"/agencies/{LINXIA_YBJ}/collaborators", params={"limit": 1}).json()
    assert [c["key"] for c in top["items"]] == [LINXIA_WJW] and top["has_more"] is True
    assert api.get(f"/agencies/{LINXIA_YBJ}/tasks", params={"role": "both"}).status_code == 422


def test_unknown_agency_is_a_404(api: Any) -> None:
    for path in ("/agencies/山西省|山西省不存在局", "/agencies/no/such/agency", "/agencies/nobody/tasks",
                 "/agencies/nobody/collaborators"):  # fmt: skip
        answer = api.get(path)
        assert answer.status_code == 404, path
        assert "no agency" in answer.json()["detail"]
    assert api.get("/agencies/" + "x" * 301).status_code == 422
    assert api.get("/agencies/山西省%00").status_code == 422


def test_openapi_documents_the_agency_routes(api: Any) -> None:
    paths = api.get("/openapi.json").json()["paths"]
    for path in ("/agencies/top-leads", "/agencies", "/agencies/{key}", "/agencies/{key}/tasks",
                 "/agencies/{key}/collaborators"):  # fmt: skip
        assert path in paths, path
        assert paths[path]["get"]["summary"] and paths[path]["get"]["tags"] == ["agencies"]
