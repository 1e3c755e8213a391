"""`policygraph extract` and `policygraph eval` (filled by the extraction issue)."""

import typer


def register(app: typer.Typer) -> None:
    """Add the extraction commands to the main app."""
