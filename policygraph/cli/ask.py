"""Placeholder command module: filled in by the analyst-toolkit work (issue 9)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Adds its command to `app` (nothing yet)."""
