"""The programmes endpoints over real HTTP on both engines, against answers checked by hand on the five seeds.

三明医改经验 is written inside a numbered task in three notices: 泗县 (十九) "进一步推广三明县医改经验", 山西 (五)
"推广三明医改经验" and (十六) "打造推广三明医改经验的山西亮点", 广东 (一) "学习推广三明医改经验". 临夏州 and 西藏 write
"大力推广三明市医改经验" only in their closing paragraph, outside any task, so they do not count.
"""

from __future__ import annotations

from typing import Any

SIXIAN_DOC = "安徽省宿州市泗县|2021|泗县深化医药卫生体制改革2021年-2022年重点工作任务"
XIZANG_DOC = "西藏自治区|2021|西藏自治区深化医药卫生体制改革领导小组关于印发《西藏自治区2021年深化医药卫生体制改革重点工作任务》的通知"
SHANXI_DOC = "晋政办发〔2022〕83号"
GUANGDONG_DOC = "粤办函〔2024〕267号"


def test_list_programmes(api: Any) -> None:
    body = api.get("/programmes", params={"limit": 500}).json()
    rows = {row["name"]: row for row in body["items"]}
    assert rows["三明医改经验"] == {"name": "三明医改经验", "notices": 3, "regions": 3, "tasks": 4, "first_year": 2021,
                                  "last_year": 2024}  # fmt: skip
    # DRG/DIP, 按病种分值付费, 按病组 appear in a task of 泗县, 西藏, 山西 and 广东; 临夏州 names none of them.
    assert (rows["DRG/DIP支付方式改革"]["notices"], rows["DRG/DIP支付方式改革"]["regions"]) == (4, 4)
    notices = [row["notices"] for row in body["items"]]
    assert notices == sorted(notices, reverse=True)
    assert body["has_more"] is False


def test_list_programmes_search_and_pages(api: Any) -> None:
    assert [row["name"] for row in api.get("/programmes", params={"q": "三明"}).json()["items"]] == ["三明医改经验"]
    everything = [row["name"] for row in api.get("/programmes", params={"limit": 500}).json()["items"]]
    first = api.get("/programmes", params={"limit": 10}).json()
    second = api.get("/programmes", params={"limit": 10, "offset": 10}).json()
    assert first["has_more"] is True and (second["limit"], second["offset"]) == (10, 10)
    assert [row["name"] for row in first["items"] + second["items"]] == everything[:20]
    tail = api.get("/programmes", params={"limit": 10, "offset": len(everything) - 3}).json()
    assert len(tail["items"]) == 3 and tail["has_more"] is False
    for params in ({"limit": 0}, {"limit": 501}, {"offset": -1}, {"q": ""}, {"q": "x" * 101}, {"q": "三明\x00"}):
        assert api.get("/programmes", params=params).status_code == 422, params


def test_programme_adoption(api: Any) -> None:
    answer = api.get("/programmes/三明医改经验")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["name"], body["notices"], body["regions"], body["tasks"]) == ("三明医改经验", 3, 3, 4)
    assert [(n["key"], n["level"], n["region"], n["year"], n["task_count"]) for n in body["notice_list"]] == [
        (SIXIAN_DOC, "county", "安徽省宿州市泗县", 2021, 1),
        (SHANXI_DOC, "provincial", "山西省", 2022, 2),
        (GUANGDONG_DOC, "provincial", "广东省", 2024, 1),
    ]
    shanxi = body["notice_list"][1]
    assert shanxi["title"] == "山西省人民政府办公厅关于印发山西省深化医药卫生体制改革2022年重点工作任务的通知"
    assert [(t["key"], t["number"], t["title"]) for t in shanxi["tasks"]] == [
        (f"{SHANXI_DOC}#5", "(五)", "推广三明医改经验"),
        (f"{SHANXI_DOC}#16", "(十六)", "发挥政府投入激励作用"),
    ]
    assert body["notice_list"][0]["tasks"][0]["title"] == "进一步推广三明县医改经验"
    assert body["by_year"] == [
        {"year": 2021, "notices": 1, "regions": 1, "tasks": 1},
        {"year": 2022, "notices": 1, "regions": 1, "tasks": 2},
        {"year": 2024, "notices": 1, "regions": 1, "tasks": 1},
    ]
    assert [(r["region"], r["tasks"]) for r in body["by_region"]] == [
        ("安徽省宿州市泗县", 1),
        ("山西省", 2),
        ("广东省", 1),
    ]
    assert body["notices_truncated"] is False


def test_programme_found_by_synonym(api: Any) -> None:
    body = api.get("/programmes/三明经验").json()
    assert (body["name"], body["tasks"]) == ("三明医改经验", 4)
    assert api.get("/programmes/医共体").json()["name"] == "紧密型县域医共体"


def test_programme_name_with_a_slash(api: Any) -> None:
    body = api.get("/programmes/DRG/DIP支付方式改革").json()
    assert body["name"] == "DRG/DIP支付方式改革"
    assert {n["key"] for n in body["notice_list"]} == {SIXIAN_DOC, XIZANG_DOC, SHANXI_DOC, GUANGDONG_DOC}
    assert api.get("/programmes/DRG%2FDIP支付方式改革").json()["name"] == "DRG/DIP支付方式改革"
    notices = api.get("/programmes/DRG/DIP支付方式改革/notices", params={"limit": 3}).json()
    assert [n["year"] for n in notices["items"]] == [2021, 2021, 2022] and notices["has_more"] is True
    rest = api.get("/programmes/DRG/DIP支付方式改革/notices", params={"limit": 3, "offset": 3}).json()
    assert [n["key"] for n in rest["items"]] == [GUANGDONG_DOC] and rest["has_more"] is False


def test_unknown_programme_is_a_404(api: Any) -> None:
    for path in ("/programmes/不存在的工程", "/programmes/no/such/thing", "/programmes/不存在的工程/notices"):
        answer = api.get(path)
        assert answer.status_code == 404, path
        assert "no programme" in answer.json()["detail"]
    assert api.get("/programmes/" + "x" * 101).status_code == 422
    assert api.get("/programmes/三明%00").status_code == 422
    assert api.get("/programmes/三明医改经验/notices", params={"limit": 0}).status_code == 422


def test_openapi_documents_the_programme_routes(api: Any) -> None:
    paths = api.get("/openapi.json").json()["paths"]
    for path in ("/programmes", "/programmes/{name}", "/programmes/{name}/notices"):
        assert path in paths, path
        assert paths[path]["get"]["summary"] and paths[path]["get"]["tags"] == ["programmes"]
