"""`policygraph` as a user runs it: a real process (`python -m policygraph`), its output, exit status, peak memory
and time. The one way tests run the command.

Each run gets a work directory, its current directory and where its output goes (`stdout`, `stderr`): no `.env` or
`./.policygraph/` of the checkout is picked up, and a long run's output never fills a pipe nobody reads yet.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TIMEOUT = 600.0  # seconds: a hung command fails its test instead of hanging the suite
# The developer's own settings must not reach the command: each test says which engine and graph it uses.
DEVELOPER_SETTINGS = ("POLICYGRAPH_", "FALKORDB_", "NEO4J_")


@dataclass(frozen=True)
class CliResult:
    returncode: int
    stdout: str
    stderr: str
    peak_rss_mb: float  # of the command's own process (wait4), not of the test process or the engine
    seconds: float


def cli_env(settings: Mapping[str, str]) -> dict[str, str]:
    """This process's environment without the developer's settings, plus `settings`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(DEVELOPER_SETTINGS)}
    env["COLUMNS"] = "300"  # rich fits tables to the terminal: wide enough for whole titles and one-line errors
    env["PYTHONUNBUFFERED"] = "1"  # output reaches the files as it is written, for tests that read it mid-run
    return env | dict(settings)


def start_cli(*args: str, settings: Mapping[str, str], workdir: Path, **popen: Any) -> subprocess.Popen[bytes]:
    """`policygraph ARGS` started in `workdir`, its output to `workdir/stdout` and `workdir/stderr`."""
    workdir.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "policygraph", *args]
    with (workdir / "stdout").open("wb") as out, (workdir / "stderr").open("wb") as err:
        return subprocess.Popen(command, cwd=workdir, env=cli_env(settings), stdout=out, stderr=err, **popen)


def still_running(proc: subprocess.Popen[bytes]) -> bool:
    """Like `proc.poll() is None`, without reaping the child: finish_cli's wait4 needs it for its peak memory."""
    return os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None


def finish_cli(proc: subprocess.Popen[bytes], workdir: Path, started: float, timeout: float = TIMEOUT) -> CliResult:
    """Wait for the command with wait4, which gives its own peak RSS (ru_maxrss, in KiB on Linux)."""
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            raise TimeoutError(f"{proc.args!r} still running after {timeout} s")
        time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return CliResult(
        proc.returncode,
        (workdir / "stdout").read_text(encoding="utf-8", errors="replace"),
        (workdir / "stderr").read_text(encoding="utf-8", errors="replace"),
        usage.ru_maxrss / 1024,
        time.monotonic() - started,
    )


def run_cli(
    *args: str, settings: Mapping[str, str] | None = None, workdir: Path | None = None, timeout: float = TIMEOUT
) -> CliResult:
    """`policygraph ARGS` run to its end in `workdir` (a temporary directory when there is none)."""
    if workdir is None:
        with tempfile.TemporaryDirectory(prefix="policygraph-cli-") as temporary:
            return run_cli(*args, settings=settings, workdir=Path(temporary), timeout=timeout)
    started = time.monotonic()
    return finish_cli(start_cli(*args, settings=settings or {}, workdir=workdir), workdir, started, timeout)
