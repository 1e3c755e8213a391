"""docs/cli.md is the `--help` of every command as the code has it now: a changed option or help text without a
regenerated reference fails here."""

from __future__ import annotations

from policygraph.cli.reference import COMMAND, reference
from tests.support.paths import ROOT

CLI_MD = ROOT / "docs" / "cli.md"


def test_the_cli_reference_is_what_the_generator_prints() -> None:
    assert CLI_MD.read_text(encoding="utf-8") == reference(), f"docs/cli.md is out of date: run `{COMMAND}`"
