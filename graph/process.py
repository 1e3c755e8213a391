"""Child processes for the local engines (embedded FalkorDB, launcher-embedded Neo4j).

Both engines are run the same way: a free loopback port, a log file and a state file (pid, port) in the data
directory, a readiness check, and a clean stop. A server started for one command (`demo`, `serve`, the tests) is tied
to its parent with PR_SET_PDEATHSIG, so it dies with the parent even after `kill -9`: no orphans. A server started by
`policygraph db start` is detached into its own session and outlives the command until `db stop`.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from policygraph.core.errors import EngineNotReady, EngineUnavailable

_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class ServerState:
    """What a running local engine leaves in its data directory so that later commands can find and reuse it."""

    engine: str
    pid: int
    port: int
    data_dir: str
    log: str

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> ServerState | None:
        try:
            return cls(**json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None


def free_port() -> int:
    """A port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def port_is_open(port: int, host: str = "127.0.0.1", timeout: float = 0.2) -> bool:
    """True when something accepts TCP connections on host:port."""
    with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=timeout):
        return True
    return False


def pid_alive(pid: int) -> bool:
    """True while the process exists and is not a zombie."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def children_of(pid: int) -> list[int]:
    """The live processes whose parent is `pid` (Linux /proc): an ingest's extraction workers, a server's workers."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):  # a process may end while it is read
            if int(stat.read_text(encoding="ascii").rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
    return found


def wait_for_exit(pid: int, timeout: float = 10.0) -> bool:
    """Wait until the process is gone (or a zombie); False if it is still alive after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            return True
        time.sleep(0.05)
    return False


def die_with_parent(parent: int | None = None) -> None:
    """Ask the kernel to SIGTERM this process when its parent dies (run in the child: between fork and exec, or as
    a worker pool's initializer). Given the parent's pid, a parent already gone by then ends us at once."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if parent is not None and os.getppid() != parent:
        os.kill(os.getpid(), signal.SIGTERM)


def ensure_writable_dir(path: Path) -> None:
    """Create the data directory, or explain why it cannot be used."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / ".write-test"
        probe.write_text("ok", encoding="ascii")
        probe.unlink()
    except OSError as e:
        raise EngineUnavailable(
            f"data directory {path} is not writable ({e.strerror}): set POLICYGRAPH_DATA_DIR to a writable directory"
        ) from e


def spawn(
    command: Sequence[str],
    log_path: Path,
    *,
    detach: bool,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> subprocess.Popen[bytes]:
    """Start a server process writing to log_path. Detached servers get their own session; others die with us."""
    try:
        log = open(log_path, "ab")  # noqa: SIM115 - handed to the child, closed below
    except OSError as e:
        raise EngineUnavailable(f"cannot write the log file {log_path} ({e.strerror})") from e
    try:
        return subprocess.Popen(
            list(command),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=cwd,
            env=env,
            start_new_session=detach,
            preexec_fn=None if detach else die_with_parent,  # prctl is async-signal-safe: fine between fork and exec
        )
    except FileNotFoundError as e:
        raise EngineUnavailable(f"cannot run {command[0]}: not found") from e
    finally:
        log.close()


def log_tail(log_path: Path, lines: int = 5) -> str:
    try:
        text = log_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        return ""
    return " | ".join(line.strip() for line in text[-lines:])


def wait_until_ready(
    ready: Callable[[], bool], proc: subprocess.Popen[bytes], what: str, log_path: Path, timeout: float
) -> None:
    """Poll `ready` until it is true; fail early with the log's last lines if the process exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise EngineUnavailable(f"{what} exited with status {proc.returncode} while starting: {log_tail(log_path)}")
        if ready():
            return
        time.sleep(0.1)
    terminate(proc.pid, child=proc)
    raise EngineNotReady(f"{what} did not answer within {timeout:.0f} s (log: {log_path}): {log_tail(log_path)}")


def terminate(pid: int, *, child: subprocess.Popen[bytes] | None = None, grace: float = 15.0) -> None:
    """SIGTERM, wait up to `grace` seconds, then SIGKILL. Reaps our own children so no zombie is left."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if child is not None and child.poll() is not None:
            return
        if child is None and not pid_alive(pid):
            return
        time.sleep(0.05)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    if child is not None:
        child.wait(timeout=5)
