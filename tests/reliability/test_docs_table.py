"""docs/reliability.md lists every test of the suite: a test added without its row fails here."""

from __future__ import annotations

import ast
from pathlib import Path

HERE = Path(__file__).resolve().parent
TABLE = HERE.parent.parent / "docs" / "reliability.md"


def suite_tests() -> list[str]:
    names = []
    for module in sorted(HERE.glob("test_*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        names += [
            node.name for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
        ]
    return names


def test_every_reliability_test_is_in_the_table() -> None:
    table = TABLE.read_text(encoding="utf-8")
    tests = suite_tests()
    assert len(tests) >= 20
    missing = [name for name in tests if f"`{name}`" not in table]
    assert missing == [], f"add to {TABLE.name}: {missing}"
