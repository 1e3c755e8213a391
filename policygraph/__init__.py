"""PolicyGraph: a knowledge graph of Chinese health-reform policy notices.

`import policygraph as pg; g = pg.connect()` gives the Python client (policygraph/client/). It is imported on first
use, so that `import policygraph.core.settings` (or the CLI) does not load the whole library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from policygraph.core.version import __version__

if TYPE_CHECKING:
    from policygraph.client import Graph, Rows, connect

__all__ = ["Graph", "Rows", "__version__", "connect"]

CLIENT_NAMES = ("Graph", "Rows", "connect")


def __getattr__(name: str) -> Any:
    """`pg.connect`, `pg.Graph`, `pg.Rows`: from policygraph.client, imported when first asked for."""
    if name in CLIENT_NAMES:
        from policygraph import client

        return getattr(client, name)
    raise AttributeError(f"module 'policygraph' has no attribute {name!r}")
