"""The layers run one way — cli → api → visualize → analysis → graph → ingest → cypher | core — and of the CLI only
`serve` touches the API: the contracts in pyproject.toml ([tool.importlinter]), checked here so that CI checks them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")  # installed with the `test` extra


def test_imports_keep_the_layer_contracts() -> None:
    done = subprocess.run([str(LINT_IMPORTS), "--no-cache", "--no-logo"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def modules_on_disk() -> set[str]:
    """Every module under policygraph/, following the symlinks (Path.rglob does not, before Python 3.13)."""
    found = set()
    for folder, _, files in os.walk(ROOT / "policygraph", followlinks=True):
        package = Path(folder).relative_to(ROOT).parts
        found |= {".".join(package if f == "__init__.py" else (*package, f[:-3])) for f in files if f.endswith(".py")}
    return found


def test_the_contracts_see_every_module_behind_the_symlinks() -> None:
    # policygraph/graph is a symlink to ../graph (and so on): a module grimp did not find is one no contract checks.
    files = modules_on_disk()
    seen = set(grimp.build_graph("policygraph", cache_dir=None).modules)
    assert files == seen and "policygraph.graph.store" in seen
