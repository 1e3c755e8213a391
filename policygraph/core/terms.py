"""The codes the pages show a reader — a notice's level, an agency's kind, a role and how it was read, a lineage
relation, a deadline's kind, a diffusion label, a network measure — as catalogue messages.

The message id is the code itself (what the English pages always showed, and what the JSON says), so the English
catalogue keeps it and the Chinese one says it the way a 医改 analyst does. A code not listed here is shown as it is:
it is data. The templates use it through the `term` filter (visualize/render.py), Python through `term()`.
"""

from __future__ import annotations

import re
from functools import cache
from gettext import NullTranslations

from policygraph.core.i18n import N_, current, gettext, translations

_CODES = [
    # levels and tiers (core/vocabulary.py)
    N_("national"), N_("provincial"), N_("prefectural"), N_("county"), N_("department"), N_("unknown"),
    # what a graph is centred on (policygraph viz KIND), and agency kinds
    N_("document"), N_("programme"), N_("agency"), N_("collective"), N_("party organ"), N_("vertically managed"),
    # roles and the bases they were read on
    N_("lead"), N_("cooperate"), N_("cooperating"),
    N_("explicit"), N_("sole"), N_("first_listed"), N_("respective"), N_("standing_clause"), N_("joint"),
    N_("heading"), N_("corrected"),
    # IMPLEMENTS: explicit (above) or inferred; CITES: the cited notice is the basis, or only referred to
    N_("inferred"), N_("basis"), N_("reference"),
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


# Sentences of ours stored with the data, with values in them (graph/lineage.py writes the IMPLEMENTS reasons from
# these): matched back to their message to be said in another language. `%(reason)s` is itself such a sentence.
CITED_AS_BASIS = N_("cited as its basis")
STUB_ASSUMED = N_("not loaded (known only as cited); assumed to implement the nearest higher-tier notice of %(year)s")
NEAREST = N_("cites no parent notice; nearest higher-tier notice of %(year)s in the graph")
WITH_GAPS = N_("%(reason)s; missing tiers: no %(year)s notice of %(where)s")
STORED = (WITH_GAPS, STUB_ASSUMED, NEAREST)
_COUNTED = re.compile(r"(\d+) (.+)", re.DOTALL)


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """The message as a pattern: each `%(name)s` a named group."""
    return re.compile(re.sub(r"%\\\((\w+)\\\)s", r"(?P<\1>.+?)", re.escape(template)), re.DOTALL)


def said(translations: NullTranslations, text: str) -> str:
    """One of our own English sentences, stored with the data (a coverage reason) or defined with N_ (a legend
    label), in a language: its translation; one that starts with a count and is not in the catalogue is looked up as
    "%(n)s …" with the count put back. Anything else is data and comes back as it is."""
    if not text:
        return text  # gettext("") is the catalogue's header
    translated = translations.gettext(text)
    if translated != text:
        return translated
    counted = _COUNTED.fullmatch(text)
    template = "%(n)s " + counted.group(2) if counted else ""
    if counted and translations.gettext(template) != template:
        return translations.gettext(template) % {"n": counted.group(1)}
    for template in STORED:
        found = _pattern(template).fullmatch(text)
        if found:
            values = found.groupdict()
            if "reason" in values:
                values["reason"] = said(translations, values["reason"])
            return translations.gettext(template) % values
    return text


def say(text: str) -> str:
    """`said` in the current language."""
    return said(translations(current()), text)


def term(code: object) -> str:
    """A code in the current language; anything else as it is."""
    text = str(code)
    return gettext(TERMS[text]) if text in TERMS else text
