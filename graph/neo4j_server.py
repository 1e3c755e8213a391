"""Neo4j 5.26 without Docker: embedded Neo4j from Maven Central, run by a small Java launcher (graph/neo4j_launcher).

Maven Central has no Neo4j server tarball, but `org.neo4j:neo4j` embedded behind a Bolt connector is the same engine.
`build_launcher` resolves its classpath with Maven and compiles the launcher once per source version (cached);
`start` runs it like the other local engines (process.py): a loopback port, a log and a state file in the data
directory, a readiness check through the official driver, and a clean stop.

Files in the data directory: `neo4j.json` (state), `neo4j.log` (launcher output), `neo4j/` (Neo4j's home: store,
transaction logs, Neo4j's own logs).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired, TransientError

from policygraph.core.errors import AuthenticationFailed, EngineUnavailable
from policygraph.graph.process import (
    ServerState,
    ensure_writable_dir,
    free_port,
    pid_alive,
    port_is_open,
    spawn,
    terminate,
    wait_until_ready,
)

ENGINE = "neo4j"
USER = "neo4j"
MIN_PASSWORD_LENGTH = 8  # Neo4j's default dbms.security.auth_minimum_password_length
STATE_FILE = "neo4j.json"
LOG_FILE = "neo4j.log"
HOME_DIR = "neo4j"
LAUNCHER_DIR = Path(__file__).resolve().parent / "neo4j_launcher"
POM = LAUNCHER_DIR / "pom.xml"
SOURCE = LAUNCHER_DIR / "src" / "main" / "java" / "policygraph" / "Neo4jLauncher.java"
MAIN_CLASS = "policygraph.Neo4jLauncher"
JVM_OPTIONS = ("-Xmx1g",)
READY_MARK = b"NEO4J READY "
MAVEN_TIMEOUT_S = 1800.0  # a cold ~/.m2 downloads ~160 MB (212 jars)
JAVAC_TIMEOUT_S = 300.0
STOP_GRACE_S = 60.0  # a shutdown checkpoint of a big store can take a while; SIGKILL only after that
TOOLS_HINT = "install OpenJDK 17 and Maven, or use docker compose"

_log = logging.getLogger(__name__)
_children: dict[int, subprocess.Popen[bytes]] = {}  # our own launchers, so that stop() can reap them


@dataclass(frozen=True)
class LauncherBuild:
    """A compiled launcher: `classes_dir` holds policygraph/Neo4jLauncher.class, `classpath` the Neo4j jars."""

    classpath: str
    classes_dir: Path

    def java_classpath(self) -> str:
        return f"{self.classes_dir}{os.pathsep}{self.classpath}"


# --- build ---------------------------------------------------------------------------------------------------------


def build_launcher(log: Callable[[str], None] = lambda s: None) -> LauncherBuild:
    """Resolve the Neo4j jars and compile the launcher, or return the cached build for this pom and source."""
    target = _cache_root() / _source_hash()
    cached = _cached_build(target)
    if cached is not None:
        return cached
    mvn, javac = _tool("mvn"), _tool("javac")
    _make_dir(target.parent)
    with tempfile.TemporaryDirectory(prefix=".build-", dir=target.parent) as tmp:
        out = Path(tmp) / "out"
        out.mkdir()
        classpath = _resolve_classpath(mvn, Path(tmp), log)
        _compile(javac, classpath, out / "classes", log)
        # Written last and published with one rename: a build directory that exists is complete.
        (out / "classpath.txt").write_text(classpath, encoding="utf-8")
        if _cached_build(target) is None:  # a stale build whose jars went missing, not a fresh one from a rival
            shutil.rmtree(target, ignore_errors=True)
        with contextlib.suppress(OSError):  # another process published the same build first: keep theirs
            out.rename(target)
    build = _cached_build(target)
    if build is None:
        raise EngineUnavailable(f"the Neo4j launcher build in {target} is incomplete: delete it and try again")
    return build


def _cache_root() -> Path:
    base = os.environ.get("POLICYGRAPH_CACHE_DIR") or platformdirs.user_cache_dir("policygraph")
    return Path(base) / "neo4j-launcher"


def _source_hash() -> str:
    digest = hashlib.sha256()
    for path in (POM, SOURCE):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _cached_build(target: Path) -> LauncherBuild | None:
    """The build in `target` if it is complete and every jar is still there (~/.m2 can be cleaned)."""
    try:
        classpath = (target / "classpath.txt").read_text(encoding="utf-8").strip()
    except OSError:
        return None
    classes = target / "classes"
    jars = [Path(p) for p in classpath.split(os.pathsep) if p]
    if not (classes / "policygraph" / "Neo4jLauncher.class").is_file() or not all(j.is_file() for j in jars):
        return None
    return LauncherBuild(classpath=classpath, classes_dir=classes)


def _tool(name: str) -> str:
    """Path of java/javac/mvn; JAVA_HOME first for the JDK tools, as Maven does."""
    java_home = os.environ.get("JAVA_HOME")
    if name != "mvn" and java_home and (Path(java_home) / "bin" / name).is_file():
        return str(Path(java_home) / "bin" / name)
    found = shutil.which(name)
    if found is None:
        raise EngineUnavailable(f"{name} not found on PATH, needed to run Neo4j without Docker: {TOOLS_HINT}")
    return found


def _make_dir(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise EngineUnavailable(
            f"cannot create the build cache {path} ({e.strerror}): set POLICYGRAPH_CACHE_DIR to a writable directory"
        ) from e


def _resolve_classpath(mvn: str, work: Path, log: Callable[[str], None]) -> str:
    """`mvn dependency:build-classpath` on a copy of the pom, so nothing is written next to the sources."""
    shutil.copyfile(POM, work / "pom.xml")
    output = work / "classpath.out"
    log("resolving org.neo4j:neo4j with Maven (the first time downloads ~160 MB)")
    began = time.monotonic()
    # Fully qualified goal: the `dependency:` prefix needs plugin-group metadata, one more download that can fail.
    goal = "org.apache.maven.plugins:maven-dependency-plugin:build-classpath"
    command = [mvn, "-q", "-B", "-Dstyle.color=never", "-f", str(work / "pom.xml"), goal, f"-Dmdep.outputFile={output}"]
    _run(command, "Maven could not resolve org.neo4j:neo4j", work, MAVEN_TIMEOUT_S)
    classpath = output.read_text(encoding="utf-8").strip()
    log(f"resolved {len(classpath.split(os.pathsep))} jars in {time.monotonic() - began:.1f} s")
    return classpath


def _compile(javac: str, classpath: str, classes: Path, log: Callable[[str], None]) -> None:
    began = time.monotonic()
    command = [javac, "--release", "17", "-encoding", "UTF-8", "-d", str(classes), "-cp", classpath, str(SOURCE)]
    _run(command, "javac could not compile the Neo4j launcher", classes.parent, JAVAC_TIMEOUT_S)
    log(f"compiled the launcher in {time.monotonic() - began:.1f} s")


def _run(command: list[str], what: str, cwd: Path, timeout: float) -> None:
    """Run a build tool; on failure raise one line with the last lines of its output."""
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, errors="replace", timeout=timeout)
    except subprocess.TimeoutExpired as e:
        raise EngineUnavailable(f"{what}: no result after {timeout:.0f} s ({TOOLS_HINT})") from e
    except OSError as e:
        raise EngineUnavailable(f"{what}: cannot run {command[0]} ({e.strerror}): {TOOLS_HINT}") from e
    if done.returncode != 0:
        raise EngineUnavailable(f"{what} (exit {done.returncode}): {_last_lines(done.stdout + done.stderr)}")


# Maven's advice after every failure; the cause is in the lines before it.
_MAVEN_BOILERPLATE = re.compile(r"re-run maven|full stack trace|for more information|^\[help \d+\]", re.IGNORECASE)


def _last_lines(text: str, count: int = 4) -> str:
    lines = []
    for raw in re.sub(r"\x1b\[[0-9;]*m", "", text).splitlines():
        line = raw.strip().removeprefix("[ERROR]").replace("-> [Help 1]", "").strip()
        if line and not _MAVEN_BOILERPLATE.search(line):
            lines.append(line)
    return " | ".join(lines[-count:]) or "no output"


# --- run -----------------------------------------------------------------------------------------------------------


def start(
    data_dir: Path, password: str, *, port: int | None = None, detach: bool = False, timeout: float = 120.0
) -> ServerState:
    """The running Neo4j for data_dir, started if needed. `timeout` bounds the wait for Bolt, not the first build."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise EngineUnavailable(
            f"NEO4J_PASSWORD is {len(password)} characters long; Neo4j refuses passwords shorter than "
            f"{MIN_PASSWORD_LENGTH}: set a longer one"
        )
    ensure_writable_dir(data_dir)
    with _data_dir_lock(data_dir):
        existing = running(data_dir)
        if existing is not None:
            return _reuse(existing, password, port)
        (data_dir / STATE_FILE).unlink(missing_ok=True)  # stale: its process is gone
        chosen = _choose_port(port)
        build = build_launcher(log=_log.info)
        return _launch(build, data_dir, password, chosen, detach=detach, timeout=timeout)


def stop(data_dir: Path) -> bool:
    """Stop the Neo4j started for data_dir. True if one was running."""
    state_file = data_dir / STATE_FILE
    state = ServerState.load(state_file)
    was_running = state is not None and pid_alive(state.pid) and _is_launcher(state.pid, data_dir)
    if state is not None and was_running:
        terminate(state.pid, child=_children.pop(state.pid, None), grace=STOP_GRACE_S)
    state_file.unlink(missing_ok=True)
    return was_running


def running(data_dir: Path) -> ServerState | None:
    """The state of a launcher serving data_dir that is alive and listening, else None."""
    state = ServerState.load(data_dir / STATE_FILE)
    if state is None or state.engine != ENGINE:
        return None
    if not (pid_alive(state.pid) and _is_launcher(state.pid, data_dir) and port_is_open(state.port)):
        return None
    return state


def bolt_uri(state: ServerState) -> str:
    return f"bolt://127.0.0.1:{state.port}"


@contextlib.contextmanager
def _data_dir_lock(data_dir: Path) -> Iterator[None]:
    """Two commands starting Neo4j on one data dir at once would both spawn; the second would fail on Neo4j's lock."""
    with open(data_dir / "neo4j.lock", "w", encoding="ascii") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _is_launcher(pid: int, data_dir: Path) -> bool:
    """Guards against a recycled pid: the process must be our launcher for this very data dir."""
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return not Path("/proc/self").exists()  # no procfs (macOS): trust the pid
    return MAIN_CLASS.encode() in args and os.fsencode(_home(data_dir)) in args


def _home(data_dir: Path) -> Path:
    return (data_dir / HOME_DIR).resolve()


def _choose_port(port: int | None) -> int:
    if port is None:
        return free_port()
    if port_is_open(port):
        raise EngineUnavailable(f"port {port} is already in use: choose another one or leave it out to pick a free one")
    return port


def _reuse(state: ServerState, password: str, port: int | None) -> ServerState:
    if port is not None and port != state.port:
        raise EngineUnavailable(
            f"Neo4j for {state.data_dir} is already running on port {state.port}, not {port}: "
            "use that port, or stop it first (`policygraph db stop`)"
        )
    try:
        _verify(state.port, password)
    except (ServiceUnavailable, SessionExpired) as e:
        raise EngineUnavailable(f"Neo4j on port {state.port} (pid {state.pid}) does not answer: {e}") from e
    return state


def _verify(port: int, password: str) -> None:
    """Authenticate with the official driver; AuthError becomes AuthenticationFailed with what to do."""
    uri = f"bolt://127.0.0.1:{port}"
    try:
        with GraphDatabase.driver(uri, auth=(USER, password), connection_timeout=5.0) as driver:
            driver.verify_connectivity()
    except AuthError as e:
        raise AuthenticationFailed(
            f"Neo4j on {uri} refused the password ({e.message}): set NEO4J_PASSWORD to the one it was started with, "
            "or stop it (`policygraph db stop`) and start it again, which applies the new password"
        ) from e


def _launch(
    build: LauncherBuild, data_dir: Path, password: str, port: int, *, detach: bool, timeout: float
) -> ServerState:
    log_path = data_dir / LOG_FILE
    offset = log_path.stat().st_size if log_path.exists() else 0  # the log is appended to across runs
    command = [_tool("java"), *JVM_OPTIONS, "-cp", build.java_classpath(), MAIN_CLASS, str(_home(data_dir)), str(port)]
    # The password goes through the environment: on the command line `ps` would show it to every user.
    proc = spawn(command, log_path, detach=detach, env={**os.environ, "NEO4J_PASSWORD": password})
    _children[proc.pid] = proc
    try:
        wait_until_ready(lambda: _ready(log_path, offset, port, password), proc, "Neo4j", log_path, timeout)
    except BaseException:
        _children.pop(proc.pid, None)
        if proc.poll() is None:  # after an exit the pid may already belong to someone else
            terminate(proc.pid, child=proc)
        raise
    # Absolute: the state file is read by later commands that may run from another directory.
    state = ServerState(
        engine=ENGINE, pid=proc.pid, port=port, data_dir=str(data_dir.resolve()), log=str(log_path.resolve())
    )
    state.save(data_dir / STATE_FILE)
    return state


def _ready(log_path: Path, offset: int, port: int, password: str) -> bool:
    """Ready once the launcher has set the password (its READY line) and the driver logs in.

    Bolt listens before the password is set, so an earlier login could fail for a reason that is about to go away.
    """
    try:
        with open(log_path, "rb") as f:
            f.seek(offset)
            if READY_MARK not in f.read():
                return False
    except OSError:
        return False
    try:
        _verify(port, password)
    except (ServiceUnavailable, SessionExpired, TransientError):
        return False
    return True
