"""HTML from Jinja2 templates (visualize/templates/) with autoescape on: every text from a notice is escaped.

Data for the page's script goes in `<script type="application/json">` through `script_json`, which escapes `<`, `>`,
`&`, `'` and U+2028/U+2029, so no string can close the script element or break out of it.
"""

from __future__ import annotations

import json
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from policygraph.core.vocabulary import LEVELS, TIERS
from policygraph.visualize import assets, maps, style, urls

_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027",
                                 "\u2028": "\\u2028", "\u2029": "\\u2029"})  # fmt: skip


def script_json(value: Any) -> Markup:
    """JSON that is safe inside a <script> element (and still valid JSON: the escapes are JSON escapes)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Markup(text.translate(_SCRIPT_ESCAPES))


def static_url(name: str) -> str:
    if name not in assets.ASSETS:
        raise KeyError(f"no static asset named {name!r}")
    return f"{urls.STATIC}/{name}"


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("policygraph.visualize", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # i18n (issue 19): `{{ _("…") }}` in templates; the i18n part installs the real catalogues in place of these.
    env.add_extension("jinja2.ext.i18n")
    env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    env.filters["script_json"] = script_json
    env.globals.update(
        static_url=static_url,
        urls=urls,
        draw_map=maps.draw,
        legend=style.legend(),
        assets=assets,
        levels=LEVELS,
        tiers=TIERS,
    )
    return env


ENV = _environment()


def render(template: str, **context: Any) -> str:
    """A page; `inline` (assets in the page itself) is off unless asked for."""
    return ENV.get_template(template).render({"inline": False, "q": None, **context})


def standalone(graph: dict[str, Any], *, title: str, subtitle: str | None = None) -> str:
    """One HTML file that opens offline: vis-network, its CSS and our script and stylesheet inlined."""
    return render("standalone.html", graph=graph, title=title, subtitle=subtitle, inline=True)
