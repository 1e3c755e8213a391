"""The files the explorer's pages load: vis-network and its CSS, and our own script and stylesheet.

vis-network is served from the installed pyvis package (the pinned `pyvis==0.3.2` ships
`pyvis/lib/vis-9.1.2/vis-network.min.js` and `vis-network.css`), not copied into this repository: one copy on disk,
its version moves with the pin, and the 690 kB of minified library stay out of our diffs. A unit test checks the
files are where we expect them. Our own files live in visualize/static/.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyvis

VIS_DIR = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"
OWN_DIR = Path(__file__).resolve().parent / "static"


@dataclass(frozen=True)
class Asset:
    path: Path
    media_type: str


ASSETS = {
    "vis-network.min.js": Asset(VIS_DIR / "vis-network.min.js", "text/javascript; charset=utf-8"),
    "vis-network.css": Asset(VIS_DIR / "vis-network.css", "text/css; charset=utf-8"),
    "explorer.js": Asset(OWN_DIR / "explorer.js", "text/javascript; charset=utf-8"),
    "explorer.css": Asset(OWN_DIR / "explorer.css", "text/css; charset=utf-8"),
    "corrections.js": Asset(OWN_DIR / "corrections.js", "text/javascript; charset=utf-8"),  # the notice page's form
    "upload.js": Asset(OWN_DIR / "upload.js", "text/javascript; charset=utf-8"),  # the upload page's form
}
SCRIPTS = ("vis-network.min.js", "explorer.js")  # in this order: explorer.js uses the global `vis`
STYLESHEETS = ("vis-network.css", "explorer.css")


@cache
def text(name: str) -> str:
    """An asset's content, for pages written as one self-contained file."""
    return ASSETS[name].path.read_text(encoding="utf-8")
