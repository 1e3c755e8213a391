"""How a programme (三明医改经验, 紧密型县域医共体 …) spread down the tiers: cumulative adoption by year and a label.

A region *adopts* a programme in the year of its first notice whose tasks mention it; adoption is counted per tier
(national, provincial, prefectural, county: the notice's `tier`). The *moment* of a mention is its notice's signed
date when known, else its year. Mention a *precedes* mention b when a's year is earlier, or, in the same year, when
both have a date and a's is earlier: a same-year pair with a date missing is not ordered (the annual series issues
the national notice first, so a local mention of the national year is not counted as earlier).

Labels, from the local (non-national) mentions and the first national mention N:
- `top-down`: there is a national mention and no local mention precedes N (a programme only the national notice
  mentions is top-down too);
- `bottom-up`: there is no national mention at all, or every local mention precedes N;
- `mixed`: some local mentions precede N and others do not;
- no label (None) when no notice mentions the programme.

This module computes one programme's diffusion in Python from its mentions (one row per notice); the list of every
programme is counted in the engine by analysis/diffusion_summary.py, with the same definitions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from policygraph.core.errors import NotFound
from policygraph.core.i18n import N_
from policygraph.core.vocabulary import TIERS
from policygraph.graph.store import GraphStore, Row
from policygraph.ingest.programmes import canonical

UNKNOWN_TIER = "unknown"  # a notice whose region resolves to no tier (a department notice of an unknown region)
Label = Literal["top-down", "bottom-up", "mixed"]


def tier_name(tier: int | None) -> str:
    return TIERS[tier] if tier is not None and 0 <= tier < len(TIERS) else UNKNOWN_TIER


def parse_date(text: Any) -> date | None:
    """A notice's signed date (`YYYY-MM-DD`), or None when it is missing or not a date."""
    if not isinstance(text, str):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


@dataclass(frozen=True)
class NoticeRef:
    """A notice as the diffusion answers show it (the rows of cypher/diffusion_*.cypher carry these columns)."""

    key: str
    doc_no: str | None
    title: str | None
    level: str | None
    tier: str
    region: str | None
    year: int | None
    date: str | None
    stub: bool


def notice_fields(row: Row) -> dict[str, Any]:
    """The NoticeRef fields of a query row."""
    return {
        "key": row["key"], "doc_no": row["doc_no"], "title": row["title"], "level": row["level"],
        "tier": tier_name(row["tier"]), "region": row["region"], "year": row["year"], "date": row["date"],
        "stub": bool(row["stub"]),
    }  # fmt: skip


@dataclass(frozen=True)
class Mention(NoticeRef):
    """A notice whose tasks mention the programme."""

    tasks: int

    @property
    def national(self) -> bool:
        return self.tier == "national"


def precedes(a: Mention, b: Mention) -> bool:
    """Is a strictly earlier than b? By year; in the same year by date, only when both have one."""
    if a.year is None or b.year is None:
        return False
    if a.year != b.year:
        return a.year < b.year
    first, second = parse_date(a.date), parse_date(b.date)
    return first is not None and second is not None and first < second


def first_national(mentions: Iterable[Mention]) -> Mention | None:
    """The earliest national mention (undated ones last)."""
    national = [m for m in mentions if m.national]
    return min(national, key=lambda m: (m.year or 9999, m.date or "9999", m.key), default=None)


def label_of(mentioned: bool, first: Mention | None, local: int, earlier: int) -> Label | None:
    """The label from the counts: `local` mentions not national, `earlier` of them preceding the first national."""
    if not mentioned:
        return None
    if first is None:
        return "bottom-up"
    if earlier == 0:
        return "top-down"
    return "bottom-up" if earlier == local else "mixed"


def label(mentions: list[Mention]) -> Label | None:
    first = first_national(mentions)
    local = [m for m in mentions if not m.national]
    earlier = sum(1 for m in local if first and precedes(m, first))
    return label_of(bool(mentions), first, len(local), earlier)


@dataclass(frozen=True)
class YearStep:
    """One year of the adoption: the regions first mentioning the programme that year, and the running totals."""

    year: int
    added: dict[str, list[str]]  # tier → regions adopting this year
    cumulative: dict[str, int]  # tier → regions adopted so far
    total: int


@dataclass(frozen=True)
class Adopter:
    """A region's first mention of the programme."""

    region: str | None
    tier: str
    year: int | None
    notice: str


@dataclass
class ProgrammeSummary:
    name: str
    label: Label | None
    notices: int
    regions: int
    regions_by_tier: dict[str, int]
    first_year: int | None
    last_year: int | None
    first_national: Mention | None
    local_before_national: int  # local mentions that precede the first national one (what makes it bottom-up)


@dataclass
class ProgrammeDiffusion(ProgrammeSummary):
    series: list[YearStep] = field(default_factory=list)
    undated: list[Adopter] = field(default_factory=list)  # adopters whose notice has no year: outside the series
    mentions: list[Mention] = field(default_factory=list)


def adopters(mentions: list[Mention]) -> list[Adopter]:
    """Each region once, at its earliest mention (a notice with no region counts as a region of its own)."""
    earliest: dict[tuple[str, str], Mention] = {}
    for mention in sorted(mentions, key=lambda m: (m.year or 9999, m.date or "9999", m.key)):
        earliest.setdefault((mention.tier, mention.region or mention.key), mention)
    return [Adopter(m.region, m.tier, m.year, m.key) for m in earliest.values()]


def tiers_present(tiers: Iterable[str]) -> list[str]:
    """The four tiers always (a chart compares them), then `unknown` when some notice has no tier."""
    return [*TIERS, UNKNOWN_TIER] if UNKNOWN_TIER in set(tiers) else list(TIERS)


def series(found: list[Adopter]) -> list[YearStep]:
    """Every year from the first adoption to the last (years adding nobody included, so the steps are even)."""
    by_year: dict[int, list[Adopter]] = {}
    for adopter in found:
        if adopter.year is not None:
            by_year.setdefault(adopter.year, []).append(adopter)
    if not by_year:
        return []
    tiers = tiers_present(a.tier for a in found)
    running = dict.fromkeys(tiers, 0)
    steps = []
    for year in range(min(by_year), max(by_year) + 1):
        that_year = by_year.get(year, [])
        added = {t: sorted(a.region or a.notice for a in that_year if a.tier == t) for t in tiers}
        running = {t: running[t] + len(added[t]) for t in tiers}
        steps.append(YearStep(year, added, running, sum(running.values())))
    return steps


def diffusion_of(name: str, mentions: list[Mention]) -> ProgrammeDiffusion:
    found = adopters(mentions)
    years = [m.year for m in mentions if m.year is not None]
    first = first_national(mentions)
    earlier = sum(1 for m in mentions if first and not m.national and precedes(m, first))
    by_tier = {t: sum(1 for a in found if a.tier == t) for t in tiers_present(a.tier for a in found)}
    return ProgrammeDiffusion(
        name=name, label=label(mentions), notices=len(mentions), regions=len(found), regions_by_tier=by_tier,
        first_year=min(years, default=None), last_year=max(years, default=None), first_national=first,
        local_before_national=earlier, series=series(found), undated=[a for a in found if a.year is None],
        mentions=mentions,
    )  # fmt: skip


def mention_of(row: Row) -> Mention:
    return Mention(**notice_fields(row), tasks=int(row["tasks"]))


def programme_diffusions(store: GraphStore, name: str | None = None) -> list[ProgrammeDiffusion]:
    """Every programme's diffusion (or the one named: an empty list when no programme has that key), by name."""
    by_programme: dict[str, list[Mention]] = {}
    for row in store.run("diffusion_mentions", {"name": name}):
        mentions = by_programme.setdefault(row["programme"], [])
        if row["key"] is not None:
            mentions.append(mention_of(row))
    return [diffusion_of(programme, mentions) for programme, mentions in sorted(by_programme.items())]


def programme_diffusion(store: GraphStore, name: str) -> ProgrammeDiffusion | None:
    found = programme_diffusions(store, name)
    return found[0] if found else None


def find_programme(store: GraphStore, name: str) -> ProgrammeDiffusion:
    """The diffusion of the programme a name or synonym denotes (三明经验 → 三明医改经验); NotFound if none."""
    found = programme_diffusion(store, canonical(name))
    if found is None:
        raise NotFound(N_("no programme is named %(name)r"), values={"name": name})
    return found
