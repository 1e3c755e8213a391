"""An organ's name as written → its canonical name, jurisdiction and kind (docs/extraction.md, "Canonical names").

A name is read as [prefix][function]: 州 + 卫健委, 区党委 + 组织部, 拉萨市 + 人民政府, 山西 + 银保监局. The function
is the longest known function name (`agency_aliases.csv`, matched by the spaCy pipeline) that ends the name; what
comes before it is the prefix. Without a known function, a known prefix (`tier_prefixes.csv`, a region name) is
cut from the front and the rest is kept as written.

The prefix decides the jurisdiction: a tier word points into the notice's own region path (州 → 临夏回族自治州), a
region name is that region. A name without a prefix inherits the one before it in the same list, or, first in a
list, the notice's own region. National organs (`national_organs.csv`: 财政部, 国家医保局, 人社部) keep their full
national name and no jurisdiction in any notice. Identity is scoped by jurisdiction: 财政局 of 临夏州 and of 泗县 are two organs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from policygraph.core.vocabulary import AgencyKind
from policygraph.ingest import gazetteer, regions
from policygraph.ingest.attribution import Name
from policygraph.ingest.pipeline import Mentions
from policygraph.ingest.regions import Path

_NATIONAL_PREFIX = "国家"
_INTERNAL_UNIT = ("处", "科", "室", "司")  # 医政医管处, 体改司: units inside a department


@dataclass(frozen=True)
class Prefix:
    """What a name passes on to a name without prefix after it: the region it points to."""

    path: Path | None
    party: bool = False


@dataclass(frozen=True)
class Organ:
    as_written: str
    canonical: str
    jurisdiction: str | None
    kind: AgencyKind


@dataclass(frozen=True)
class Context:
    """What resolving needs to know about the notice: its region, the gazetteer matches of its text, and for a
    department's own plan the department (its 处室 are its units, not organs of the region)."""

    region: Path
    mentions: Mentions
    department: str | None = None


def resolve(name: Name, inherited: Prefix | None, ctx: Context) -> tuple[Organ, Prefix | None]:
    """The organ a name denotes, and the prefix the next name in the same list inherits."""
    alias = ctx.mentions.alias_ending(name.end, name.start)
    split = (name.text[: alias[0] - name.start], alias[1]) if alias is not None else None
    return _resolve(name.text, split, inherited, ctx.region, ctx.department)


@lru_cache(maxsize=65_536)  # the same few hundred names recur in every task and notice of a run
def _resolve(
    text: str, split: tuple[str, str] | None, inherited: Prefix | None, region: Path, department: str | None
) -> tuple[Organ, Prefix | None]:
    """`resolve` on plain values: `split` is (prefix, known function) when the name ends in a known function."""
    if gazetteer.collective_pattern().search(text):
        return _collective(text, region), inherited
    national = _national_organ(text, inherited)
    if national is not None:  # 财政部, 国家医保局: never 山西省财政部; the names after it are national too
        return national, Prefix(())
    prefix_text, function = split if split is not None else _split_known_prefix(text)
    own_prefix = _read_prefix(prefix_text, region) if prefix_text else None
    if prefix_text and own_prefix is None:  # an unknown prefix: keep the name as written
        return Organ(text, text, None, "agency"), None
    prefix = own_prefix or inherited or Prefix(region or None)
    if department and not prefix_text and text.endswith(_INTERNAL_UNIT):  # 医政医管处 of 省卫生健康委员会
        return Organ(text, department + text, regions.joined(region), "agency"), prefix
    return _organ(text, prefix_text, function, prefix, own_prefix is not None), prefix


def _national_organ(text: str, inherited: Prefix | None) -> Organ | None:
    """A national organ (`national_organs.csv`): as written, or after a national one (国家卫生健康委、发展改革委)."""
    organs = gazetteer.national_organs()
    canonical = organs.get(text)
    if canonical is None and inherited is not None and inherited.path == ():
        canonical = organs.get(_NATIONAL_PREFIX + text)
    if canonical is None:
        return None
    kind: AgencyKind = "party organ" if canonical.startswith(("中共", "中央")) else "agency"
    return Organ(text, canonical, None, kind)


def _organ(text: str, prefix_text: str, function: str, prefix: Prefix, written_prefix: bool) -> Organ:
    path = prefix.path
    own = path[-1] if path else ""
    if prefix_text == _NATIONAL_PREFIX:
        own = _NATIONAL_PREFIX
    jurisdiction = regions.joined(path) if path else None
    alias = gazetteer.agency_aliases().get(function)
    if alias is not None:
        if "{" in alias.full:
            canonical = alias.full.format(region=own, short=regions.short_name(path or ()))
        else:
            canonical = own + alias.full
        return Organ(text, canonical, jurisdiction, alias.kind)
    if prefix.party and written_prefix:  # 县委组织部 → 中共泗县委员会组织部
        return Organ(text, f"中共{own}委员会{function}", jurisdiction, "party organ")
    return Organ(text, own + function, jurisdiction, "agency")


def _split_known_prefix(text: str) -> tuple[str, str]:
    """(prefix, function) for a name whose function is not a known one: cut a region name or tier word."""
    region = regions.leading_region(text[:-1])
    if region is not None:
        cut = region[0]
        rest = text[cut:]
        if rest.startswith(("党委", "委")) and len(rest) > 2:  # 西藏自治区党委宣传部, 山西省委组织部
            cut += 2 if rest.startswith("党委") else 1
        return text[:cut], text[cut:]
    tier = gazetteer.tier_prefix_at(text)
    if tier is not None and tier.tier != "none" and len(text) > len(tier.prefix):
        return tier.prefix, text[len(tier.prefix) :]
    return "", text


def _read_prefix(prefix_text: str, region: Path) -> Prefix | None:
    """The region a written prefix points to: a tier word (州, 区党委), a region (拉萨市, 山西), or both (山西省委)."""
    tier = gazetteer.tier_prefix(prefix_text)
    if tier is not None and tier.tier != "none":
        if tier.tier == "national":
            return Prefix((), False)
        tier_path = regions.tier_region(region, tier.tier)
        return Prefix(tier_path, tier.party) if tier_path else None
    path = regions.path_of(prefix_text)
    if path:
        return Prefix(path, False)
    if prefix_text.endswith("委"):  # 山西省委, 西藏自治区党委
        path = regions.path_of(prefix_text.removesuffix("党委").removesuffix("委"))
        return Prefix(path, True) if path else None
    return None


def _collective(text: str, region: Path) -> Organ:
    """各市人民政府 → 山西省各市人民政府; a tier prefix is replaced by its region (县…成员单位 → 泗县…成员单位);
    a collective of governments always starts with 各 (市、县人民政府 → 山西省各市、县人民政府)."""
    path: Path | None = region or None
    rest = text
    tier = gazetteer.tier_prefix_at(text)
    # 市、县人民政府: a tier word followed by 、 is part of the collective's words, not a prefix.
    if tier is not None and tier.tier not in ("none", "national") and text[len(tier.prefix) :][:1] not in "、和及":
        tier_path = regions.tier_region(region, tier.tier)
        if tier_path:
            path, rest = tier_path, text[len(tier.prefix) :]
    if rest.endswith("政府") and not rest.startswith(
        "各"
    ):  # one collective, one name: 市、县人民政府 = 各市、县人民政府
        rest = "各" + rest
    own = path[-1] if path else ""
    return Organ(text, own + rest, regions.joined(path) if path else None, "collective")
