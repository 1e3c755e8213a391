"""The fetcher against a local web site (tests/fetch_site.py on 127.0.0.1, never the internet): a notice page read
whole, a landing page giving its PDF or DOCX attachment, redirects followed and bounded, every failure one reason
naming the URL, robots.txt and the pause between requests obeyed, private addresses refused, the cache reused."""

from __future__ import annotations

import itertools
import ssl
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import trustme

from policygraph.core.errors import InputError
from policygraph.core.settings import Settings
from policygraph.graph.ingest_files import extract_url
from policygraph.ingest.fetch import USER_AGENT, Fetcher, FetchPolicy, read_fetched
from tests.support.fetch_site import DOCX_KEY, KEY, PDF_KEY, pages, policy
from tests.support.web_server import Site, serve_site


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with serve_site(pages()) as served:
        yield served


def failure(site: Site, path: str, **changes: Any) -> str:
    """The one-line reason fetching `path` fails with (the URL named is the one given)."""
    url = site.url + path
    with Fetcher(policy(**changes)) as fetcher, pytest.raises(InputError) as refused:
        fetcher.fetch(url)
    assert refused.value.source == url
    assert "\n" not in refused.value.reason
    return refused.value.reason


def test_a_notice_page_gives_the_notice_with_its_url_and_retrieval_date(site: Site) -> None:
    url = site.url + "/art/2025/notice.html"
    with Fetcher(policy()) as fetcher:
        found = extract_url(url, fetcher)
    assert found.reason is None and found.record is not None
    record = found.record
    assert (record["doc_no"], record["source"], len(record["tasks"])) == (KEY, url, 3)
    assert record["tasks"][2]["lead"] == ["赣州市医疗保障局"]
    assert time.strftime("%Y-%m-%dT", time.gmtime()) in record["retrieved"] and record["retrieved"].endswith("Z")
    agents = {agent for path, agent, _ in site.requests if path == "/art/2025/notice.html"}
    assert agents == {USER_AGENT} and USER_AGENT.startswith("PolicyGraph/0.") and "policy research" in USER_AGENT


def test_the_user_agent_names_the_deployments_contact() -> None:
    settings = Settings.model_validate({"POLICYGRAPH_FETCH_CONTACT": " policy-lab@example.org "})
    agent = FetchPolicy.from_settings(settings).user_agent
    assert agent == USER_AGENT[:-1] + "; +policy-lab@example.org)" and agent.startswith("PolicyGraph/")
    assert FetchPolicy.from_settings(Settings()).user_agent == USER_AGENT


@pytest.mark.parametrize(("path", "key", "attachment"), [("/art/2025/landing.html", PDF_KEY, "/attach/tasks.pdf"),
                                                         ("/art/2025/landing-docx.html", DOCX_KEY, "/attach/tasks.docx")])  # fmt: skip
def test_a_landing_page_gives_its_attachment(site: Site, path: str, key: str, attachment: str) -> None:
    with Fetcher(policy()) as fetcher:
        fetched = fetcher.fetch(site.url + path)
        found = extract_url(site.url + path, fetcher)
    assert fetched.document_url == site.url + attachment and fetched.url == site.url + path
    assert found.record is not None and found.record["doc_no"] == key and len(found.record["tasks"]) == 3
    assert found.record["source"] == site.url + path  # the URL the user gave, not the attachment's


def test_a_page_with_the_whole_notice_stays_the_notice_despite_an_attachment(site: Site) -> None:
    with Fetcher(policy()) as fetcher:
        fetched = fetcher.fetch(site.url + "/art/2025/notice-with-annex.html")
    assert fetched.document_url == site.url + "/art/2025/notice-with-annex.html"
    assert b'href="/attach/tasks.docx"' in fetched.data


def test_redirects_are_followed(site: Site) -> None:
    with Fetcher(policy()) as fetcher:
        fetched = fetcher.fetch(site.url + "/moved")
    assert fetched.document_url == site.url + "/art/2025/notice.html"
    assert read_fetched(fetched).source == site.url + "/moved"


def test_a_redirect_loop_and_too_many_redirects_are_named(site: Site) -> None:
    assert failure(site, "/loop-a") == f"redirect loop ({site.url}/loop-a → {site.url}/loop-b → {site.url}/loop-a)"
    assert failure(site, "/moved", max_redirects=1) == "too many redirects (more than 1)"


def test_a_redirect_into_a_private_address_is_refused(site: Site) -> None:
    """The site itself is allowed by name (127.0.0.0/8), the redirect's 10.11.12.13 is not: nothing is sent there."""
    reason = failure(site, "/to-private", allow_private=False, allowed_networks=("127.0.0.0/8",))
    assert reason.startswith("redirect to http://10.11.12.13:9/admin: refused: 10.11.12.13 is a private")


def test_a_private_address_is_refused_without_the_flag(site: Site) -> None:
    before = len(site.requests)
    reason = failure(site, "/art/2025/notice.html", allow_private=False)
    assert reason == ("refused: 127.0.0.1 is a private or non-global address (127.0.0.1); "
                      "--allow-private or POLICYGRAPH_ALLOW_PRIVATE_URLS=true allows it")  # fmt: skip
    assert len(site.requests) == before  # refused before any request


@pytest.mark.parametrize("address", ["http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://0.0.0.0/",
                                     "http://[::ffff:127.0.0.1]/", "http://100.64.0.1/", "http://224.0.0.1/"])  # fmt: skip
def test_non_global_addresses_are_refused(address: str) -> None:
    with Fetcher(policy(allow_private=False)) as fetcher, pytest.raises(InputError, match="private or non-global"):
        fetcher.fetch(address)


def test_a_slow_server_times_out(site: Site) -> None:
    started = time.monotonic()
    assert failure(site, "/slow") == "timed out waiting for the server (no data for 1 s)"
    assert time.monotonic() - started < 2.5


def test_a_response_over_the_limit_is_cut_off(site: Site) -> None:
    assert failure(site, "/huge") == "too large (more than that; the limit is 2 MB, POLICYGRAPH_FETCH_MAX_MB)"
    assert failure(site, "/declared-huge") == "too large (3.0 MB; the limit is 2 MB, POLICYGRAPH_FETCH_MAX_MB)"


def test_http_errors_dns_and_schemes_are_one_line_each(site: Site) -> None:
    assert failure(site, "/no/such/page.html") == "HTTP 404 Not Found"
    with Fetcher(policy()) as fetcher:
        for url, reason in [("ftp://example.org/notice.pdf", "not an http(s) URL (scheme 'ftp')"),
                            ("file:///etc/passwd", "not an http(s) URL (scheme 'file')"),
                            ("http://user:secret@example.org/", "a URL with a user name or password is refused")]:  # fmt: skip
            with pytest.raises(InputError) as refused:
                fetcher.fetch(url)
            assert (refused.value.source, refused.value.reason) == (url, reason)
        with pytest.raises(
            InputError, match=r"^http://no-such-host\.invalid/: DNS lookup of no-such-host\.invalid failed"
        ):
            fetcher.fetch("http://no-such-host.invalid/")


def test_a_page_that_is_no_notice_says_so(site: Site) -> None:
    with Fetcher(policy()) as fetcher:
        found = extract_url(site.url + "/menu.html", fetcher)
    assert (found.record, found.reason) == (None, "no notice found: neither a title nor numbered tasks")


def test_robots_txt_is_obeyed(site: Site) -> None:
    assert failure(site, "/internal/notice.html") == f"robots.txt of {site.url} disallows this path for PolicyGraph"
    assert site.requested("/internal/notice.html") == 0


def test_requests_to_one_host_are_paced(site: Site) -> None:
    start = len(site.requests)
    with Fetcher(policy(host_delay_s=0.4)) as fetcher:
        fetcher.fetch(site.url + "/art/2025/notice.html")
        fetcher.fetch(site.url + "/moved-again")
    times = [when for _, _, when in site.requests[start:]]  # robots.txt, the page, the redirect, the page again
    assert len(times) == 4
    assert all(later - earlier >= 0.38 for earlier, later in itertools.pairwise(times))


def test_the_cache_is_read_again_and_refresh_fetches_anew(site: Site, tmp_path: Path) -> None:
    url = site.url + "/art/2025/landing.html"
    with Fetcher(policy(tmp_path)) as fetcher:
        first = fetcher.fetch(url)
    asked = site.requested("/attach/tasks.pdf")
    with Fetcher(policy(tmp_path)) as fetcher:
        again = fetcher.fetch(url)
    assert again == first and site.requested("/attach/tasks.pdf") == asked  # no request at all
    with Fetcher(policy(tmp_path, refresh=True)) as fetcher:
        fresh = fetcher.fetch(url)
    assert site.requested("/attach/tasks.pdf") == asked + 1 and fresh.data == first.data
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".bin", ".json"]


def test_a_cached_private_page_is_not_served_without_the_flag(site: Site, tmp_path: Path) -> None:
    url = site.url + "/art/2025/notice.html"
    with Fetcher(policy(tmp_path)) as fetcher:
        assert fetcher.fetch(url).private
    with Fetcher(policy(tmp_path, allow_private=False)) as fetcher, pytest.raises(InputError, match="refused: 127"):
        fetcher.fetch(url)


def test_https_goes_to_the_checked_address_and_verifies_the_host_name() -> None:
    """The request is sent to the address resolved and checked, yet TLS still names and verifies the host:
    `localhost` (its first address may be ::1, where nothing listens: the next one is tried) with a certificate for
    localhost is read; the same site with a certificate for another name is refused."""
    authority = trustme.CA()
    client = ssl.create_default_context()
    authority.configure_trust(client)
    for name, works in (("localhost", True), ("other.example", False)):
        server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        authority.issue_cert(name).configure_cert(server)
        with serve_site(pages(), tls=server, host="localhost") as secure, Fetcher(policy(tls=client)) as fetcher:
            url = secure.url + "/art/2025/notice.html"
            if works:
                assert read_fetched(fetcher.fetch(url)).format == "html"
                assert secure.requested("/art/2025/notice.html") == 1
            else:
                with pytest.raises(
                    InputError,
                    match=r"robots\.txt could not be read .*CERTIFICATE_VERIFY_FAILED.*not valid for .localhost.",
                ):
                    fetcher.fetch(url)
                assert secure.requests == []
