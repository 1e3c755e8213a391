"""bench/wrk.py reads wrk's report: the rate, the median and 99th-percentile latency in any unit, and every error."""

from __future__ import annotations

from bench.wrk import WrkResult, parse

REPORT = """Running 10s test @ http://127.0.0.1:8000/health
  1 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     6.10ms    2.00ms  40.00ms   90.00%
  Latency Distribution
     50%  850.00us
     75%    5.00ms
     90%    9.00ms
     99%    1.20s
  12000 requests in 10.00s, 3.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:   1200.50
Transfer/sec:    300.00KB
"""


def test_the_rate_latencies_and_errors_are_read() -> None:
    assert parse(REPORT) == WrkResult(rate=1200.5, p50_ms=0.85, p99_ms=1200.0, errors=7)


def test_a_report_without_errors_counts_none() -> None:
    clean = "\n".join(line for line in REPORT.splitlines() if "errors" not in line and "Non-2xx" not in line)
    assert parse(clean).errors == 0
