"""The coverage report of one record: what the extractor found, what looks missed, and whether a person should look.

Counts tasks with a lead, with cooperating units and with a deadline; lists the attribution-like passages of the body
(ingest/data/attribution_cues.txt) that no attribution rule consumed, with their span in the original text; names
the header fields left empty and why; and sums it up as `needs_review` with the reasons. It only reads a finished
record and its text: it never changes what was extracted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from policygraph.core.i18n import N_
from policygraph.ingest.gazetteer import DATA
from policygraph.ingest.textutil import blank_matches

if TYPE_CHECKING:
    from policygraph.ingest.normalise import NormalisedText
    from policygraph.ingest.record import DocumentRecord

Span = tuple[int, int]
CueKind = Literal["bracket", "sentence", "not"]

# Why a header field is empty, in the words an analyst checks the text with.
# The reasons are stored in English with the notice; N_ puts them in the catalogues, and the explorer's notice page
# says them in the reader's language (visualize/render.py, filter `t`).
MISSING_REASONS = {
    "doc_no": N_("no 文号 printed in the header"),
    "issuer": N_("no issuing organ named in the title, the header or the signature"),
    "date": N_("no signed date (成文日期) found after the signature or in the header"),
    "level": N_("no tier: neither the issuer nor the 文号 places the notice"),
    "region": N_("no region: neither the issuer, the title nor the 文号 names one"),
}
# Empty fields that stop the notice being placed in the lineage or the timeline; a missing 文号 is common and is not.
REVIEW_FIELDS = ("issuer", "date", "level", "region")
REVIEW_REASONS = {"issuer": N_("no issuer"), "date": N_("no date"), "level": N_("no level"), "region": N_("no region")}
# "3 attribution-like passage(s) no rule read": a stored reason that starts with a count is looked up as "%(n)s …".
UNREAD = N_("%(n)s attribution-like passage(s) no rule read")
_BRACKET = re.compile(r"\([^()]{2,200}\)")
_SENTENCE = re.compile(r"[^。;；\n]+")


@dataclass
class Fragment:
    """An attribution-like passage that no rule turned into a role."""

    text: str  # as in the normalised text
    span: Span  # [start, end) in the original text
    task: int | None  # the task's position (from 1) when it sits inside one; None in the rest of the body

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "span": list(self.span), "task": self.task}


@dataclass
class Missing:
    field: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "reason": self.reason}


@dataclass
class Coverage:
    """What was found and what looks missed in one notice (docs/extraction.md, "Coverage report")."""

    tasks: int = 0
    tasks_with_lead: int = 0
    tasks_with_cooperating: int = 0
    tasks_with_deadline: int = 0
    unconsumed: list[Fragment] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    needs_review: bool = False
    reasons: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "tasks": self.tasks,
            "tasks_with_lead": self.tasks_with_lead,
            "tasks_with_cooperating": self.tasks_with_cooperating,
            "tasks_with_deadline": self.tasks_with_deadline,
            "unconsumed": [fragment.to_json() for fragment in self.unconsumed],
            "missing": [missing.to_json() for missing in self.missing],
            "needs_review": self.needs_review,
            "reasons": self.reasons,
        }


def measure(record: DocumentRecord, norm: NormalisedText, body_start: int) -> Coverage:
    """The coverage of a record extracted from `norm`, whose body (numbered items) begins at `body_start`."""
    tasks = record.tasks
    coverage = Coverage(
        tasks=len(tasks),
        tasks_with_lead=sum(1 for task in tasks if task.lead_detail),
        tasks_with_cooperating=sum(1 for task in tasks if task.cooperating_detail),
        tasks_with_deadline=sum(1 for task in tasks if task.deadline.kind != "none"),
        unconsumed=unconsumed(record, norm, body_start),
        missing=[Missing(name, reason) for name, reason in MISSING_REASONS.items() if getattr(record, name) is None],
    )
    coverage.reasons = review_reasons(coverage)
    coverage.needs_review = bool(coverage.reasons)
    return coverage


def review_reasons(coverage: Coverage) -> list[str]:
    """Why a person should look at the notice; empty when nothing looks wrong."""
    reasons = []
    if coverage.tasks == 0:
        reasons.append(N_("no tasks found"))
    elif coverage.tasks_with_lead == 0 and coverage.unconsumed:
        reasons.append(N_("attribution-like text, but no task has a lead"))
    if coverage.unconsumed:
        reasons.append(UNREAD % {"n": len(coverage.unconsumed)})
    reasons += [REVIEW_REASONS[missing.field] for missing in coverage.missing if missing.field in REVIEW_FIELDS]
    return reasons


def unconsumed(record: DocumentRecord, norm: NormalisedText, body_start: int) -> list[Fragment]:
    """The attribution-like passages of the body that no rule read, in text order. A rule read a passage when the
    quote of one of the record's roles is that passage, or a role's name lies inside it."""
    roles = [role for task in record.tasks for role in (*task.lead_detail, *task.cooperating_detail)]
    quotes = {role.quote for role in roles if role.quote}  # few: one per attribution, however many names it holds
    found = []
    for start, end in _candidates(norm.text, body_start):
        text = norm.text[start:end]
        if any(text in quote or quote in text for quote in quotes):
            continue
        span = norm.span_to_original(start, end)  # only now: mapping offsets costs more than comparing quotes
        if not any(_inside(role.span, span) for role in roles):
            found.append(Fragment(text, span, _task_at(record, span)))
    return found


def _candidates(text: str, body_start: int) -> list[Span]:
    """Brackets with a bracket cue, then sentences (brackets blanked out) with a sentence cue, in text order."""
    masked = blank_matches(text, cues("not"))
    found = [(m.start(), m.end()) for m in _BRACKET.finditer(masked, body_start) if cues("bracket").search(m.group())]
    prose = blank_matches(masked, _BRACKET)
    for m in _SENTENCE.finditer(prose, body_start):
        if cues("sentence").search(m.group().strip()):
            start = m.start() + len(m.group()) - len(m.group().lstrip())
            found.append((start, m.start() + len(m.group().rstrip())))
    return sorted(found)


def _inside(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _task_at(record: DocumentRecord, span: Span) -> int | None:
    """The position (from 1) of the task the passage sits in."""
    return next((i for i, task in enumerate(record.tasks, start=1) if _inside(span, task.span)), None)


@cache
def cues(kind: CueKind) -> re.Pattern[str]:
    """The cue patterns of one kind from ingest/data/attribution_cues.txt, as one expression."""
    lines = (DATA / "attribution_cues.txt").read_text(encoding="utf-8").splitlines()
    patterns = []
    for line in lines:
        if line.strip() and not line.startswith("#"):
            written, _, pattern = line.partition(":")
            if written.strip() not in ("bracket", "sentence", "not"):
                raise ValueError(f"attribution_cues.txt: unknown kind in {line!r}")
            if written.strip() == kind:
                patterns.append(pattern.strip())
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def review_line(source: str, reasons: list[str]) -> str:
    """The warning printed for a notice that needs a look: the file and the reasons, on one line."""
    return f"需复核 needs review: {source}: {'; '.join(reasons)}"


def corpus_line(attributed: int, tasks: int) -> str:
    """How many of a run's tasks have a lead, e.g. `1,234 of 1,260 tasks attributed (97.9%)`."""
    share = f" ({attributed / tasks:.1%})" if tasks else ""
    return f"覆盖情况 coverage: {attributed:,} of {tasks:,} tasks attributed{share}"
