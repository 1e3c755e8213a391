"""HTML from Jinja2 templates (visualize/templates/) with autoescape on: every text from a notice is escaped.

Every visible text of a template is written `{{ _("English text") }}` (jinja2.ext.i18n, newstyle gettext: `%(n)s`
placeholders as keyword arguments); there is one environment per language, so a page renders in the language asked
for without touching shared state. Codes shown to the reader (a notice's level, a role, a relation) go through the
`term` filter: translated when core/i18n.py names them, else shown as they are (data is never translated).

Data for the page's script goes in `<script type="application/json">` through `script_json`, which escapes `<`, `>`,
`&`, `'` and U+2028/U+2029, so no string can close the script element or break out of it.
"""

from __future__ import annotations

import json
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from policygraph.core import i18n
from policygraph.core.terms import TERMS, said
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


def _environment(language: str) -> Environment:
    translations = i18n.translations(language)
    env = Environment(
        extensions=["jinja2.ext.i18n"],
        loader=PackageLoader("policygraph.visualize", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
    env.filters["script_json"] = script_json
    env.filters["term"] = lambda code: translations.gettext(TERMS[code]) if code in TERMS else code
    # A message defined in Python with N_ (the legend's labels, coverage reasons): plain text, so autoescape applies.
    env.filters["t"] = lambda text: said(translations, text)
    env.globals.update(static_url=static_url, urls=urls, draw_map=maps.draw, legend=style.legend(), assets=assets, levels=LEVELS,
                       tiers=TIERS, lang=language, html_lang=i18n.HTML_LANG[language])  # fmt: skip
    return env


ENVS = {language: _environment(language) for language in i18n.LANGUAGES}
ENV = ENVS[i18n.DEFAULT]  # the default language's, under its old name


def render(template: str, language: str | None = None, **context: Any) -> str:
    """A page in `language` (by default the current one: core/i18n.py); `inline` (assets in the page itself) is off
    unless asked for."""
    env = ENVS[i18n.supported(language) or i18n.current()]
    return env.get_template(template).render({"inline": False, "q": None, "switch": None, **context})


def map_svg(region_map: Any) -> str:
    """A map (analysis/maps.py RegionMap) alone as an SVG file, for print: no links. The API and `policygraph map`."""
    return render("_map_svg.html", region_map=region_map, links=False)


def standalone(graph: dict[str, Any], *, title: str, subtitle: str | None = None) -> str:
    """One HTML file that opens offline: vis-network, its CSS and our script and stylesheet inlined."""
    return render("standalone.html", graph=graph, title=title, subtitle=subtitle, inline=True)
