"""The diffusion endpoints and pages over real HTTP on both engines, against answers checked by hand on the seeds.

三明医改经验 is taken up by 泗县 (county, 2021), 山西 (provincial, 2022) and 广东 (provincial, 2024); no national notice
is loaded as text, so it is bottom-up. 国办发〔2021〕20号 (2021-05-24) has four descendants: 甘肃 (stub) and 西藏 at
the provincial tier, 临夏州 (2021-10-27: 156 days, through 甘肃) and 泗县; 国办发〔2022〕14号 (2022-05-04) only 山西
(2022-09-30: 149 days).
"""

from __future__ import annotations

import re
from typing import Any

from policygraph.visualize import urls

SANMING = "三明医改经验"
LINXIA = "临州办发〔2021〕76号"
GANSU = "甘政办发〔2021〕70号"
NATIONAL_2021 = "国办发〔2021〕20号"
NATIONAL_2022 = "国办发〔2022〕14号"
DRG = "DRG/DIP支付方式改革"


def get(api: Any, path: str, status: int = 200, **params: Any) -> Any:
    answer = api.get(path, params=params)
    assert answer.status_code == status, answer.text
    return answer.json()


# --- programmes --------------------------------------------------------------------------------------------------


def test_programme_list_has_labels_and_totals(api: Any) -> None:
    body = get(api, "/diffusion/programmes", limit=500)
    by_name = {p["name"]: p for p in body["items"]}
    sanming = by_name[SANMING]
    assert (sanming["label"], sanming["regions"], sanming["notices"]) == ("bottom-up", 3, 3)
    assert sanming["regions_by_tier"] == {"national": 0, "provincial": 2, "prefectural": 0, "county": 1}
    assert (sanming["first_year"], sanming["last_year"], sanming["first_national"]) == (2021, 2024, None)
    regions = [p["regions"] for p in body["items"]]
    assert regions == sorted(regions, reverse=True) and body["has_more"] is False
    assert "series" not in sanming  # the list gives totals; the series is on the programme's own answer


def test_programme_list_filters_by_label_and_pages(api: Any) -> None:
    assert get(api, "/diffusion/programmes", label="top-down")["items"] == []
    assert get(api, "/diffusion/programmes", label="mixed")["items"] == []
    every = get(api, "/diffusion/programmes", label="bottom-up", limit=500)["items"]
    first, second = (get(api, "/diffusion/programmes", limit=2, offset=o) for o in (0, 2))
    assert first["has_more"] and [p["name"] for p in first["items"] + second["items"]] == [p["name"] for p in every[:4]]


def test_programme_series_by_year(api: Any) -> None:
    body = get(api, f"/diffusion/programmes/{urls.encode(SANMING)}")
    assert body["name"] == SANMING and body["label"] == "bottom-up"
    assert [(s["year"], s["total"]) for s in body["series"]] == [(2021, 1), (2022, 2), (2023, 2), (2024, 3)]
    assert body["series"][1]["added"] == {"national": [], "provincial": ["山西省"], "prefectural": [], "county": []}
    assert [(m["region"], m["tier"], m["date"]) for m in body["mentions"]] == [
        ("安徽省宿州市泗县", "county", None), ("山西省", "provincial", "2022-09-30"), ("广东省", "provincial", "2024-08-21")
    ]  # fmt: skip


def test_a_synonym_finds_its_programme_and_slashes_are_fine(api: Any) -> None:
    assert get(api, f"/diffusion/programmes/{urls.encode('三明经验')}")["name"] == SANMING
    drg = get(api, f"/diffusion/programmes/{urls.encode(DRG)}")
    # 西藏 and 泗县 2021, 山西 2022, 广东 2024.
    assert drg["regions_by_tier"] == {"national": 0, "provincial": 3, "prefectural": 0, "county": 1}


def test_programme_refusals(api: Any) -> None:
    missing = get(api, f"/diffusion/programmes/{urls.encode('不存在的计划')}", 404)
    assert "不存在的计划" in missing["detail"]
    get(api, "/diffusion/programmes/" + "长" * 101, 422)
    get(api, "/diffusion/programmes/a%00b", 422)
    get(api, "/diffusion/programmes", 422, label="sideways")
    get(api, "/diffusion/programmes", 422, limit=0)


# --- national notices ----------------------------------------------------------------------------------------------


def test_national_notice_implementations_with_lags(api: Any) -> None:
    body = get(api, f"/diffusion/notices/{urls.encode(NATIONAL_2021)}")
    assert (body["date"], body["stub"], body["registry"]) == ("2021-05-24", True, True)
    rows = {i["key"]: (i["tier"], i["parent"], i["kind"], i["lag_days"]) for i in body["implementations"]}
    assert rows[LINXIA] == ("prefectural", GANSU, "inferred", 156)
    assert rows[GANSU] == ("provincial", NATIONAL_2021, "inferred", None)
    assert body["implementations_count"] == 4 and body["tiers_missing"] == []
    assert body["tiers_reached"] == ["provincial", "prefectural", "county"]
    linxia = next(i for i in body["implementations"] if i["key"] == LINXIA)
    assert linxia["kinds"] == ["explicit", "inferred"] and linxia["hops"] == 2


def test_national_notice_list_and_missing_tiers(api: Any) -> None:
    body = get(api, "/diffusion/notices")
    by_key = {n["key"]: n for n in body["items"]}
    assert len(by_key) == 7 and [n["year"] for n in body["items"]] == sorted(n["year"] for n in body["items"])
    assert by_key[NATIONAL_2022]["tiers_missing"] == ["prefectural", "county"]
    assert by_key[NATIONAL_2022]["median_lag_days"] == 149
    assert "implementations" not in by_key[NATIONAL_2022]


def test_notice_refusals(api: Any) -> None:
    get(api, f"/diffusion/notices/{urls.encode(LINXIA)}", 404)  # exists, but is not a national notice
    get(api, f"/diffusion/notices/{urls.encode('国办发〔1999〕1号')}", 404)
    get(api, "/diffusion/notices/" + "x" * 301, 422)
    get(api, "/diffusion/notices", 422, offset=-1)


# --- pages ---------------------------------------------------------------------------------------------------------


def twins(answer: Any) -> list[str]:
    return re.findall(r"<([^>]+)>; rel=\"alternate\"; type=\"application/json\"", answer.headers["link"])


def test_chart_page_renders_its_twin_as_svg(api: Any) -> None:
    answer = api.get(f"/explore/diffusion/{urls.encode('三明经验')}")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
    (twin,) = twins(answer)
    body = api.get(twin).json()
    assert body["name"] == SANMING
    html = answer.text
    assert html.count('<g class="series"') == 4 and "<svg" in html and "<script" not in html
    assert "bottom-up" in html and "山西省" in html and "no national notice mentions it" in html


def test_index_page_lists_programmes_and_notices(api: Any) -> None:
    answer = api.get("/explore/diffusion")
    assert answer.status_code == 200
    programmes, notices = (api.get(url).json() for url in twins(answer))
    assert all(p["name"] in answer.text for p in programmes["items"])
    assert all(n["key"] in answer.text for n in notices["items"])
    assert f'href="/explore/diffusion/{urls.encode(SANMING)}"' in answer.text


def test_programme_page_links_to_its_chart(api: Any) -> None:
    html = api.get(urls.programme(SANMING)).text
    assert f'href="/explore/diffusion/{urls.encode(SANMING)}"' in html
    assert api.get(f"/explore/diffusion/{urls.encode(SANMING)}").status_code == 200


def test_unknown_programme_page_is_a_404_page(api: Any) -> None:
    answer = api.get(f"/explore/diffusion/{urls.encode('不存在的计划')}")
    assert answer.status_code == 404 and "text/html" in answer.headers["content-type"]
    assert "不存在的计划" in answer.text


def test_schemathesis_finds_no_server_error_in_the_diffusion_operations(api: Any) -> None:
    import schemathesis
    from hypothesis import HealthCheck, given, settings
    from schemathesis.checks import not_a_server_error

    schema = schemathesis.openapi.from_url(f"{api.base_url}/openapi.json")
    operations = [r.ok() for r in schema.get_all_operations() if r.ok().path.startswith("/diffusion")]
    assert len(operations) == 4
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def no_server_error(case: Any) -> None:
            case.call_and_validate(checks=[not_a_server_error])

        no_server_error()
