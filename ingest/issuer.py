"""Who issued a notice, what kind of organ it is, its region and its level (docs/extraction.md, "Issuers, levels
and regions").

The issuer is read from the text, first found wins: the title's words before 关于 (中共遵义市委遵义市人民政府关于…); a
letterhead (…文件); a `发文机关:` / `发布机构:` field of a web page or law database; the signature above the signed
date, with the organ lines above it for co-signed notices. Several organs printed together (normalisation runs them
into one string) are split where a new organ begins, each is expanded to its full name (市政府办公室 → 宿州市人民政府
办公室, 中共遵义市委 → 中共遵义市委员会, 国家医保局 → 国家医疗保障局) and they are joined with "、" in printed
order. Only when the text names no issuer does the 代字 (ingest.docno) give it.

The level is the issuer's tier: national when every organ is national, else the tier of the notice's region (a
department's notice has the tier of its government: 湖北省卫生健康委员会 → provincial).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from policygraph.core.vocabulary import IssuerKind
from policygraph.ingest import divisions, gazetteer, regions
from policygraph.ingest.agencies import Context, resolve
from policygraph.ingest.attribution import Name
from policygraph.ingest.dates import DATE_LINE
from policygraph.ingest.docno import DocNo, Issuer, default_registry, find_doc_nos
from policygraph.ingest.pagefields import fields
from policygraph.ingest.pipeline import mentions
from policygraph.ingest.regions import Path

# How an organ's name ends. 委 ends a Party committee's short name (中共遵义市委), 办 a 医改办.
_ORGAN_END = re.compile(r"(人民政府|政府|办公厅|办公室|领导小组|委员会|卫健委|委|厅|局|部|院|办|署)$")
_NATIONAL = re.compile(r"^(国务院|国家|中共中央|中央|全国)")
_PARTY = re.compile(r"^中共(?P<region>.+?)(?:党委|委员会|委)(?P<rest>.*)$")  # 中共遵义市委办公室
_LEADING_GROUP = re.compile(r"领导小组|医改办")
_GOVERNMENT = re.compile(r"人民政府|政府|行政公署|行署|^国务院")
_MAX_SIGNATURE = 40
# The level a tier word (tier_prefixes.csv) names when the notice names no region; 市 is most often a prefecture.
_TIER_LEVEL = {"省": "provincial", "自治区": "provincial", "州": "prefectural", "市": "prefectural", "盟": "prefectural",
               "地区": "prefectural", "县": "county", "区": "county", "旗": "county"}  # fmt: skip


@dataclass(frozen=True)
class IssuerReading:
    issuer: str | None
    from_text: bool  # read from the notice, not from the 代字 table
    kind: IssuerKind | None
    region: Path
    level: str | None


def read_issuer(
    title: str | None, header_lines: list[str], all_lines: list[str], signature: str | None, doc_no: DocNo | None
) -> IssuerReading:
    """The issuer, its kind, region and level of a notice from its title, header lines, signature and 文号."""
    registered = default_registry().lookup(doc_no.prefix, doc_no.year) if doc_no else None
    written = written_issuer(title, header_lines, _signature_block(all_lines, signature))
    # a collective run into the signature (各县(市、区)人民政府) is an addressee, never an issuer
    parts = [part for part in split_organs(written or "") if part and not gazetteer.collective_pattern().search(part)]
    if parts:
        national = all(_is_national(part) for part in parts)
    else:
        national = registered is not None and registered.level == "national"
    region = () if national else _region(parts, title, doc_no, registered, lambda: _scopes(doc_no, header_lines))
    if parts:
        names = [expand(part, region) for part in parts]
    else:
        names = [registered.issuer] if registered and registered.issuer and _fits(registered, region) else []
    level = "national" if national else _level(names, region, registered)
    return IssuerReading("、".join(names) or None, bool(parts), _kind(names), region, level)


def _fits(registered: Issuer, region: Path) -> bool:
    """The 代字's organ belongs to the notice's region (not so for 津政办发 in a notice of 津市市)."""
    if registered.region is None:
        return registered.level == "national"
    own = regions.path_of(registered.region)
    return region[: len(own)] == own


def written_issuer(title: str | None, lines: list[str], signature: str | None) -> str | None:
    """The issuer as printed: before 关于 in the title, a letterhead, a 发文机关 field, or the signature."""
    if title and "关于" in title:
        # 湖北省人民政府办公厅转发省卫生计生委等部门关于…: the forwarding organ issues the notice
        before = title.split("关于", 1)[0].split("转发", 1)[0]
        if len(before) >= 4 and _ORGAN_END.search(before):
            return before
    for line in lines:
        if line.endswith("文件") and _ORGAN_END.search(line[:-2]):  # letterhead: 山西省人民政府办公厅文件
            return line[:-2]
    return _labelled_issuer("\n".join(lines)) or signature


def _labelled_issuer(header: str) -> str | None:
    """The value of a `发文机关:` or `【发布部门】` field (read by ingest.pagefields with the other page fields)."""
    for field in fields(header):
        if field.kind == "issuer":
            value = field.value.split("关于", 1)[0].strip()
            if _ORGAN_END.search(value) and len(value) <= _MAX_SIGNATURE:
                return value
    return None


def _signature_block(lines: list[str], signature: str | None) -> str | None:
    """The signature line and the organ lines right above it (co-signing ministries, one a line)."""
    if signature is None:
        return None
    for k in range(len(lines) - 1):
        if lines[k] == signature and DATE_LINE.match(lines[k + 1]):
            start = k
            while start > 0 and _is_organ_line(lines[start - 1]):
                start -= 1
            return "".join(lines[start : k + 1])
    return signature


def ends_like_organ(line: str) -> bool:
    """A short line ending the way an organ's name ends: the signature above a date."""
    return 0 < len(line) <= _MAX_SIGNATURE and bool(_ORGAN_END.search(line))


def _is_organ_line(line: str) -> bool:
    """A line that is only organ names: no sentence punctuation, brackets or lists (各市人民政府、…)."""
    if not 0 < len(line) <= _MAX_SIGNATURE or line.startswith("各") or any(p in line for p in "。:;,、()"):
        return False
    return bool(_ORGAN_END.search(line))


def split_organs(text: str) -> list[str]:
    """The organs of a run of names (中共遵义市委遵义市人民政府 → 中共遵义市委, 遵义市人民政府): a new organ begins
    where a name has ended (人民政府, 委, 部 …) and what follows opens a name (中共, 国家, a region, 市 …)."""
    if not text:
        return []
    parts, start = [], 0
    for i in range(2, len(text) - 1):
        if i - start >= 2 and _ORGAN_END.search(text[start:i]) and _opens_organ(text[i:]):
            parts.append(text[start:i])
            start = i
    parts.append(text[start:])
    return parts


def _opens_organ(text: str) -> bool:
    if text.startswith(("中共", "国务院", "国家", "中央")) or _national_name_at(text):
        return True
    if regions.leading_region(text):
        return True
    tier = gazetteer.tier_prefix_at(text)
    return tier is not None and tier.tier not in ("none", "national") and len(text) > len(tier.prefix) + 1


def _national_name_at(text: str) -> bool:
    """A national organ's name (财政部, 人社部) opens `text` and ends like an organ."""
    organs = gazetteer.national_organs()
    return any(text.startswith(name) for name in organs if len(name) >= 3)


def _is_national(name: str) -> bool:
    return bool(_NATIONAL.match(name)) or name in gazetteer.national_organs()


def expand(name: str, region: Path) -> str:
    """An organ's name in full, as agencies.resolve names it: 国家医保局 → 国家医疗保障局, 中共遵义市委 →
    中共遵义市委员会, 市政府办公室 → 宿州市人民政府办公室 (with the notice's region). A full name passes unchanged."""
    national = gazetteer.national_organs().get(name)
    if national:
        return national
    party = _PARTY.match(name)
    if party and not party.group("rest").startswith("员会"):
        return f"中共{_party_region(party.group('region'), region)}委员会{party.group('rest')}"
    if not region and not _NATIONAL.match(name) and not regions.leading_region(name):
        return name
    # The same canonical name as the organ gets in a task's attribution (遵义市卫健委 → 遵义市卫生健康委员会,
    # 临夏州人民政府办公室 → 临夏回族自治州人民政府办公室), so that issuer and lead are one organ in the graph.
    organ, _ = resolve(Name(name, 0, len(name)), None, Context(region, mentions(name)))
    return organ.canonical


def _party_region(written: str, region: Path) -> str:
    """The region of 中共X委: as written (遵义市), or the region a tier word (县, 市) points to."""
    if len(written) > 2 and written[-1] == written[-2] and written[-1] in "县区旗":  # 中共泗县县委 → 泗县
        written = written[:-1]
    tier = gazetteer.tier_prefix(written)
    if tier is not None and tier.tier not in ("none", "national", "own"):
        path = regions.tier_region(region, tier.tier)
        return path[-1] if path else written
    return written


def _region(
    parts: list[str],
    title: str | None,
    doc_no: DocNo | None,
    registered: Issuer | None,
    scopes: Callable[[], list[Path]],
) -> Path:
    """The notice's region: one written at the start of an issuer or the title (a name several regions share, such
    as 朝阳区, read inside the regions the notice names elsewhere); a region named in the title whose name the 代字
    starts with (鲁山县 for 鲁政办); the 代字 table's row; any region in the title; the province of the 代字's
    abbreviation. What the notice writes beats the table, and the table beats a bare abbreviation."""
    written_names = [*(part.removeprefix("中共") for part in parts), title or ""]
    for written in written_names:
        hit = regions.leading_region(written)
        if hit:
            return hit[1]
    for written in written_names:
        for scope in scopes() if written and regions.shared_level(written) else []:
            hit = regions.leading_region_within(written, scope)
            if hit:
                return hit[1]
    named = _regions_in(title or "")
    if doc_no:
        own = [path for path in named if path[-1][:1] == doc_no.prefix[:1] and len(path) > 1]
        if own:
            return own[0]
    if registered and registered.issuer and registered.region:
        return regions.path_of(registered.region)
    if named:
        return named[0]
    return regions.path_of(registered.region) if registered and registered.region else ()


_SCOPE_CHARS = 3000  # of the header, where a notice names its parent's region (the preamble's basis)


def _scopes(doc_no: DocNo | None, header_lines: list[str]) -> list[Path]:
    """Where to look for a name several regions share: the regions the header names (长春市 in the basis it cites),
    then the provinces of the 文号 it prints (京政办发 → 北京市), its own first."""
    header = "\n".join(header_lines)[:_SCOPE_CHARS]
    found = _regions_in(header)
    for number in [doc_no] if doc_no else []:
        found.append(_abbreviated_province(number.prefix))
    found += [_abbreviated_province(number.prefix) for number in find_doc_nos(header)]
    return list(dict.fromkeys(path for path in found if path))


def _abbreviated_province(prefix: str) -> Path:
    province = divisions.province_of_abbreviation(prefix[:1])
    return regions.path_of(province.name) if province is not None else ()


def _regions_in(text: str) -> list[Path]:
    """The regions named in `text`, in order (加快推进临夏州… → 临夏回族自治州)."""
    found = []
    i = 0
    while i < len(text):
        hit = regions.leading_region(text[i:])
        if hit:
            found.append(hit[1])
            i += hit[0]
        else:
            i += 1
    return found


def _level(names: list[str], region: Path, registered: Issuer | None) -> str | None:
    """The tier of the region the issuer governs or belongs to; the 代字's when the region says nothing."""
    if names and all(_is_national(name) for name in names):
        return "national"
    tier = regions.level_of(region)
    if tier:
        return tier
    if registered and registered.level != "department":
        return registered.level
    if len(names) != 1:
        return None
    return _tier_word_level(names[0]) or regions.shared_level(names[0].removeprefix("中共"))


def _tier_word_level(name: str) -> str | None:
    """Without any region, the tier word an issuer opens with: 县卫生健康局 → county, 市政府办公室 → prefectural."""
    tier = gazetteer.tier_prefix_at(name.removeprefix("中共"))
    return _TIER_LEVEL.get(tier.tier) if tier is not None else None


def _kind(names: list[str]) -> IssuerKind | None:
    if not names:
        return None
    if len(names) > 1:
        return "joint"
    name = names[0]
    if _LEADING_GROUP.search(name):
        return "leading_group"
    if name.startswith("中共") or "党委" in name:
        return "party"
    if _GOVERNMENT.search(name):
        return "government"
    return "department"
