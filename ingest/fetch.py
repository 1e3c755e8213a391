"""A notice from a web address: download the page (or, from a landing page, its attachment) politely and safely.

Every hop (the URL, each redirect, the attachment) is checked the same way before anything is sent: http(s) only,
every address of the host global unless private ones are allowed (fetch_address.py; the request then goes to the
address that was checked), robots.txt (robots.py), a pause between two requests to one host. Redirects are followed
by hand, at most `max_redirects`, and a loop is named as one. The body is counted as it arrives (after any gzip is
undone), so a response over the limit is cut off there; connect and read timeouts bound the wait, and so does a
deadline for the whole download. Proxies from the environment are not used: a proxy would resolve names itself,
past the address check.

Every failure is an InputError naming the URL and the reason in one line, as for a file that cannot be read.
What a URL gave is cached on disk (fetch_cache.py): a re-ingest reads it, `refresh` fetches again.
"""

from __future__ import annotations

import ssl
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from ipaddress import ip_address
from pathlib import Path
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpx

from policygraph.core.errors import InputError
from policygraph.core.settings import Settings
from policygraph.core.version import __version__
from policygraph.ingest import fetch_cache
from policygraph.ingest.attachments import attachment_of
from policygraph.ingest.fetch_address import Target, global_enough, resolve, split
from policygraph.ingest.fetch_cache import Fetched
from policygraph.ingest.readers import MAX_BYTES, SourceText, read_bytes
from policygraph.ingest.robots import HostPacer, Robots

# Says who is asking and why, so that a site's webmaster can tell; a deployment adds how to reach it (user_agent()).
USER_AGENT = f"PolicyGraph/{__version__} (health-reform policy research)"


def user_agent(contact: str | None) -> str:
    """The User-Agent, with the deployment's contact (POLICYGRAPH_FETCH_CONTACT: an e-mail or web address) when set."""
    return f"{USER_AGENT[:-1]}; +{contact.strip()})" if contact and contact.strip() else USER_AGENT


REDIRECTS = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 512 * 1024
CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchPolicy:
    """How the fetcher behaves; `from_settings` reads it from POLICYGRAPH_* settings."""

    connect_timeout_s: float = 10.0
    read_timeout_s: float = 30.0
    max_bytes: int = MAX_BYTES
    max_redirects: int = 5
    host_delay_s: float = 1.0
    allow_private: bool = False
    allowed_networks: tuple[str, ...] = ()  # private networks allowed by name when allow_private is off
    cache_dir: Path | None = None
    refresh: bool = False
    user_agent: str = USER_AGENT
    tls: ssl.SSLContext | None = None  # certificates to trust instead of the usual ones (an intranet's own CA; tests)

    @property
    def deadline_s(self) -> float:
        """The whole download of one response, however slowly its bytes trickle in."""
        return self.connect_timeout_s + 4 * self.read_timeout_s

    @classmethod
    def from_settings(cls, settings: Settings, *, refresh: bool = False, allow_private: bool = False) -> FetchPolicy:
        return cls(connect_timeout_s=settings.fetch_connect_timeout_s, read_timeout_s=settings.fetch_read_timeout_s,
                   max_bytes=min(int(settings.fetch_max_mb * 2**20), MAX_BYTES),
                   max_redirects=settings.fetch_max_redirects, host_delay_s=settings.fetch_delay_s,
                   allow_private=allow_private or settings.allow_private_urls, cache_dir=settings.fetch_cache_path,
                   refresh=refresh, user_agent=user_agent(settings.fetch_contact))  # fmt: skip


@dataclass(frozen=True)
class Response:
    url: str  # where the body came from, after redirects
    status: int
    content_type: str | None
    data: bytes


class Fetcher:
    """Downloads notices under one policy; keeps robots.txt rules and host pauses for its lifetime. A context manager."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or FetchPolicy()
        timeout = httpx.Timeout(self.policy.read_timeout_s, connect=self.policy.connect_timeout_s)
        self.client = httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False,
                                   verify=self.policy.tls or True,
                                   headers={"User-Agent": self.policy.user_agent})  # fmt: skip
        self.pacer = HostPacer(self.policy.host_delay_s)
        self.robots = Robots(self.policy.user_agent, self._robots_txt)
        self._private = False  # this fetch reached a non-global address (allowed by the policy)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str) -> Fetched:
        """The document at `url` (the attachment, for a landing page), from the cache unless refreshing."""
        url = url.strip()
        split(url)  # a URL that is no http(s) URL is refused before the cache is even looked at
        cache = self.policy.cache_dir
        kept = fetch_cache.read(cache, url) if cache is not None and not self.policy.refresh else None
        if kept is not None and (self.policy.allow_private or not kept.private):
            return kept  # what an intranet gave under --allow-private is not handed to a fetcher without it
        self._private = False
        page = self.get(url)
        document = page
        attachment = attachment_of(page.data, page.url) if _is_html(page) else None
        if attachment is not None:
            document = self.get(attachment, reason_prefix=f"attachment {attachment}: ", source=url)
        retrieved = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        fetched = Fetched(url, document.url, document.content_type, retrieved, document.data, self._private)
        if cache is not None:
            fetch_cache.write(cache, fetched)
        return fetched

    def get(self, url: str, *, reason_prefix: str = "", source: str | None = None) -> Response:
        """GET `url` following redirects by hand, each hop checked; InputError (named `source`) for any failure."""
        try:
            response = self._follow(url)
        except InputError as e:
            raise InputError(source or url, reason_prefix + e.reason) from None
        if response.status >= 400:
            raise InputError(
                source or url, f"{reason_prefix}HTTP {response.status} {_phrase(response.status)}".rstrip()
            )
        return response

    def _follow(self, url: str) -> Response:
        seen = [url]
        while True:
            try:
                target = resolve(url, self.policy.allow_private, self.policy.allowed_networks)
                self.robots.check(url, target.origin)
                response, location = self._request(target, self.policy.max_bytes)
            except InputError as e:
                raise InputError(url, f"redirect to {url}: {e.reason}" if len(seen) > 1 else e.reason) from None
            if location is None:
                return response
            url = urljoin(url, location)
            if url in seen:
                raise InputError(seen[0], f"redirect loop ({' → '.join([*seen[seen.index(url) :], url])})")
            if len(seen) > self.policy.max_redirects:
                raise InputError(seen[0], f"too many redirects (more than {self.policy.max_redirects})")
            seen.append(url)

    def _robots_txt(self, url: str) -> tuple[int, bytes]:
        """robots.txt itself: address checked, not redirected far (a site's robots.txt moves rarely), kept small."""
        for _ in range(self.policy.max_redirects + 1):
            response, location = self._request(
                resolve(url, self.policy.allow_private, self.policy.allowed_networks), ROBOTS_MAX_BYTES
            )
            if location is None:
                return response.status, response.data
            url = urljoin(url, location)
        return 404, b""

    def _request(self, target: Target, limit: int) -> tuple[Response, str | None]:
        """One GET to the checked address, after the host's pause; (the response, its redirect location if any)."""
        self.pacer.wait(target.origin, self.robots.crawl_delay(target.origin))
        response = self._send(target)
        try:
            if response.status_code in REDIRECTS and "location" in response.headers:
                return Response(target.url, response.status_code, None, b""), response.headers["location"]
            data = self._body(target.url, response, limit) if response.status_code < 400 else b""
            return Response(target.url, response.status_code, response.headers.get("content-type"), data), None
        finally:
            response.close()

    def _send(self, target: Target) -> httpx.Response:
        """Send to the host's checked addresses in turn until one connects (an IPv6 address without a route falls
        back to IPv4, as a browser would)."""
        failure: httpx.HTTPError | None = None
        for address in target.addresses:
            request = self.client.build_request("GET", target.pinned_url(address), headers={"Host": target.host_header},
                                                extensions={"sni_hostname": target.host})  # fmt: skip
            try:
                response = self.client.send(request, stream=True)
            except (httpx.ConnectError, httpx.ConnectTimeout) as e:
                failure = e
                continue
            except httpx.HTTPError as e:
                raise InputError(target.url, _network_reason(e, self.policy)) from None
            self._private = self._private or not global_enough(ip_address(address.split("%", 1)[0]))
            return response
        assert failure is not None  # resolve() never gives a target without an address
        raise InputError(target.url, _network_reason(failure, self.policy))

    def _body(self, url: str, response: httpx.Response, limit: int) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise InputError(url, too_large(int(declared), limit))
        deadline = time.monotonic() + self.policy.deadline_s
        body = bytearray()
        try:
            for chunk in response.iter_bytes(CHUNK):
                body += chunk
                if len(body) > limit:
                    raise InputError(url, too_large(None, limit))
                if time.monotonic() > deadline:
                    raise InputError(url, f"timed out: the download took longer than {self.policy.deadline_s:g} s")
        except httpx.HTTPError as e:
            raise InputError(url, _network_reason(e, self.policy)) from None
        return bytes(body)


def read_fetched(fetched: Fetched) -> SourceText:
    """The fetched document read as text (ingest/readers.py), its `source` the URL as given and its retrieval date
    kept. The reader names a format by the path of the URL the bytes came from (….pdf, ….wps)."""
    try:
        read = read_bytes(fetched.data, urlsplit(fetched.document_url).path or fetched.document_url)
    except InputError as e:
        came_from = "" if fetched.document_url == fetched.url else f"{fetched.document_url}: "
        raise InputError(fetched.url, came_from + e.reason) from None
    return replace(read, source=fetched.url, retrieved=fetched.retrieved)


def too_large(size: int | None, limit: int) -> str:
    shown = f"{size / 2**20:.1f} MB" if size is not None else "more than that"
    return f"too large ({shown}; the limit is {limit / 2**20:g} MB, POLICYGRAPH_FETCH_MAX_MB)"


def _network_reason(error: httpx.HTTPError, policy: FetchPolicy) -> str:
    if isinstance(error, httpx.ConnectTimeout):
        return f"timed out connecting (after {policy.connect_timeout_s:g} s)"
    if isinstance(error, httpx.ReadTimeout):
        return f"timed out waiting for the server (no data for {policy.read_timeout_s:g} s)"
    if isinstance(error, httpx.TimeoutException):
        return "timed out"
    if isinstance(error, httpx.ConnectError):
        return f"cannot connect ({error or 'connection refused'})"
    return f"download failed ({type(error).__name__}: {error})"


def _phrase(status: int) -> str:
    try:
        return httpx.codes.get_reason_phrase(status)
    except ValueError:
        return ""


def _is_html(response: Response) -> bool:
    kind = (response.content_type or "").lower()
    return "html" in kind or (not kind and response.data.lstrip()[:1] == b"<")
