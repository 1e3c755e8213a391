"""robots.txt, read once per site and run (urllib.robotparser), and the pause between two requests to one host.

A robots.txt that is missing (404 and other 4xx but 401/403) allows everything; 401/403 disallow everything, as
robotparser itself decides. One that cannot be read (5xx, timeout, refused) disallows everything: a site that is
failing is not one to fetch from now. A Crawl-delay for our agent (or *) longer than the configured delay wins.
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field

from policygraph.core.errors import InputError

Download = Callable[[str], tuple[int, bytes]]  # URL → (HTTP status, body); InputError when nothing came back


@dataclass
class Robots:
    """Per-site robots.txt rules for one agent, fetched through `download` on first use."""

    agent: str
    download: Download
    _rules: dict[str, urllib.robotparser.RobotFileParser | str] = field(default_factory=dict)

    def rules(self, origin: str) -> urllib.robotparser.RobotFileParser | str:
        """The site's parsed rules, or the reason its robots.txt could not be read."""
        if origin not in self._rules:
            self._rules[origin] = self._read(origin)
        return self._rules[origin]

    def _read(self, origin: str) -> urllib.robotparser.RobotFileParser | str:
        parser = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
        try:
            status, body = self.download(f"{origin}/robots.txt")
        except InputError as e:
            return f"robots.txt could not be read ({e.reason})"
        if status in (401, 403):
            parser.parse(["User-agent: *", "Disallow: /"])
        elif 400 <= status < 500:
            parser.parse([])  # no rules: everything allowed
        elif status >= 300:
            return f"robots.txt could not be read (HTTP {status})"
        else:
            parser.parse(body.decode("utf-8", errors="replace").splitlines())
        return parser

    def check(self, url: str, origin: str) -> None:
        """InputError when the site's robots.txt does not let our agent fetch `url`."""
        rules = self.rules(origin)
        if isinstance(rules, str):
            raise InputError(url, f"{rules}: not fetched")
        if not rules.can_fetch(self.agent, url):
            raise InputError(url, f"robots.txt of {origin} disallows this path for {self.agent.split('/')[0]}")

    def crawl_delay(self, origin: str) -> float:
        rules = self._rules.get(origin)
        if isinstance(rules, urllib.robotparser.RobotFileParser):
            return float(rules.crawl_delay(self.agent) or 0)
        return 0.0


@dataclass
class HostPacer:
    """Waits so that two requests to one site are at least `delay` seconds apart."""

    delay: float
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)

    def wait(self, origin: str, delay: float | None = None) -> None:
        pause = max(self.delay, delay or 0.0)
        last = self._last.get(origin)
        if last is not None and (left := last + pause - self.clock()) > 0:
            self.sleep(left)
        self._last[origin] = self.clock()
