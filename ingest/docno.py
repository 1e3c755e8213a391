"""文号 (document numbers): find them, normalise them to `代字〔YYYY〕N号`, and say who issues under a 代字.

A 文号 is printed with any bracket (〔〕 [] ［］ () （） 【】 ﹝﹞ 〈〉), spaces inside, and 號 in traditional texts. The
代字 (issuing-organ code such as 国办发, 临州办发) runs back from the bracket to the previous punctuation; when that
run is longer than a 代字 can be ("按照皖政办发…"), the longest known or province-led suffix is taken.

Damaged copies drop characters: the closing bracket (晋政办发〔2016203号), the 号 (晋政办发〔2016〕203), or both
(晋政办发〔2016203). Such a 文号 counts only when its 代字 ends the way 代字 end (…发, …函, …字) and no digit,
unit or date word follows the number, so that "(2016)3个" or a bracketed date is never one.

`DocNoRegistry` answers "who issues under this 代字": a shipped table (`data/docno_prefixes.csv`) with an optional
reviewed table on top (POLICYGRAPH_DOCNO_PREFIXES), the department rule (`data/docno_departments.csv`: 鄂卫健发 →
湖北省卫生健康委员会) and the one-character province abbreviations (皖 → 安徽省) for codes it does not know. It learns
nothing from the notices: `policygraph prefixes learn` lists a corpus's unknown 代字 for review instead.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from policygraph.core.settings import get_settings
from policygraph.ingest.textutil import to_simplified

DATA = Path(__file__).parent / "data"

_OPEN = "〔[［(（【﹝〈"
_CLOSE = "〕]］)）】﹞〉"
# The part after the 代字: bracketed year, number, 号. Spaces are tolerated (normalisation removes them).
_NUMBER_PART = re.compile(
    rf"\s*[{re.escape(_OPEN)}]\s*(?P<year>[0-9]{{4}})\s*[{re.escape(_CLOSE)}]\s*第?\s*(?P<num>[0-9]{{1,5}})\s*[号號]"
)
# The same, tolerating a dropped closing bracket or 号 (checked in _damaged_ok).
_DAMAGED_PART = re.compile(
    rf"\s*[{re.escape(_OPEN)}]\s*(?P<year>(?:19|20)[0-9]{{2}})\s*(?P<close>[{re.escape(_CLOSE)}])?\s*第?\s*"
    r"(?P<num>[0-9]{1,5})(?P<hao>\s*[号號])?"
)
_NOT_AFTER_NUMBER = re.compile(r"[0-9年月日万亿元个%.\-~:]")
# A whole 文号: the 代字 is a run of CJK characters before the bracket.
DOC_NO = re.compile(rf"(?P<prefix>[\u4e00-\u9fff]{{1,12}}){_NUMBER_PART.pattern}")
_PREFIX_BEFORE = re.compile(r"([\u4e00-\u9fff]{1,12})\s*$")
_MAX_PREFIX = 7  # longer runs carry words of the sentence before the 代字
# Words that end a sentence's lead-in right before a 代字 the registry does not know.
# The last one counts: in run-together text a title runs into the 文号 (…任务的通知临府办发), and an organ's name
# may stand right before its 代字 (市政府办公室临政办发). 代字 are abbreviations: no organ's full word is inside one.
# A conjunction (和, 及, 与, 的) joins words, so it never opens a run: 和县政办发 and 和署办发 are 代字 of 和县, 和田.
_LEAD_IN = re.compile(
    r"^.*(根据|按照|依据|依照|贯彻|落实|参照|结合|转发|印发|(?<=.)[和及与的]|通知|意见|方案|文件"
    r"|办公室|办公厅|人民政府|委员会|领导小组)"
)
_PREFIX_END = "发函字办电令文通"  # how 代字 end: 国办发, 国办函, 晋政办发, 国卫体改发, 京政办字


@dataclass(frozen=True)
class DocNo:
    prefix: str
    year: int
    number: int
    start: int  # span of the whole 文号 in the searched text, 代字 included
    end: int

    @property
    def text(self) -> str:
        return f"{self.prefix}〔{self.year}〕{self.number}号"


@dataclass(frozen=True)
class Issuer:
    """Who issues under a 代字. `issuer` is None when only the province is known (unknown 代字 such as 皖政办发)."""

    issuer: str | None
    level: str
    region: str | None  # the region's own name, resolved to a full path by ingest.regions


def _trim_prefix(run: str, known: frozenset[str], provinces: frozenset[str]) -> str:
    """The 代字 inside a CJK run that may start with words of the sentence ("根据国办发" → "国办发")."""
    for i in range(len(run) - 1):  # a known 代字, longest first
        if run[i:] in known:
            return run[i:]
    for i in range(len(run) - 1):  # a province-led one: 按照皖政办发 → 皖政办发
        suffix = run[i:]
        if len(suffix) <= _MAX_PREFIX and (suffix[0] in provinces or suffix[0] == "国") and suffix[-1] in _PREFIX_END:
            return suffix
    run = _LEAD_IN.sub("", run) or run  # 根据泗政办发 → 泗政办发
    return run[-_MAX_PREFIX:]


def find_doc_nos(text: str) -> list[DocNo]:
    """Every 文号 in `text`, in order."""
    registry = default_registry()
    found = []
    for m in _DAMAGED_PART.finditer(text):
        # Searching from the bracket (rare) and looking back for the 代字 is much faster than letting the regex
        # try every Chinese character as the start of a 代字.
        head = _PREFIX_BEFORE.search(text, max(0, m.start() - 12 - 3), m.start())
        if head is None:
            continue
        run = to_simplified(head.group(1))
        if head.start(1) and text[head.start(1) - 1].isdigit() and run[0] in "日号":  # …2018年3月15日临府办发
            run = run[1:] or run
        prefix = _trim_prefix(run, registry.known_prefixes(), registry.province_abbreviations())
        if not (m.group("close") and m.group("hao")) and not _damaged_ok(prefix, text, m.end()):
            continue
        start = head.end(1) - len(prefix)
        found.append(DocNo(prefix, int(m.group("year")), int(m.group("num")), start, m.end()))
    return found


def _damaged_ok(prefix: str, text: str, end: int) -> bool:
    """A 文号 missing its closing bracket or 号: a 代字 that ends like one, and nothing after that extends the number."""
    return len(prefix) >= 2 and prefix[-1] in _PREFIX_END and not _NOT_AFTER_NUMBER.match(text, end)


def normalise_doc_no(text: str) -> str | None:
    """`代字〔YYYY〕N号` for the first 文号 in `text` ("国办发[2021] 20號" → "国办发〔2021〕20号"), or None."""
    found = find_doc_nos(text)
    return found[0].text if found else None


@dataclass(frozen=True)
class DepartmentCode:
    """A row of `data/docno_departments.csv`: a department code (卫, 卫健, 医保 …) after a province abbreviation."""

    scope: str  # province, municipality or national
    code: str
    organ: str  # full name, {region} = the province's name
    office: str  # the name of its office, for 代字 with 办 after the code (鄂卫办发)
    first: int | None  # the years of the 文号 the name holds for; None: open
    last: int | None

    def holds(self, year: int | None) -> bool:
        if year is None:
            return self.last is None  # without a year, the current name
        return (self.first is None or self.first <= year) and (self.last is None or year <= self.last)


class DocNoRegistry:
    """代字 → issuer, level and region: a shipped table, the department rule, and province abbreviations.

    It never changes once loaded: what a notice's record says depends on its text and the shipped (or configured)
    data only, never on the notices extracted before it."""

    def __init__(self, rows: list[dict[str, str]], departments: list[DepartmentCode] | None = None) -> None:
        self._known: dict[str, Issuer] = {}
        self._provinces: dict[str, str] = {}
        self._departments = sorted(departments or [], key=lambda d: -len(d.code))  # 卫健 before 卫
        for row in rows:
            prefix = row["prefix"].strip()
            region = row["region"].strip() or None
            if len(prefix) == 1 and not row["issuer"].strip():  # a province abbreviation: 皖 → 安徽省
                self._provinces[prefix] = region or ""
            else:
                self._known[prefix] = Issuer(row["issuer"].strip() or None, row["level"].strip(), region)

    def known_prefixes(self) -> frozenset[str]:
        return frozenset(self._known)

    def province_abbreviations(self) -> frozenset[str]:
        return frozenset(self._provinces)

    def lookup(self, prefix: str, year: int | None = None) -> Issuer | None:
        """The issuer for a 代字 of a 文号 of `year`: the table's row; else a department code after a province
        abbreviation (鄂卫发 → 湖北省卫生健康委员会, named as in that year); else the abbreviation's province."""
        if prefix in self._known:
            return self._known[prefix]
        national = prefix[:1] == _NATIONAL
        province = self._provinces.get(prefix[:1])
        if not national and not province:
            return None
        level = "national" if national else "provincial"
        issuer = self._department(prefix[1:], _scope(province), province or "", year)
        return issuer if issuer else Issuer(None, level, province)

    def _department(self, rest: str, scope: str, province: str, year: int | None) -> Issuer | None:
        """The department a code such as 卫健办发 (after the abbreviation) names, or None."""
        rows = [
            r for r in self._departments if r.scope == scope and rest.startswith(r.code) and len(rest) > len(r.code)
        ]
        code = rows[0].code if rows else ""  # the longest code that fits: 卫健 before 卫
        row = next((r for r in rows if r.code == code and r.holds(year)), None)
        if row is None:
            return None  # no code, or one that names no organ in that year (国卫 before 2013)
        tail = rest[len(row.code) :]
        organ = row.organ.format(region=province)
        name = organ + row.office if tail.startswith("办") else organ  # 鄂卫办发, 苏卫办: its office
        return Issuer(name, "national" if scope == "national" else "provincial", province or None)


_NATIONAL = "国"
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")


def _scope(province: str | None) -> str:
    if not province:
        return "national"
    return "municipality" if province in _MUNICIPALITIES else "province"


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [row for row in csv.DictReader(f) if not (row[next(iter(row))] or "").startswith("#")]


def _department_codes() -> list[DepartmentCode]:
    return [
        DepartmentCode(
            row["scope"],
            row["code"],
            row["organ"],
            row["office"],
            int(row["from"]) if row["from"] else None,
            int(row["to"]) if row["to"] else None,
        )
        for row in _read_csv(DATA / "docno_departments.csv")
    ]


def load_registry(extra: Path | None = None) -> DocNoRegistry:
    """The shipped table (`data/docno_prefixes.csv`, `data/docno_departments.csv`), with the rows of a reviewed
    `extra` CSV of the same columns on top (their 代字 win)."""
    rows = _read_csv(DATA / "docno_prefixes.csv")
    if extra is not None:
        rows += _read_csv(extra)
    return DocNoRegistry(rows, _department_codes())


@cache
def default_registry() -> DocNoRegistry:
    """The registry of this process: the shipped table and the CSV named by POLICYGRAPH_DOCNO_PREFIXES, if any."""
    return load_registry(get_settings().docno_prefixes)
