"""Every programme's diffusion totals and label, counted in the engine: the same answers as analysis/diffusion.py's
`programme_diffusions` without the per-year region lists, in a few hundred rows instead of one per (programme,
notice) pair — on 10,000 notices that is what keeps the list of programmes quick.

Three queries: regions adopting per (programme, tier, year) (cypher/diffusion_adoption), the national mentions
(cypher/diffusion_national_mentions), and, given each programme's first national mention, how many local mentions
precede it (cypher/diffusion_earlier_local). The definitions are those of analysis/diffusion.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from policygraph.analysis.diffusion import (
    Label,
    Mention,
    ProgrammeSummary,
    first_national,
    label_of,
    mention_of,
    tier_name,
    tiers_present,
)
from policygraph.graph.store import GraphStore, Row


@dataclass
class Counts:
    """One programme's rows of diffusion_adoption, added up."""

    regions_by_tier: dict[str, int] = field(default_factory=dict)
    notices: int = 0
    local_notices: int = 0
    years: list[int] = field(default_factory=list)

    def add(self, row: Row) -> None:
        if not row["regions"]:
            return  # the row of a programme nothing mentions
        tier = tier_name(row["tier"])
        self.regions_by_tier[tier] = self.regions_by_tier.get(tier, 0) + int(row["regions"])
        self.notices += int(row["notices"])
        self.local_notices += 0 if tier == "national" else int(row["notices"])
        self.years += [year for year in (row["year"], row["last"]) if year is not None]


def counts_by_programme(store: GraphStore) -> dict[str, Counts]:
    found: dict[str, Counts] = {}
    for row in store.run("diffusion_adoption"):
        found.setdefault(row["programme"], Counts()).add(row)
    return found


def first_national_mentions(store: GraphStore) -> dict[str, Mention]:
    national: dict[str, list[Mention]] = {}
    for row in store.run("diffusion_national_mentions"):
        national.setdefault(row["programme"], []).append(mention_of(row))
    return {name: first for name, mentions in national.items() if (first := first_national(mentions))}


def earlier_local(store: GraphStore, firsts: dict[str, Mention]) -> dict[str, int]:
    params = [{"programme": name, "year": m.year, "date": m.date} for name, m in firsts.items()]
    rows = store.run("diffusion_earlier_local", {"firsts": params}) if params else []
    return {row["programme"]: int(row["earlier"]) for row in rows}


def programme_list(store: GraphStore, label: Label | None = None) -> list[ProgrammeSummary]:
    """Every programme (or those with this label), most regions first, then by name."""
    found = [p for p in programme_summaries(store) if label is None or p.label == label]
    return sorted(found, key=lambda p: (-p.regions, p.name))


def programme_summaries(store: GraphStore) -> list[ProgrammeSummary]:
    """Every programme's label and totals, by name."""
    counts = counts_by_programme(store)
    firsts = first_national_mentions(store)
    earlier = earlier_local(store, firsts)
    summaries = []
    for name, c in sorted(counts.items()):
        by_tier = {tier: c.regions_by_tier.get(tier, 0) for tier in tiers_present(c.regions_by_tier)}
        first, before = firsts.get(name), earlier.get(name, 0)
        summaries.append(ProgrammeSummary(
            name=name, label=label_of(c.notices > 0, first, c.local_notices, before), notices=c.notices,
            regions=sum(by_tier.values()), regions_by_tier=by_tier, first_year=min(c.years, default=None),
            last_year=max(c.years, default=None), first_national=first, local_before_national=before,
        ))  # fmt: skip
    return summaries
