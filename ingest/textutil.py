"""Character-level helpers: traditional → simplified, full-width → half-width, what counts as Chinese."""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

from opencc import OpenCC

# Full-width ASCII (！ … ～) → ASCII, ideographic and no-break spaces → space, small-form 〔〕 (﹝﹞) → 〔〕.
# Tabs stay: they separate table cells in text read from DOCX.
# 〔〕《》、。 are not in the full-width ASCII block and stay as they are.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
HALF_WIDTH.update({0x3000: 0x20, 0xA0: 0x20, 0xFE5D: 0x3014, 0xFE5E: 0x3015})
# Other Unicode spaces (en space, thin space …) that converters leave in lists such as "药监局、\u2002医保局".
HALF_WIDTH.update({code: 0x20 for code in (*range(0x2000, 0x200B), 0x202F, 0x205F)})


_WIDE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(HALF_WIDTH)) + "]")


def to_half_width(text: str) -> str:
    """Full-width ASCII and odd spaces → ASCII; same length. (str.translate looks up every character of a
    Chinese text in a dict; replacing only the few distinct wide characters present is several times faster.)"""
    for wide in set(_WIDE.findall(text)):
        text = text.replace(wide, chr(HALF_WIDTH[ord(wide)]))
    return text


def is_cjk(ch: str) -> bool:
    """A CJK ideograph or CJK punctuation (〔〕《》、。 …); ASCII and Latin letters are not."""
    code = ord(ch)
    return 0x3000 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF or code >= 0x20000


@cache
def _converter() -> OpenCC:
    return OpenCC("t2s")


@cache
def _traditional() -> tuple[re.Pattern[str], frozenset[str]]:
    """Characters that t2s changes. Most notices are simplified already: finding none skips OpenCC (~20 ms).

    A regular-expression class finds the common (BMP) ones in microseconds; with the rare supplementary-plane
    characters in the same class, sre falls back to a search a hundred times slower, so those are checked apart.
    """
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    chars = set()
    with path.open(encoding="utf-8") as f:
        for line in f:
            key, _, values = line.rstrip("\n").partition("\t")
            if values.split(" ")[0] != key:
                chars.add(key)
    common = "".join(sorted(re.escape(ch) for ch in chars if ord(ch) < 0x10000))
    return re.compile(f"[{common}]"), frozenset(ch for ch in chars if ord(ch) >= 0x10000)


def _has_traditional(text: str) -> bool:
    common, rare = _traditional()
    if common.search(text):
        return True
    return bool(rare) and _ASTRAL.search(text) is not None and not rare.isdisjoint(text)


@cache
def _phrase_fixes() -> tuple[re.Pattern[str], dict[str, str]]:
    """ingest/data/t2s_phrases.csv: corrections applied after t2s (著力 → 着力), all of equal length."""
    path = Path(__file__).parent / "data" / "t2s_phrases.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = [row for row in csv.DictReader(f) if not row["traditional"].startswith("#")]
    fixes = {row["traditional"]: row["simplified"] for row in rows if len(row["traditional"]) == len(row["simplified"])}
    keys = sorted(fixes, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys))), fixes


@cache
def _kept() -> re.Pattern[str] | None:
    """Rows of t2s_phrases.csv whose two columns are equal: names t2s must leave as written (乾县, not 干县)."""
    path = Path(__file__).parent / "data" / "t2s_phrases.csv"
    with path.open(encoding="utf-8", newline="") as f:
        kept = [row["traditional"] for row in csv.DictReader(f) if row["traditional"] == row["simplified"]]
    return re.compile("|".join(map(re.escape, sorted(kept, key=len, reverse=True)))) if kept else None


def _keep_phrases(original: str, converted: str) -> str:
    """Put back, as written in `original`, the kept names that t2s changed (both texts have the same length)."""
    pattern = _kept()
    if pattern is None:
        return converted
    for m in pattern.finditer(original):
        converted = converted[: m.start()] + m.group(0) + converted[m.end() :]
    return converted


def _fix_phrases(text: str) -> str:
    pattern, fixes = _phrase_fixes()
    return pattern.sub(lambda m: fixes[m.group(0)], text)


def to_simplified(text: str) -> str:
    """Traditional → simplified with OpenCC's phrase-aware t2s; the result always has the same length."""
    if not _has_traditional(text):
        return text
    converted: str = _converter().convert(text)
    if len(converted) == len(text):
        return _keep_phrases(text, _fix_phrases(converted))
    # OpenCC's t2s tables map every phrase to one of equal length; if that ever changes, convert per character
    # so that offsets stay valid.
    return "".join(_converter().convert(ch) for ch in text)


def blank(text: str, start: int, end: int) -> str:
    """`text` with text[start:end] replaced by spaces: a part read or set aside, the offsets of the rest unchanged."""
    return text[:start] + " " * (end - start) + text[end:]


def blank_matches(text: str, pattern: re.Pattern[str]) -> str:
    """`text` with every match of `pattern` replaced by spaces, offsets unchanged."""
    return pattern.sub(lambda m: " " * len(m.group()), text)
