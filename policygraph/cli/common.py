"""What every subcommand shares: one-line errors instead of stack traces, and a console for rich output."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer
from rich.console import Console

from policygraph.core.errors import PolicyGraphError

P = ParamSpec("P")
R = TypeVar("R")

console = Console()
err_console = Console(stderr=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one line on stderr and return the Exit to raise."""
    print(f"policygraph: {message}", file=sys.stderr)
    return typer.Exit(code)


def reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn the project's own exceptions into a one-line message and exit status 1."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except PolicyGraphError as e:
            raise fail(str(e)) from None
        except KeyboardInterrupt:
            raise fail("interrupted", code=130) from None

    return wrapper
