"""How numbered items look at the start of a paragraph: 一、 (一) 1. (1) ①.

Shared by the normaliser (a numbered line starts a paragraph, so it is never glued to the line before) and the
structure parser. Patterns run on normalised text, where full-width brackets are already half-width.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_DIGITS = "一二三四五六七八九十百零〇"

# Nesting order of the conventional hierarchy, outermost first. Each pattern captures the number as printed.
KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cn", re.compile(rf"([{_CN_DIGITS}]+)、")),
    ("paren_cn", re.compile(rf"\(([{_CN_DIGITS}]+)\)")),
    ("arabic", re.compile(r"([0-9]{1,3})[.、](?![0-9%])")),
    ("paren_arabic", re.compile(r"\(([0-9]{1,3})\)")),
    ("circled", re.compile(r"([\u2460-\u2473])")),
)
DEPTH = {kind: i for i, (kind, _) in enumerate(KINDS)}


@dataclass(frozen=True)
class Marker:
    kind: str
    number: str  # as printed, normalised: "一" (for 一、), "(一)", "1.", "1、", "(1)", "①"
    label: str  # the marker text itself, e.g. "一、" or "(一)"
    length: int  # characters the marker occupies at the start of the line


def match_marker(line: str) -> Marker | None:
    """The numbering at the start of `line`, or None."""
    for kind, pattern in KINDS:
        m = pattern.match(line)
        if m:
            label = m.group(0)
            number = m.group(1) if kind == "cn" else label  # 一、 → "一"; (一), 1., 1、 as printed
            return Marker(kind, number, label, len(label))
    return None
