"""Cached throughput measured by wrk (Debian's package `wrk`), a native load generator in a second process.

Python client threads cost more CPU per request than a cached answer does: on 2 cores they measured themselves
(/health: about 600 req/s from 8 httpx threads, 1,100-1,200 from wrk, in the same minute). So the cached figures
come from wrk when it is installed (`apt-get install wrk`), and the benchmarks say which client they used.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
LATENCY = re.compile(r"^\s*(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class WrkResult:
    rate: float  # requests per second
    p50_ms: float
    p99_ms: float
    errors: int  # non-2xx/3xx answers and socket errors


def available() -> bool:
    return shutil.which("wrk") is not None


def run(url: str, seconds: int, connections: int) -> WrkResult:
    """wrk with one thread and `connections` keep-alive connections for `seconds` against `url`."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    output = subprocess.run(command, check=True, capture_output=True, text=True, timeout=seconds + 60).stdout
    return parse(output)


def parse(output: str) -> WrkResult:
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if rate is None:
        raise ValueError(f"wrk printed no rate: {output[:200]!r}")
    latency = {p: float(value) * UNITS_MS[unit] for p, value, unit in LATENCY.findall(output)}
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    errors = (int(non_2xx.group(1)) if non_2xx else 0) + (sum(map(int, socket.groups())) if socket else 0)
    return WrkResult(float(rate.group(1)), latency.get("50", 0.0), latency.get("99", 0.0), errors)
