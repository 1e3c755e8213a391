"""The codes the pages show a reader — a notice's level, an agency's kind, a role and how it was read, a lineage
relation, a deadline's kind, a diffusion label, a network measure — as catalogue messages.

The message id is the code itself (what the English pages always showed, and what the JSON says), so the English
catalogue keeps it and the Chinese one says it the way a 医改 analyst does. A code not listed here is shown as it is:
it is data. The templates use it through the `term` filter (visualize/render.py), Python through `term()`.
"""

from __future__ import annotations

import re
from gettext import NullTranslations

from policygraph.core.i18n import N_, gettext

_CODES = [
    # levels and tiers (core/vocabulary.py)
    N_("national"), N_("provincial"), N_("prefectural"), N_("county"), N_("department"), N_("unknown"),
    # agency kinds
    N_("agency"), N_("collective"), N_("party organ"), N_("vertically managed"),
    # roles and the bases they were read on
    N_("lead"), N_("cooperate"), N_("cooperating"),
    N_("explicit"), N_("sole"), N_("first_listed"), N_("respective"), N_("standing_clause"), N_("joint"),
    N_("heading"), N_("corrected"),
    # IMPLEMENTS: explicit (above) or inferred
    N_("inferred"),
    # deadlines
    N_("by_date"), N_("ongoing"), N_("none"),
    # diffusion labels
    N_("top-down"), N_("bottom-up"), N_("mixed"),
    # the network's sort keys and positions
    N_("pagerank"), N_("degree"), N_("weighted_degree"), N_("betweenness"), N_("eigenvector"), N_("tasks_led"),
    N_("tasks_cooperated"), N_("lead_share"), N_("core_number"), N_("core"), N_("periphery"),
    # how an agency continues another after a reform (graph/continuity.py)
    N_("renamed"), N_("merged"), N_("split"), N_("functions_moved"),
    # the fields a correction sets
    N_("deadline"), N_("doc_no"), N_("issuer"), N_("level"), N_("region"), N_("date"), N_("parent"),
]  # fmt: skip
TERMS: dict[str, str] = {code: code for code in _CODES}


_COUNTED = re.compile(r"(\d+) (.+)", re.DOTALL)


def said(translations: NullTranslations, text: str) -> str:
    """One of our own English sentences, stored with the data (a coverage reason) or defined with N_ (a legend
    label), in a language: its translation; one that starts with a count and is not in the catalogue is looked up as
    "%(n)s …" with the count put back. Anything else is data and comes back as it is."""
    translated = translations.gettext(text)
    counted = _COUNTED.fullmatch(text) if translated == text else None
    if counted:
        template = "%(n)s " + counted.group(2)
        if translations.gettext(template) != template:
            return translations.gettext(template) % {"n": counted.group(1)}
    return translated


def term(code: object) -> str:
    """A code in the current language; anything else as it is."""
    text = str(code)
    return gettext(TERMS[text]) if text in TERMS else text
