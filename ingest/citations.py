"""Other notices a notice cites: by 文号, by 《title》, or both ("《…的通知》(国办发〔2021〕20号)").

The relation is `basis` when the citation stands in the preamble in a sentence introduced by 根据/按照/依据/贯彻…
(the notices this one implements), `reference` anywhere else. The notice's own 文号 and titles are not citations,
nor are documents the notice says it will draft (制定《…》, 出台《…》).
"""

from __future__ import annotations

import re

from ingest.docno import DocNo, find_doc_nos
from ingest.metadata import Header
from ingest.normalise import NormalisedText
from ingest.record import Citation, Relation

_TITLE = re.compile(r"《([^《》]{2,120})》")
_BASIS = re.compile(r"根据|按照|依据|依照|贯彻|落实|遵照")
_TO_DRAFT = re.compile(r"(制定|制订|出台|起草|编制|研究制定|研究出台)$")
_PRINTED_PLAN = re.compile(r"(?:印发|转发)《?(.+?)》?的通知$")  # …关于印发X的通知: X is the notice's own plan
_PAIR_GAP = 2  # characters allowed between 》 and the bracketed 文号


def find_citations(norm: NormalisedText, header: Header, body_start: int) -> list[Citation]:
    text = norm.text
    own_no = header.doc_no.text if header.doc_no else None
    doc_nos = {d.start: d for d in find_doc_nos(text) if d.text != own_no}
    citations: list[Citation] = []
    paired: set[int] = set()
    own = _own_titles(header)
    for m in _TITLE.finditer(text):
        title = m.group(1)
        if title in own or _TO_DRAFT.search(text[max(0, m.start() - 4) : m.start()]):
            continue
        doc_no = _doc_no_after(m.end(), doc_nos, text)
        end = m.end()
        if doc_no is not None:
            paired.add(doc_no.start)
            end = doc_no.end + 1
        citations.append(_citation(norm, m.start(), end, doc_no.text if doc_no else None, title, body_start))
    for start, doc_no in doc_nos.items():
        if start not in paired:
            citations.append(_citation(norm, start, doc_no.end, doc_no.text, None, body_start))
    return _unique(sorted(citations, key=lambda c: c.span))


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


def _citation(norm: NormalisedText, start: int, end: int, doc_no: str | None, title: str | None,
              body_start: int) -> Citation:  # fmt: skip
    sentence_start = max(norm.text.rfind("。", 0, start), norm.text.rfind("\n", 0, start)) + 1
    basis = start < body_start and bool(_BASIS.search(norm.text, sentence_start, start))
    relation: Relation = "basis" if basis else "reference"
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
