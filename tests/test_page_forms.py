"""The explorer's filter forms submit their empty fields (`level=&year_from=`): the pages read them as no filter."""

from __future__ import annotations

from typing import Any

from policygraph.api.blank_fields import without_blank_fields

EMPTY_FORM = {"q": "", "level": "", "region": "", "year_from": "", "year_to": "", "group_by": "agency"}


def test_blank_fields_are_dropped_and_the_rest_kept_encoded() -> None:
    query = "level=&region=%E7%94%98%E8%82%83&year_from=+&group_by=agency".encode("ascii")
    assert without_blank_fields(query) == b"region=%E7%94%98%E8%82%83&group_by=agency"


def test_the_home_page_reads_an_empty_form_as_no_filter(api: Any) -> None:
    answer = api.get("/", params=EMPTY_FORM)
    assert answer.status_code == 200
    # the same top agency as with no query at all: nothing was filtered
    assert "西藏自治区卫生健康委员会" in answer.text


def test_a_filled_field_beside_empty_ones_still_filters(api: Any) -> None:
    answer = api.get("/", params={**EMPTY_FORM, "region": "甘肃"})
    assert answer.status_code == 200
    assert "临夏回族自治州卫生健康委员会" in answer.text and "西藏自治区卫生健康委员会" not in answer.text


def test_the_json_endpoints_still_refuse_an_empty_value(api: Any) -> None:
    assert api.get("/agencies/top-leads", params={"year_from": ""}).status_code == 422


def test_every_page_links_the_network_and_diffusion_sections(api: Any) -> None:
    home = api.get("/").text
    assert 'href="/explore/network"' in home and 'href="/explore/diffusion"' in home
    assert api.get("/explore/network").status_code == 200
    assert api.get("/explore/diffusion").status_code == 200


def test_the_diffusion_index_with_a_trailing_slash_is_the_index(api: Any) -> None:
    answer = api.get("/explore/diffusion/", follow_redirects=False)
    assert answer.status_code == 307 and answer.headers["location"] == "/explore/diffusion"
    assert api.get("/explore/diffusion/", follow_redirects=True).status_code == 200
