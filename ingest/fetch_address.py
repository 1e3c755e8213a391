"""Which web addresses the fetcher may reach: http(s) only, and hosts whose every address is global.

The host is resolved here, once, and the request is then sent to the address that was checked (fetch.py pins it),
so a name that resolves to a public address when checked and to 127.0.0.1 when connected (DNS rebinding) cannot
take the fetcher into the server's own network. Private, loopback, link-local, shared, reserved and multicast
addresses are refused unless the caller allows them (`--allow-private`, POLICYGRAPH_ALLOW_PRIVATE_URLS).
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

from policygraph.core.errors import InputError

SCHEMES = {"http": 80, "https": 443}
ALLOW_HINT = "--allow-private or POLICYGRAPH_ALLOW_PRIVATE_URLS=true allows it"

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class Target:
    """A URL checked: its parts, and the address the request goes to."""

    url: str
    parts: SplitResult
    host: str  # as in the URL, lower case, without brackets
    port: int
    addresses: tuple[str, ...]  # every address the host resolved to, each checked, in the resolver's order

    @property
    def host_header(self) -> str:
        """The Host header: the name as written, with the port when it is not the scheme's own."""
        name = f"[{self.host}]" if ":" in self.host else self.host
        return name if self.port == SCHEMES[self.parts.scheme] else f"{name}:{self.port}"

    def pinned_url(self, address: str) -> str:
        """The URL with its host replaced by one checked address (the Host header and TLS name keep the host)."""
        shown = f"[{address}]" if ":" in address else address
        return self.parts._replace(netloc=f"{shown}:{self.port}", fragment="").geturl()

    @property
    def origin(self) -> str:
        """scheme://host:port — what robots.txt and the per-host delay are kept by."""
        return f"{self.parts.scheme}://{self.host_header}"


def split(url: str) -> tuple[SplitResult, str, int]:
    """The URL's parts, host and port; InputError when it is not an http(s) URL with a host."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as e:
        raise InputError(url, f"not a valid URL ({e})") from None
    if parts.scheme.lower() not in SCHEMES:
        raise InputError(url, f"not an http(s) URL (scheme {parts.scheme or 'missing'!r})")
    if not parts.hostname:
        raise InputError(url, "not a valid URL (no host)")
    if parts.username is not None or parts.password is not None:
        raise InputError(url, "a URL with a user name or password is refused")
    scheme = parts.scheme.lower()
    try:  # 卫健委.中国 → xn--…: the Host header, TLS and DNS all take the ASCII form
        host = parts.hostname.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise InputError(url, f"not a valid URL (host {parts.hostname!r})") from None
    return parts._replace(scheme=scheme), host, port or SCHEMES[scheme]


def global_enough(address: Address) -> bool:
    """Reachable on the public internet: not private, loopback, link-local, shared (100.64/10), reserved, multicast."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    return address.is_global and not address.is_multicast


def allowed(address: Address, allow_private: bool, networks: tuple[str, ...]) -> bool:
    """Global, or private ones allowed, or inside one of the `networks` allowed by name (an intranet's 10.20.0.0/16)."""
    return allow_private or global_enough(address) or any(address in ipaddress.ip_network(n) for n in networks)


def resolve(url: str, allow_private: bool, networks: tuple[str, ...] = ()) -> Target:
    """Check the URL, resolve its host and check every address it has; the request goes to them in order."""
    parts, host, port = split(url)
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        reason = e.strerror if isinstance(e, socket.gaierror) and e.strerror else str(e)
        raise InputError(url, f"DNS lookup of {host} failed ({reason})") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in found))
    if not addresses:
        raise InputError(url, f"DNS lookup of {host} failed (no address)")
    for written in addresses:
        address = ipaddress.ip_address(written.split("%", 1)[0])  # a scope id (fe80::1%eth0) is not part of it
        if not allowed(address, allow_private, networks):
            raise InputError(url, f"refused: {host} is a private or non-global address ({address}); {ALLOW_HINT}")
    return Target(url, parts, host, port, tuple(addresses))
