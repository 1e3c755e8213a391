"""README.md's Configuration table lists every setting of policygraph/core/settings.py by its environment variable:
a setting added without its row fails here, and so does a row left behind by a setting that is gone."""

from __future__ import annotations

import re

from pydantic import AliasChoices

from policygraph.core.settings import Settings
from tests.support.paths import ROOT

README = ROOT / "README.md"


def setting_variables() -> set[str]:
    """The environment variables Settings reads: each field's aliases (pydantic-settings' own name when it has none)."""
    names: set[str] = set()
    for field_name, field in Settings.model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            names.update(choice for choice in alias.choices if isinstance(choice, str))
        else:
            names.add(alias if isinstance(alias, str) else field_name.upper())
    return names


def table_variables() -> set[str]:
    """The `NAMES` in the first column of the table under README.md's "## Configuration"."""
    section = README.read_text(encoding="utf-8").split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    first_cells = [line.split("|")[1] for line in section.splitlines() if line.startswith("| `")]
    return {name for cell in first_cells for name in re.findall(r"`([A-Z0-9_]+)`", cell)}


def test_every_setting_is_in_the_readme_table() -> None:
    missing = sorted(setting_variables() - table_variables())
    assert missing == [], f"add to README.md's Configuration table (variable, default, what it does): {missing}"


def test_the_readme_table_lists_only_settings() -> None:
    unknown = sorted(table_variables() - setting_variables())
    assert unknown == [], f"README.md's Configuration table names variables Settings does not read: {unknown}"
