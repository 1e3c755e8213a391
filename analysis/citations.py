"""Citation hygiene: the citations the graph cannot tie to a known notice, with the citing notice, the quote and its
span, and the reason.

- `title_unknown`: a notice cited by 《title》 only, whose normalised title (graph/citations.normalise_title) is the
  title of no known notice;
- `title_ambiguous`: a title-only citation whose normalised title several known notices carry (it stays on its stub);
- `issuer_unknown`: a notice cited by 文号 and not loaded, whose 代字 is not in the shipped table
  (ingest/data/docno_prefixes.csv), so nobody knows who issued it (a province may still be guessed from its first
  character, 晋 → 山西省).
Title citations that name a notice the citer already cites otherwise (`duplicate_of`) are not unresolved.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any, Literal, get_args

from policygraph.core.errors import NotFound
from policygraph.core.i18n import N_
from policygraph.graph.citations import candidates_by_title, normalise_title
from policygraph.graph.store import GraphStore, Row
from policygraph.ingest.docno import DocNoRegistry, load_registry

Reason = Literal["title_unknown", "title_ambiguous", "issuer_unknown"]
REASONS: tuple[Reason, ...] = get_args(Reason)


@dataclass(frozen=True)
class Unresolved:
    document: str  # key of the citing notice
    document_title: str | None
    cited: str  # key of the stub cited: 《title》 or the 文号
    doc_no: str | None
    title: str | None
    relation: str | None
    quote: str | None
    span: list[int]
    reason: Reason
    detail: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@cache
def shipped_registry() -> DocNoRegistry:
    """The 代字 table as shipped, without what extraction learned in this process."""
    return load_registry()


def _title_reason(row: Row, candidates: dict[str, list[str]]) -> tuple[Reason, str]:
    normalised = normalise_title(row["title"] or "")
    keys = candidates.get(normalised, [])
    if len(keys) > 1:
        return (
            "title_ambiguous",
            f"normalised title {normalised!r} is carried by {len(keys)} notices: {', '.join(keys)}",
        )
    return "title_unknown", f"no known notice has the normalised title {normalised!r}"


def _issuer_reason(row: Row) -> tuple[Reason, str] | None:
    """None when the shipped 代字 table names the issuer."""
    prefix = row["doc_no_prefix"]
    known = shipped_registry().lookup(prefix) if prefix else None
    if known is not None and known.issuer:
        return None
    detail = f"代字 {prefix!r} is not in ingest/data/docno_prefixes.csv"
    if known is not None and known.region:
        detail += f" (its first character points to {known.region})"
    return "issuer_unknown", detail


def unresolved(store: GraphStore, document: str | None = None, reason: Reason | None = None) -> list[Unresolved]:
    """The unresolved citations, of one citing notice or of all, by citing notice and place in its text;
    NotFound when `document` names no notice."""
    if document is not None and not store.run("documents_exists", {"key": document}):
        raise NotFound(N_("no notice has the key %(key)r"), values={"key": document})
    rows = store.run("citations_stub_citations", {"document": document})
    candidates = candidates_by_title(store.run("citations_known_titles")) if any(not r["doc_no"] for r in rows) else {}
    found = []
    for row in rows:
        why = _issuer_reason(row) if row["doc_no"] else _title_reason(row, candidates)
        if why is None or (reason is not None and why[0] != reason):
            continue
        found.append(Unresolved(row["document"], row["document_title"], row["cited"], row["doc_no"], row["title"],
                                row["relation"], row["quote"], list(row["span"] or []), why[0], why[1]))  # fmt: skip
    return sorted(found, key=lambda u: (u.document, u.span, u.cited))


def summary(items: list[Unresolved]) -> dict[str, Any]:
    """How many unresolved citations, by reason and by citing notice."""
    by_reason = Counter(u.reason for u in items)
    by_document = Counter(u.document for u in items)
    return {
        "total": len(items),
        "by_reason": {r: by_reason[r] for r in REASONS},
        "by_document": dict(sorted(by_document.items())),
    }
