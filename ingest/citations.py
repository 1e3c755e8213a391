"""Other notices a notice cites: by 文号, by 《title》, or both ("《…的通知》(国办发〔2021〕20号)").

The relation is `basis` when the citation stands in the preamble in a sentence introduced by 根据/按照/依据/贯彻…
(the notices this one implements), `reference` anywhere else. The notice's own 文号 and titles are not citations,
nor are documents the notice says it will draft (制定《…》, 出台《…》).

Short names: "《关于…的通知》(以下简称《通知》)" or "(国办发〔2021〕20号,以下简称“20号文”)" give the notice just
cited a short name. The 《通知》 of the declaration is not a citation of its own, and a later 《通知》 is the notice it
names (so it adds nothing: a notice counts once, at its first place). A short name given to the notice's own plan or
to a document to be drafted stays out of the citations too. A later “20号文” in quotation marks is never a citation
by itself (only 《》 titles and 文号 are), so quoted short names need no resolving.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policygraph.ingest.docno import DocNo, find_doc_nos
from policygraph.ingest.metadata import Header
from policygraph.ingest.normalise import NormalisedText
from policygraph.ingest.record import Citation, Relation

_TITLE = re.compile(r"《([^《》]{2,120})》")
_BASIS = re.compile(r"根据|按照|依据|依照|贯彻|落实|遵照")
_TO_DRAFT = re.compile(r"(制定|制订|出台|起草|编制|研究制定|研究出台)$")
_PRINTED_PLAN = re.compile(r"(?:印发|转发)《?(.+?)》?的通知$")  # …关于印发X的通知: X is the notice's own plan
_PAIR_GAP = 2  # characters allowed between 》 and the bracketed 文号
# "以下简称《通知》", "以下简称“20号文”": the short name of the notice printed just before.
_SHORT_NAME = re.compile(r"(?:以下简称|以下称|下称)[::]?(?:《(?P<book>[^《》]{1,30})》|“(?P<quoted>[^“”]{1,30})”)")
_DECLARATION_GAP = re.compile(r"[\s(),;、]{0,3}")  # between a citation and its 以下简称: a bracket, a comma

Cited = tuple[str | None, str | None]  # (文号, title) of a cited notice


@dataclass(frozen=True)
class _Mention:
    """A 《title》 or 文号 in the text (end: after its paired 文号), and what it cites; None for the notice's own plan
    or a document to be drafted."""

    start: int
    end: int
    cited: Cited | None


def find_citations(norm: NormalisedText, header: Header, body_start: int) -> list[Citation]:
    text = norm.text
    own_no = header.doc_no.text if header.doc_no else None
    doc_nos = {d.start: d for d in find_doc_nos(text) if d.text != own_no}
    declarations = list(_SHORT_NAME.finditer(text))
    declared_at = {m.start("book") - 1 for m in declarations if m.group("book")}  # the 《 of a declared 《通知》
    own = _own_titles(header)
    aliases: dict[str, Cited | None] = {}
    mentions: list[_Mention] = []
    paired: set[int] = set()
    titles = [m for m in _TITLE.finditer(text) if m.start() not in declared_at]
    events: list[tuple[int, re.Match[str] | DocNo]] = sorted(
        [(m.start(), m) for m in titles + declarations] + list(doc_nos.items()), key=lambda e: e[0]
    )
    for start, found in events:  # in text order: a short name is declared before it is used
        if isinstance(found, DocNo):
            if start not in paired:
                mentions.append(_Mention(start, found.end, (found.text, None)))
        elif found.re is _SHORT_NAME:
            _declare(found, mentions, aliases, text)
        else:
            mentions.append(_title_mention(found, text, own, aliases, doc_nos, paired))
    citations = [_citation(norm, m.start, m.end, m.cited, body_start) for m in mentions if m.cited is not None]
    return _unique(sorted(citations, key=lambda c: c.span))


def _title_mention(m: re.Match[str], text: str, own: set[str], aliases: dict[str, Cited | None],
                   doc_nos: dict[int, DocNo], paired: set[int]) -> _Mention:  # fmt: skip
    """A 《title》: a short name declared earlier, the notice's own plan, a document to draft, or a cited notice."""
    title = m.group(1)
    if title in aliases:
        return _Mention(m.start(), m.end(), aliases[title])
    if title in own or _TO_DRAFT.search(text[max(0, m.start() - 4) : m.start()]):
        return _Mention(m.start(), m.end(), None)
    doc_no = _doc_no_after(m.end(), doc_nos, text)
    if doc_no is None:
        return _Mention(m.start(), m.end(), (None, title))
    paired.add(doc_no.start)
    end = doc_no.end + 1 if text[doc_no.end : doc_no.end + 1] == ")" else doc_no.end  # with its closing bracket
    return _Mention(m.start(), end, (doc_no.text, title))


def _declare(m: re.Match[str], mentions: list[_Mention], aliases: dict[str, Cited | None], text: str) -> None:
    """A 以下简称 right after a mention names that mention's notice (or the own plan / draft it stands for)."""
    if not mentions:
        return
    last = mentions[-1]
    if _DECLARATION_GAP.fullmatch(text, last.end, m.start()):
        aliases[m.group("book") or m.group("quoted")] = last.cited


def _own_titles(header: Header) -> set[str]:
    """The notice's own titles: its title lines, and the plan its 关于印发X的通知 title prints."""
    own = set(header.own_titles)
    for title in header.own_titles:
        m = _PRINTED_PLAN.search(title)
        if m:
            own.add(m.group(1))
    return own


def _doc_no_after(pos: int, doc_nos: dict[int, DocNo], text: str) -> DocNo | None:
    """The 文号 printed right after a 《title》, in brackets."""
    window = text[pos : pos + _PAIR_GAP + 1]
    if not window.startswith("("):
        return None
    for start in range(pos, pos + _PAIR_GAP + 1):
        if start in doc_nos:
            return doc_nos[start]
    return None


def _citation(norm: NormalisedText, start: int, end: int, cited: Cited, body_start: int) -> Citation:
    sentence_start = max(norm.text.rfind("。", 0, start), norm.text.rfind("\n", 0, start)) + 1
    basis = start < body_start and bool(_BASIS.search(norm.text, sentence_start, start))
    relation: Relation = "basis" if basis else "reference"
    doc_no, title = cited
    return Citation(doc_no, title, relation, norm.text[start:end], norm.span_to_original(start, end))


def _unique(citations: list[Citation]) -> list[Citation]:
    """One citation per notice: the same 文号 or title cited twice counts once, at its first place."""
    seen: set[str] = set()
    kept = []
    for citation in citations:
        keys = {k for k in (citation.doc_no, citation.title) if k}
        if keys & seen:
            continue
        seen |= keys
        kept.append(citation)
    return kept
