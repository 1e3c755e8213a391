"""The settings `pg.connect()` uses: the CLI's (environment variables and a `.env` file in the working directory),
with any of them overridden by keyword, under its field name (`falkordb_url=`, `graph_name=`, `data_dir=` …)."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from policygraph.core.errors import InvalidParameter
from policygraph.core.settings import Settings


def environment_names() -> dict[str, str]:
    """Each setting's field name → the environment variable that sets it (graph_name → POLICYGRAPH_GRAPH)."""
    names = {}
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        choices = getattr(alias, "choices", None) or [alias or name]
        names[name] = str(choices[0])
    return names


def settings_with(overrides: dict[str, Any]) -> Settings:
    """Settings from the environment and `.env`, with `overrides` (by field name) taking precedence; a name that is
    no setting, or a value a setting refuses, is an InvalidParameter naming it."""
    names = environment_names()
    for name in overrides:
        if name not in names:
            raise InvalidParameter(name, f"{name!r} is not a setting; the settings are: {', '.join(names)}")
    given = {names[name]: value for name, value in overrides.items() if value is not None}
    try:
        return Settings(**given)
    except ValidationError as e:
        problem = e.errors()[0]
        by_variable = {variable: name for name, variable in names.items()}
        where = str(problem["loc"][0]) if problem["loc"] else "settings"
        name = by_variable.get(where, where)
        raise InvalidParameter(name, f"setting {name} ({where}): {problem['msg']}") from None
