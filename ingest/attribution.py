"""Attributions: the brackets that say who does a task, read into lead and cooperating name lists.

Forms met in notices (docs/extraction.md, "Roles" and the style catalogue):

    (牵头单位:A;配合单位:B、C)              labelled lists                → A lead, B C cooperating, explicit
    (A负责)                                  one name, 负责                → A lead, sole
    (A负责,B、C配合) / (A负责,B参与)          负责 then 配合/参与           → A sole, B C explicit
    (A、B负责) / (A、B共同负责)               several names, 负责           → all lead, joint; where the notice
                                                                             prints 排在第一位的为牵头部门: A lead,
                                                                             B cooperating, first_listed
    (A、B等按职责分工负责)                   按职责分工负责                → A lead, B cooperating, first_listed
    (责任单位:A、B) / (责任单位:A、B等按职责分工负责)                      → first_listed
    (A、B、C分别负责)                        分别负责                      → all lead, respective
    (A牵头,B配合)                            牵头                          → A lead, explicit
    (A负责,2020年底前完成)                   a deadline part               → read by ingest.deadlines, ignored here
    以下均需X负责,不再列出                    a standing clause             → X cooperating on every later task
                                             (anywhere in the notice: a bracket, a heading, the preamble)

Brackets may be (), 【】 or [] (full-width ［］ arrive half-width). The role verbs and the first-leads rules are
data (ingest/data/attribution_wordings.csv).

This module only reads the text: it yields names as written with their offsets. Resolving a name to a canonical
organ is `ingest.agencies`; putting roles on tasks is `ingest.roles`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from policygraph.core.vocabulary import Basis
from policygraph.ingest.deadlines import deadline_label, is_deadline_part
from policygraph.ingest.textutil import blank
from policygraph.ingest.wordings import meanings, wordings

# Other brackets of attributions, read as (): a matched pair with nothing bracketed inside.
_SQUARE_PAIR = re.compile(r"【[^【】()\[\]]*】|\[[^【】()\[\]]*\]")
_PART = re.compile(r"[^,;。]+")  # the parts of a bracket: 国家医保局负责 | 2020年9月底前完成
_LEAD_WORD = "牵头"  # in every first-leads rule (attribution_wordings.csv)
_RULE_REACH = 16  # characters a first-leads rule spans on either side of its 牵头
_STANDING = re.compile(
    r"以下(各项任务|任务)?(均|都)?(需|由|要)?(?P<names>[^。;:()]+?)(负责|落实|牵头)[,;]?\s*(不再列出|不再一一列出|下同)"
)
# A sentence of its own that closes a paragraph with names and 按职责分工负责: 市卫健委、市医保局等部门按职责分工负责。
# (Only this wording: a bare 负责 or 牵头 inside a sentence is prose, 市卫健委牵头起草实施方案.)
_BY_DUTY = "职责分工负责"
_BARE_DUTY = re.compile(
    r"(?:^|(?<=[。;]))(?P<content>[^。;,:()\n要应须由]{2,80}?按照?职责分工负责)[。;]?$", re.MULTILINE
)
# Separators between names. 和/及/与 also occur inside names (人力资源和社会保障局), so they separate only where
# a new name evidently begins: after 等, or before 各 / a tier word.
_SEPARATOR = re.compile(r"[、,;]|(?<=等)(?:以及|和|及|与)|(?:以及|和|及|与)(?=各|省|市|州|县|区|自治区|国家|中央)")
# What follows 等 in an open list: dropped, nothing is invented after 等.
_OPEN_TAIL = re.compile(r"等(其他|其它)?(相关|有关)?(部门|单位|成员单位)?$")
_PAREN = re.compile(r"[()]")
# A single tier word before 、 is part of a compound collective: 市、县人民政府, 各市、县人民政府.
_TIER_WORD = re.compile(r"^各?[省市州县区乡镇地旗]$")
_STRAY = set(" \t\n。.,;:、")


# first_listed: 排在第一位的为牵头单位 — the first name leads, the others cooperate. joint: several names 负责 —
# all lead, unless the notice prints the first-leads rule (then as first_listed; ingest.roles decides).
ClauseRole = Literal["lead", "cooperating", "first_listed", "joint"]
# ClauseRole of each verb meaning (ingest/data/attribution_wordings.csv); `responsible` depends on the names.
_VERB_ROLE: dict[str, tuple[ClauseRole, Basis]] = {
    "respective": ("lead", "respective"),
    "lead": ("lead", "explicit"),
    "cooperating": ("cooperating", "explicit"),
    "by_duty": ("first_listed", "first_listed"),
}


@dataclass(frozen=True)
class Name:
    text: str  # as written, without separators and without a trailing 等
    start: int  # offsets in the searched text
    end: int


@dataclass
class Clause:
    """Names that share one role: lead or cooperating, with the basis the wording gives them."""

    role: ClauseRole
    basis: Basis
    names: list[Name] = field(default_factory=list)


@dataclass
class Attribution:
    quote: str  # the bracket as printed, brackets included
    start: int
    end: int
    clauses: list[Clause]


@dataclass
class Standing:
    """A standing clause (以下均需市、县人民政府负责,不再列出): its names hold for every task after `start`."""

    quote: str
    start: int
    names: list[Name]


@cache
def _verbs() -> tuple[re.Pattern[str], dict[str, str]]:
    """Role verbs, longest first (each closes the list of names before it), and their meanings."""
    verbs = meanings("verb")
    alternatives = "|".join(map(re.escape, sorted(verbs, key=len, reverse=True)))
    return re.compile(f"({alternatives})"), verbs


@cache
def _labels() -> tuple[str, dict[str, str]]:
    """Labels (牵头单位, 责任单位, 配合单位 …) as a regular-expression alternation, longest first, and their meanings:
    lead, responsible or cooperating."""
    labels = meanings("label")
    return "|".join(map(re.escape, sorted(labels, key=len, reverse=True))), labels


@cache
def _label() -> re.Pattern[str]:
    return re.compile(rf"({_labels()[0]})\s*:?")


@cache
def _bare_label() -> re.Pattern[str]:
    """A bare label at the start of a line or after a sentence, running to the end of the line."""
    return re.compile(rf"(?:^|(?<=[。;]))\s*(?P<content>(?:{_labels()[0]})\s*:[^\n]*?)[。;]?$", re.MULTILINE)


@cache
def _is_attribution() -> re.Pattern[str]:
    """A bracket is an attribution when it opens with a label or closes with a role verb."""
    return re.compile(rf"^({_labels()[0]})\s*:|{_verbs()[0].pattern}\s*[。.]?$")


@cache
def _first_leads() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{rule})" for rule in wordings("first_leads")))


def first_leads_rule(text: str) -> bool:
    """Whether the notice prints the rule that the first unit of a 负责 list leads (排在第一位的为牵头部门).
    Every rule names 牵头: the rules are tried only around each 牵头, not over the whole text."""
    at = text.find(_LEAD_WORD)
    while at >= 0:
        if _first_leads().search(text, max(0, at - _RULE_REACH), at + _RULE_REACH):
            return True
        at = text.find(_LEAD_WORD, at + 1)
    return False


def _units_only(inner: str) -> str:
    """The inner text with what does not name units blanked out, offsets kept: deadline parts (2020年底前完成,
    持续推进), a 完成时限: label with its value, the first-leads rule (排在首位的部门为牵头部门,下同)."""
    label = deadline_label(inner)
    if label:
        inner = blank(inner, label.start(), label.end())
    for m in _PART.finditer(inner):
        part = m.group(0)
        if is_deadline_part(part) or (_LEAD_WORD in part and _first_leads().search(part)) or part.strip() == "下同":
            inner = blank(inner, m.start(), m.end())
    return inner


def _round_brackets(text: str) -> str:
    """A matched 【…】 or […] pair with no round bracket inside, as (…): the same length, so offsets hold. A lone
    square bracket is left alone: it is text (a name, a quoted query), not the edge of an attribution."""
    if "[" not in text and "【" not in text:
        return text
    return _SQUARE_PAIR.sub(lambda m: f"({m.group(0)[1:-1]})", text)


def _brackets(text: str) -> list[tuple[int, int]]:
    """Balanced top-level (…) groups in `text`, as [start, end) including the brackets."""
    groups = []
    depth = 0
    start = 0
    for m in _PAREN.finditer(text):
        if m.group(0) == "(":
            if depth == 0:
                start = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                groups.append((start, m.end()))
    return groups


def find_attributions(text: str, offset: int = 0) -> list[Attribution]:
    """Every attribution in a task's text; offsets are shifted by `offset` (the task's start).

    Mostly brackets; some notices print the labels bare, after the sentence or on lines of their own
    ("牵头单位:县卫健委" / "配合单位:县财政局、县人社局"), or close a paragraph with a 按职责分工负责 sentence.
    """
    found = []
    rounded = _round_brackets(text)
    brackets = _brackets(rounded)
    for start, end in brackets:
        inner = _units_only(rounded[start + 1 : end - 1])
        stripped = inner.strip(" ,;。")
        if _is_attribution().search(stripped) or _STANDING.search(inner) or _opens_with_role(stripped):
            found.append(Attribution(text[start:end], offset + start, offset + end, _parse(inner, offset + start + 1)))
    for start, end in _bare(text, brackets):
        found.append(
            Attribution(
                text[start:end], offset + start, offset + end, parse_attribution(text[start:end], offset + start)
            )
        )
    return sorted((a for a in found if a.clauses), key=lambda a: a.start)


def _opens_with_role(inner: str) -> bool:
    """Whether a bracket's first part ends with a role verb: (市卫健委牵头,各乡镇人民政府落实) is an attribution
    although its last part names no role."""
    first = _PART.match(inner)
    return first is not None and _verb_at_end().search(first.group(0).rstrip()) is not None


@cache
def _verb_at_end() -> re.Pattern[str]:
    return re.compile(f"(?:{_verbs()[0].pattern})$")


def _bare(text: str, brackets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of bare labels and closing 按职责分工负责 sentences outside brackets. The patterns run only where a
    quick look finds a label's colon or the wording outside every bracket."""
    spans = [m.span("content") for m in _bare_label().finditer(text)] if ":" in text else []
    at = text.find(_BY_DUTY)
    while at >= 0:
        if not any(a <= at < b for a, b in brackets):
            line_start = text.rfind("\n", 0, at) + 1
            line_end = text.find("\n", at)
            line_end = len(text) if line_end < 0 else line_end
            spans.extend(m.span("content") for m in _BARE_DUTY.finditer(text, line_start, line_end))
            at = line_end
        at = text.find(_BY_DUTY, at + 1)
    return [(start, end) for start, end in spans if not any(a <= start < b for a, b in brackets)]


def find_standing(text: str) -> list[Standing]:
    """Every standing clause of a notice, wherever it stands: in a task's bracket, a heading or the preamble."""
    found = []
    for m in _STANDING.finditer(text):
        found.append(Standing(m.group(0), m.start(), _names(text, m.start("names"), m.end("names"), 0)))
    return found


def parse_attribution(inner: str, offset: int = 0) -> list[Clause]:
    """The clauses of an attribution's inner text; a standing clause in it is left to `find_standing`."""
    return _parse(_units_only(inner), offset)


def _parse(inner: str, offset: int) -> list[Clause]:
    """`parse_attribution` on an inner text whose deadline parts and rules are already blanked out."""
    m = _STANDING.search(inner)
    if m:
        inner = blank(inner, m.start(), len(inner))
    if _label().match(inner.strip()):
        return _labelled(inner, offset)
    return _verb_clauses(inner, 0, len(inner), offset)


def _labelled(inner: str, offset: int) -> list[Clause]:
    """牵头单位:A;配合单位:B — each label opens a part that runs to the next label. Beside a 牵头单位, the
    责任单位 are the ones who carry the work out: cooperating."""
    meaning = _labels()[1]
    labels = list(_label().finditer(inner))
    has_lead = any(meaning[m.group(1)] == "lead" for m in labels)
    clauses = []
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(inner)
        label = meaning[m.group(1)]
        if label == "person":  # 责任领导:张三 names a person, not a unit
            continue
        if label == "lead":
            clauses.append(Clause("lead", "explicit", _names(inner, m.end(), end, offset)))
        elif label == "responsible" and not has_lead:  # 责任单位:A、B(等按职责分工负责): the first listed leads
            clauses.extend(_verb_clauses(inner, m.end(), end, offset, default="by_duty"))
        else:
            clauses.append(Clause("cooperating", "explicit", _names(inner, m.end(), end, offset)))
    return [clause for clause in clauses if clause.names]


def _verb_clauses(inner: str, start: int, end: int, offset: int, default: str | None = None) -> list[Clause]:
    """A负责,B、C配合 — each role verb closes the names written since the previous verb."""
    clauses: list[Clause] = []
    pos = start
    verb, meaning = _verbs()
    for m in verb.finditer(inner, start, end):
        names = _names(inner, pos, m.start(), offset)
        if names:
            clauses.append(_clause_for(meaning[m.group(1)], names, "等" in inner[pos : m.start()]))
        pos = m.end()
    rest = _names(inner, pos, end, offset)
    if rest and default:
        clauses.append(_clause_for(default, rest, "等" in inner[pos:end]))
    return beside_explicit_lead(clauses)


def beside_explicit_lead(clauses: list[Clause]) -> list[Clause]:
    """Beside a unit that 牵头 (X牵头,Y、Z按职责分工负责), the units that 负责 carry the work out: cooperating."""
    if not any(clause.role == "lead" and clause.basis == "explicit" for clause in clauses):
        return clauses
    return [
        Clause("cooperating", "explicit", clause.names) if clause.role in ("joint", "first_listed") else clause
        for clause in clauses
    ]


def _clause_for(meaning: str, names: list[Name], open_list: bool) -> Clause:
    """The clause a verb of this meaning makes of the names before it. A list stays one clause, so that the names
    after the first still inherit its prefix."""
    if meaning == "responsible":  # 负责: one name is sole; several are joint (or first_listed under the rule)
        return Clause("lead", "sole", names) if len(names) == 1 and not open_list else Clause("joint", "joint", names)
    role, basis = _VERB_ROLE.get(meaning, ("first_listed", "first_listed"))
    return Clause(role, basis, names)


def _names(inner: str, start: int, end: int, offset: int) -> list[Name]:
    """The names in inner[start:end], split at separators outside brackets."""
    pieces: list[tuple[int, int]] = []
    pos = start
    for a, b in _separators(inner, start, end):
        pieces.append((pos, a))
        pos = b
    pieces.append((pos, end))
    pieces = _join_tier_words(inner, pieces)
    names = []
    for a, b in pieces:
        a, b = _trim(inner, a, b)
        if b > a:
            names.append(Name(inner[a:b], offset + a, offset + b))
    return names


def _separators(inner: str, start: int, end: int) -> list[tuple[int, int]]:
    """Separator spans at bracket depth 0 (各镇人民政府(开发区工委) stays one name)."""
    depth = 0
    found = []
    for m in _SEPARATOR.finditer(inner, start, end):
        depth = inner.count("(", start, m.start()) - inner.count(")", start, m.start())
        if depth == 0:
            found.append(m.span())
    return found


def _join_tier_words(inner: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Glue 市 back to 县人民政府 in 市、县人民政府: a lone tier word is not a name."""
    joined: list[tuple[int, int]] = []
    carry: int | None = None
    for a, b in pieces:
        if carry is not None:
            a, carry = carry, None
        if _TIER_WORD.match(inner[a:b].strip()) and inner[b : b + 1] == "、":
            carry = a
            continue
        joined.append((a, b))
    return joined


def _trim(inner: str, a: int, b: int) -> tuple[int, int]:
    """Strip spaces, stray punctuation and an open-list tail (等, 等相关部门) from a name."""
    while a < b and inner[a] in _STRAY:
        a += 1
    if inner.startswith("由", a) and b - a > 2:  # (由市卫健委牵头): 由 opens the clause, not the name
        a += 1
    while b > a and inner[b - 1] in _STRAY:
        b -= 1
    m = _OPEN_TAIL.search(inner, a, b)
    if m:
        b = m.start()
    while b > a and inner[b - 1] in _STRAY:
        b -= 1
    return a, b
