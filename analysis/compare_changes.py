"""What changed between two aligned tasks: the lead, the cooperating units, the targets, the deadline, the programmes.

`a` is the notice's task (the child, the later year, the sibling asked about), `b` the other notice's (the parent,
the previous year, the other sibling); every change reads "from b to a". The rules (docs/compare.md):

- Agencies are compared by FUNCTION FAMILY (graph/rows.py `function_family`): the stored function (卫生健康委员会 for every region's 卫健委) without
  国家/中共/中央 in front and without the organ's type at the end (委员会, 委, 部, 厅, 总局, 局), so 国家卫生健康委员会,
  江西省卫生健康委员会 and a county's 卫生健康局 are one family, as are 财政部, 财政厅 and 财政局.
- Lead: the same families and the same jurisdictions: same; the same families elsewhere: lower_tier (the notice's
  leads sit at a lower tier), higher_tier, or other_region (same tier, another region); other families: changed;
  a lead on one side only: added / removed; none on either: none.
- Cooperating units: the families on one side only, by name: added / removed.
- Deadline (the task's 完成时限): both dated: earlier = tightened, later = loosened, equal = same; the other's date is
  first moved by the years between the two notices, so a previous-year notice's 2022年底前 facing 2023年底前 is the
  same deadline carried forward: moved. Dated on one side only: added / removed; ongoing ↔ dated: changed.
- Targets, by kind: percent, coverage and count: the largest value on each side, higher = tightened, lower = loosened;
  deadline targets (到2025年): as deadlines; a kind on one side only: added / removed.
- Programmes: names on one side only: added / removed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from policygraph.core.vocabulary import TIER_NUMBER
from policygraph.graph.rows import function_family
from policygraph.graph.store import Row

LEAD_LABELS = {"same": "相同", "lower_tier": "同职能·下级", "higher_tier": "同职能·上级", "other_region": "同职能·他地",
               "changed": "牵头变化", "added": "新增牵头", "removed": "删除牵头", "none": "无牵头"}  # fmt: skip
CHANGE_LABELS = {"same": "不变", "tightened": "收紧", "loosened": "放宽", "moved": "顺延", "added": "新增",
                 "removed": "删除", "changed": "改变", "none": "无"}  # fmt: skip


def family(agency: Row) -> str:
    """The agency's function without the tier's marks: 国家卫生健康委员会 and 卫生健康局 are both 卫生健康."""
    return function_family(str(agency.get("function") or agency.get("name") or ""))


def _tier(agency: Row) -> int:
    return TIER_NUMBER.get(str(agency.get("level") or ""), len(TIER_NUMBER))


def _names(agencies: Iterable[Row]) -> list[str]:
    return [str(agency["name"]) for agency in agencies]


def lead_change(a: list[Row], b: list[Row]) -> dict[str, Any]:
    """How the lead of the notice's task (a) differs from the other's (b)."""
    fam_a, fam_b = {family(x) for x in a}, {family(x) for x in b}
    status = _lead_status(a, b, fam_a, fam_b)
    return {"status": status, "label": LEAD_LABELS[status], "before": _names(b), "after": _names(a),
            "functions_added": sorted(fam_a - fam_b), "functions_removed": sorted(fam_b - fam_a)}  # fmt: skip


def _lead_status(a: list[Row], b: list[Row], fam_a: set[str], fam_b: set[str]) -> str:
    if not a or not b:
        return "none" if not a and not b else ("added" if a else "removed")
    if fam_a != fam_b:
        return "changed"
    if {x.get("jurisdiction") for x in a} == {x.get("jurisdiction") for x in b}:
        return "same"
    tier_a, tier_b = min(_tier(x) for x in a), min(_tier(x) for x in b)
    return "lower_tier" if tier_a > tier_b else "higher_tier" if tier_a < tier_b else "other_region"


def cooperating_change(a: list[Row], b: list[Row]) -> dict[str, Any]:
    """The cooperating units whose function family is on one side only, by name."""
    fam_a, fam_b = {family(x) for x in a}, {family(x) for x in b}
    added = _names(x for x in a if family(x) not in fam_b)
    removed = _names(x for x in b if family(x) not in fam_a)
    return {"changed": bool(added or removed), "added": added, "removed": removed}


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _shifted(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; a month's last day stays its last day (deadlines are month ends: 2月底前)."""
    year = day.year + years
    last = calendar.monthrange(year, day.month)[1]
    at_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return day.replace(year=year, day=last if at_end else min(day.day, last))


def _by_date(a: dt.date, b: dt.date, shift: int) -> str:
    """Compare the notice's date with the other's, the other's moved on by the years between the notices."""
    moved = _shifted(b, shift)
    if a == moved:
        return "same" if shift == 0 or a == b else "moved"
    return "tightened" if a < moved else "loosened"


def deadline_change(a: Row, b: Row, shift: int) -> dict[str, Any]:
    """How the task's deadline moved; `shift` = the notice's year minus the other's."""
    date_a, date_b = _date(a.get("date")), _date(b.get("date"))
    kind_a, kind_b = a.get("kind") or "none", b.get("kind") or "none"
    if date_a and date_b:
        change = _by_date(date_a, date_b, shift)
    elif kind_a == kind_b:
        change = "same" if kind_a != "none" else "none"
    elif kind_b == "none":
        change = "added"
    elif kind_a == "none":
        change = "removed"
    else:
        change = "changed"
    return {"change": change, "label": CHANGE_LABELS[change], "before": b, "after": a}


def _year_month(value: object) -> dt.date | None:
    """A deadline target's value (YYYY or YYYY-MM) as the last month it allows."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?", str(value or ""))
    return dt.date(int(match.group(1)), int(match.group(2) or 12), 1) if match else None


def _numbers(targets: list[Row]) -> list[float]:
    return [float(t["value"]) for t in targets if isinstance(t.get("value"), int | float)]


def _target_kind(kind: str, a: list[Row], b: list[Row], shift: int) -> str:
    if not a or not b:
        return "added" if a else "removed"
    if kind == "deadline":
        dates_a = [d for d in map(_year_month, (t.get("value") for t in a)) if d]
        dates_b = [d for d in map(_year_month, (t.get("value") for t in b)) if d]
        return _by_date(max(dates_a), max(dates_b), shift) if dates_a and dates_b else "same"
    high_a, high_b = max(_numbers(a), default=0.0), max(_numbers(b), default=0.0)
    return "same" if high_a == high_b else "tightened" if high_a > high_b else "loosened"


def target_changes(a: list[Row], b: list[Row], shift: int) -> list[dict[str, Any]]:
    """One entry per target kind on either side: its texts before and after and the change."""
    kinds = sorted({str(t["kind"]) for t in [*a, *b]})
    changes = []
    for kind in kinds:
        of_a, of_b = [t for t in a if t["kind"] == kind], [t for t in b if t["kind"] == kind]
        change = _target_kind(kind, of_a, of_b, shift)
        changes.append({"kind": kind, "change": change, "label": CHANGE_LABELS[change],
                        "before": [str(t["text"]) for t in of_b], "after": [str(t["text"]) for t in of_a]})  # fmt: skip
    return changes


def programme_change(a: list[str], b: list[str]) -> dict[str, Any]:
    added, removed = sorted(set(a) - set(b)), sorted(set(b) - set(a))
    return {"changed": bool(added or removed), "added": added, "removed": removed}


def changes(a: Row, b: Row, shift: int) -> dict[str, Any]:
    """Every change from the other's task (b) to the notice's (a), and whether anything changed at all."""
    found: dict[str, Any] = {
        "lead": lead_change(a["leads"], b["leads"]),
        "cooperating": cooperating_change(a["cooperating"], b["cooperating"]),
        "deadline": deadline_change(a["deadline"], b["deadline"], shift),
        "targets": target_changes(a["targets"], b["targets"], shift),
        "programmes": programme_change(a["programmes"], b["programmes"]),
    }
    # A lead one tier down and a deadline carried to the next year are what taking a task over means: not changes.
    found["any"] = (
        found["lead"]["status"] not in ("same", "none", "lower_tier")
        or found["cooperating"]["changed"]
        or found["deadline"]["change"] not in ("same", "none", "moved")
        or any(t["change"] not in ("same", "moved") for t in found["targets"])
        or found["programmes"]["changed"]
    )
    return found
