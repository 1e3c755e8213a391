"""What the extractor produces from one notice: plain dataclasses and their JSON form.

`DocumentRecord.to_json()` is the contract other tools read (the CLI prints it, the graph loader consumes it):
the field names of docs/extraction.md are kept exactly; extra fields (text, spans, quotes, bases) are additions.
Spans are `[start, end)` offsets into the ORIGINAL text of the file, not the normalised one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from policygraph.core.vocabulary import AgencyKind, Basis, DeadlineKind
from policygraph.ingest.coverage import Coverage

TargetKind = Literal["percent", "coverage", "deadline", "count"]
Relation = Literal["basis", "reference"]
Span = tuple[int, int]


@dataclass
class Role:
    """One organ named as lead or cooperating unit of a task."""

    as_written: str
    canonical: str
    jurisdiction: str | None  # full region path, e.g. 甘肃省临夏回族自治州; None for national organs
    kind: AgencyKind
    basis: Basis
    quote: str  # the attribution as printed, e.g. "(牵头单位:州卫健委;配合单位:州医保局)"
    span: Span  # of the name in the original text

    def to_json(self) -> dict[str, Any]:
        return {
            "as_written": self.as_written,
            "canonical": self.canonical,
            "jurisdiction": self.jurisdiction,
            "kind": self.kind,
            "basis": self.basis,
            "quote": self.quote,
            "span": list(self.span),
        }


@dataclass
class Target:
    """A measurable commitment: 90%以上, 全覆盖, 2024年10月底前, 至少新建10个."""

    text: str
    kind: TargetKind
    value: float | str | None  # percent or count as a number, deadline as YYYY[-MM], coverage 100.0 for 全覆盖
    span: Span

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind, "value": self.value, "span": list(self.span)}


@dataclass(frozen=True)
class Deadline:
    """When a task is due, as printed: 2020年9月底前完成 → by_date 2020-09-30; 持续推进 → ongoing; none printed."""

    as_written: str | None = None
    date: str | None = None  # YYYY-MM-DD: month end for 月底前, year end for 年底前
    kind: DeadlineKind = "none"

    def to_json(self) -> dict[str, Any]:
        return {"as_written": self.as_written, "date": self.date, "kind": self.kind}


@dataclass
class Citation:
    """Another notice the text cites, by 文号 and/or 《title》."""

    doc_no: str | None
    title: str | None
    relation: Relation
    quote: str
    span: Span

    def to_json(self) -> dict[str, Any]:
        return {
            "doc_no": self.doc_no,
            "title": self.title,
            "relation": self.relation,
            "quote": self.quote,
            "span": list(self.span),
        }


@dataclass
class Task:
    section: str | None
    number: str
    title: str
    text: str
    span: Span
    lead_detail: list[Role] = field(default_factory=list)
    cooperating_detail: list[Role] = field(default_factory=list)
    programmes: list[str] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    deadline: Deadline = field(default_factory=Deadline)

    @property
    def lead(self) -> list[str]:
        return _unique(role.canonical for role in self.lead_detail)

    @property
    def cooperating(self) -> list[str]:
        return _unique(role.canonical for role in self.cooperating_detail)

    def to_json(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "number": self.number,
            "title": self.title,
            "lead": self.lead,
            "cooperating": self.cooperating,
            "lead_basis": _first_basis(self.lead_detail),
            "cooperating_basis": _first_basis(self.cooperating_detail),
            "lead_detail": [role.to_json() for role in self.lead_detail],
            "cooperating_detail": [role.to_json() for role in self.cooperating_detail],
            "programmes": self.programmes,
            "targets": [target.to_json() for target in self.targets],
            "deadline": self.deadline.to_json(),
            "span": list(self.span),
            "text": self.text,
        }


@dataclass
class DocumentRecord:
    source: str
    doc_no: str | None = None
    doc_no_prefix: str | None = None  # the 代字, e.g. 临州办发
    issuer: str | None = None
    issuer_kind: str | None = None  # government, department, party, leading_group or joint (docs/extraction.md)
    level: str | None = None
    region: str | None = None
    date: str | None = None  # YYYY-MM-DD
    year: int | None = None
    title: str | None = None
    cited: list[Citation] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    programmes: list[str] = field(default_factory=list)
    sha256: str | None = None  # of the original bytes, when the reader gives them
    coverage: Coverage = field(default_factory=Coverage)  # what was found and what looks missed (ingest/coverage.py)
    retrieved: str | None = None  # when a notice fetched from a URL was downloaded (ISO 8601, UTC); None for a file

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "doc_no": self.doc_no,
            "doc_no_prefix": self.doc_no_prefix,
            "issuer": self.issuer,
            "issuer_kind": self.issuer_kind,
            "level": self.level,
            "region": self.region,
            "date": self.date,
            "year": self.year,
            "title": self.title,
            "cited": [citation.to_json() for citation in self.cited],
            "tasks": [task.to_json() for task in self.tasks],
            "programmes": self.programmes,
            "sha256": self.sha256,
            "coverage": self.coverage.to_json(),
            "retrieved": self.retrieved,
        }


def _unique(names: Iterable[str]) -> list[str]:
    """Names in first-seen order without duplicates."""
    return list(dict.fromkeys(names))


def _first_basis(roles: list[Role]) -> list[str]:
    """The basis of each name of the unique list: the one it was first given."""
    seen: dict[str, str] = {}
    for role in roles:
        seen.setdefault(role.canonical, role.basis)
    return list(seen.values())
