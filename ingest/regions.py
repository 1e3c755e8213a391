"""Regions as full paths from the province down (临夏州 → 甘肃省临夏回族自治州, 泗县 → 安徽省宿州市泗县).

Names are resolved by `ingest.divisions` (every 县级以上 division, official names, short forms and aliases). This
module adds what the extractor asks of a region: its path as a tuple, its government tier, the region a tier word
such as 州 points to, and the region named at the start of a string (拉萨市人民政府, 山西银保监局).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from policygraph.ingest import divisions

Path = tuple[str, ...]  # official names, province first: ("甘肃省", "临夏回族自治州")

_NAME_END = "省市州县区旗盟"  # the last character of official names and of their common short forms
_PROVINCE_SUFFIXES = ("自治区", "特别行政区", "省", "市")
_ETHNIC_IN_PROVINCES = ("壮族", "回族", "维吾尔")
_MAX_NAME = (
    16  # longer prefixes are never one region's name (克孜勒苏柯尔克孜自治州 11, 积石山保安族东乡族撒拉族自治县 15)
)


@lru_cache(maxsize=4096)
def path_of(name: str) -> Path:
    """The full path of a region given by any name divisions knows (临夏州, 宿州市泗县, 山西); () when none."""
    region = divisions.resolve(name)
    if region is None or region.level == "national":
        return ()
    chain = [r.name for r in reversed(divisions.parents(region)) if r.level != "national"]
    return (*chain, region.name)


def joined(path: Path) -> str | None:
    """The path as one string (甘肃省临夏回族自治州), the `region` field of a record; None for no region."""
    return "".join(path) or None


def level_of(path: Path) -> str | None:
    """The government tier of the region: provincial, prefectural or county."""
    region = divisions.resolve("".join(path)) if path else None
    return region.level if region is not None and region.level != "national" else None


def short_name(path: Path) -> str:
    """The province's short name (山西, 西藏, 广西), used by vertically managed organs such as 山西银保监局."""
    if not path:
        return ""
    name = path[0]
    for suffix in _PROVINCE_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    for ethnic in _ETHNIC_IN_PROVINCES:
        name = name.removesuffix(ethnic)
    return name


def tier_region(path: Path, tier: str) -> Path | None:
    """The part of `path` a prefix such as 省, 州 or 县 points to: the deepest region whose name ends with `tier`.

    `区` also matches 自治区; `own` is the notice's own region. None when the notice has no such tier (a 市 prefix
    in a provincial notice).
    """
    if tier == "own":
        return path or None
    for depth in range(len(path), 0, -1):
        if path[depth - 1].endswith(tier):
            return path[:depth]
    return None


def _cuts(text: str, short_forms: bool = True) -> Iterator[int]:
    """Lengths at which a region's name may end at the start of `text`, longest first: after a name-ending
    character, or after two characters (a province's short form such as 山西). A handful of look-ups per name
    instead of one per possible length."""
    for cut in range(min(len(text), _MAX_NAME), 1, -1):
        if text[cut - 1] in _NAME_END or (short_forms and cut == 2):
            yield cut


def leading_region(text: str) -> tuple[int, Path] | None:
    """The longest region name at the start of `text`: (its length, its path), or None."""
    for cut in _cuts(text):
        path = path_of(text[:cut])
        if path:
            return cut, path
    return None


def leading_region_within(text: str, scope: Path) -> tuple[int, Path] | None:
    """`leading_region` read inside `scope`: a name that several regions share (朝阳区: 北京市 and 长春市) is the one
    of them inside the scope."""
    within = divisions.resolve("".join(scope)) if scope else None
    if within is None:
        return None
    for cut in _cuts(text, short_forms=False):
        region = divisions.resolve(text[:cut], within)
        if region is not None and region.level != "national":
            return cut, path_of(divisions.full_path(region))
    return None


def shared_level(text: str) -> str | None:
    """The tier of every region a name at the start of `text` may denote, when they all share one (朝阳区: county),
    though the name alone says not which region it is."""
    for cut in _cuts(text, short_forms=False):
        levels = {region.level for region in divisions.candidates(text[:cut])}
        if levels:
            return levels.pop() if len(levels) == 1 else None
    return None
