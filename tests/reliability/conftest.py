"""The reliability suite (hostile input, faults, concurrency, security): every test in this folder is marked
`reliability`, so the normal run (`addopts = -m 'not reliability'`) leaves it out and `bash .ci/reliability.sh`
runs it. The engines and `store` come from tests/conftest.py; the CLI runs as a real subprocess (tests/support/cli.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reliability.harness import FIGURES, Target, open_target
from tests.support.engines import ENGINES

HERE = Path(__file__).resolve().parent
FIGURES_FILE = HERE.parent.parent / "build" / "reliability" / "figures.json"


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects: the mark must be there when it looks
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.reliability)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """The figures the suite measured (peak memory, latencies), for docs/reliability.md and the CI log."""
    if FIGURES:
        FIGURES_FILE.parent.mkdir(parents=True, exist_ok=True)
        FIGURES_FILE.write_text(json.dumps(FIGURES, ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for name, value in sorted(FIGURES.items()):
        terminalreporter.write_line(f"reliability figure: {name} = {value}")


@pytest.fixture(params=ENGINES)
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Target]:
    """An empty graph on each engine, and the environment for CLI subprocesses that write to it."""
    opened = open_target(request.param, request, tmp_path)
    yield opened
    opened.store.close()
