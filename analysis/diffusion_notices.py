"""How far a national notice reached: the local notices descending from it through IMPLEMENTS, and how long each took.

A local notice *implements* the national one when a chain of IMPLEMENTS edges leads from it up to it (泗县 → 国办发
〔2021〕20号 directly; 临夏州 → 甘肃省 → 国办发〔2021〕20号 through its province). The chain's kind is `explicit` when
every hop was cited as a basis, else `inferred` (one guessed hop makes the whole chain a guess); each hop's kind is
kept too. The lag is the days from the national notice's signed date to the local one's (None when either is
missing). A tier is *reached* when at least one descendant sits at it (stubs count: a cited notice exists) and
*missing* otherwise.
"""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass, field
from typing import Any

from policygraph.analysis.diffusion import NoticeRef, notice_fields, parse_date
from policygraph.core.errors import NotFound
from policygraph.core.i18n import N_
from policygraph.core.vocabulary import TIERS, ImplementsKind
from policygraph.graph.store import GraphStore, Row

LOCAL_TIERS = TIERS[1:]


@dataclass(frozen=True)
class Implementation(NoticeRef):
    """A local notice descending from a national one."""

    parent: str  # the notice it implements directly
    hops: int
    kinds: list[str]  # each hop's kind, from this notice up
    kind: ImplementsKind
    lag_days: int | None


@dataclass
class NoticeDiffusion:
    key: str
    doc_no: str | None
    title: str | None
    year: int | None
    date: str | None
    stub: bool
    registry: bool
    implementations: list[Implementation] = field(default_factory=list)

    @property
    def tiers_reached(self) -> list[str]:
        reached = {i.tier for i in self.implementations}
        return [t for t in LOCAL_TIERS if t in reached]

    @property
    def tiers_missing(self) -> list[str]:
        return [t for t in LOCAL_TIERS if t not in self.tiers_reached]

    @property
    def median_lag_days(self) -> float | None:
        lags = [i.lag_days for i in self.implementations if i.lag_days is not None]
        return float(statistics.median(lags)) if lags else None

    def answer(self) -> dict[str, Any]:
        """As the API and the CLI show it: the notice, its reach in figures, then its implementations."""
        fields = asdict(self)
        implementations = fields.pop("implementations")
        return {**fields, "implementations_count": len(self.implementations), "tiers_reached": self.tiers_reached,
                "tiers_missing": self.tiers_missing, "median_lag_days": self.median_lag_days,
                "implementations": implementations}  # fmt: skip


def lag_days(national: str | None, local: str | None) -> int | None:
    start, end = parse_date(national), parse_date(local)
    return (end - start).days if start and end else None


def implementation_of(row: Row, national_date: str | None) -> Implementation:
    kinds = [str(kind) for kind in row["kinds"]]
    return Implementation(
        **notice_fields(row), parent=row["parent"], hops=len(kinds), kinds=kinds, kind="explicit" if all(k == "explicit" for k in kinds) else "inferred",
        lag_days=lag_days(national_date, row["date"]),
    )  # fmt: skip


def notice_diffusions(store: GraphStore, key: str | None = None) -> list[NoticeDiffusion]:
    """Every national notice's reach (or the one with that key: an empty list when it is not a national notice)."""
    notices = [
        NoticeDiffusion(r["key"], r["doc_no"], r["title"], r["year"], r["date"], bool(r["stub"]), bool(r["registry"]))
        for r in store.run("diffusion_national_notices", {"key": key})
    ]
    by_key = {n.key: n for n in notices}
    if by_key:
        for row in store.run("diffusion_descendants", {"keys": list(by_key)}):
            notice = by_key[row["national"]]
            notice.implementations.append(implementation_of(row, notice.date))
    for notice in notices:
        notice.implementations.sort(key=lambda i: (TIERS.index(i.tier) if i.tier in TIERS else 9, i.key))
    return notices


def notice_diffusion(store: GraphStore, key: str) -> NoticeDiffusion | None:
    found = notice_diffusions(store, key)
    return found[0] if found else None


def find_notice(store: GraphStore, key: str) -> NoticeDiffusion:
    """The reach of the national notice with that key; NotFound if no national notice has it."""
    found = notice_diffusion(store, key)
    if found is None:
        raise NotFound(N_("no national notice has the key %(key)r"), values={"key": key})
    return found
