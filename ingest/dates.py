"""Dates as printed in notices: 2021年10月27日, 二〇二一年十月二十七日 (also with ○ or 零) → ISO 8601.

Where a date is expected (after a 日期 label, at a signature), two more forms count: digits with separators
(2017-05-12, 2017.05.12, 2017/5/12) and damaged dates with some or all of 年月日 dropped (2018年3月15, 20180315,
2018315). Digits run together are read only when one split into month and day makes a calendar date
(2018315 → 03-15); 2019111 (1-11 or 11-1) stays unread.
Elsewhere such digits are page timestamps, 索引号 or amounts, never a date.
"""

from __future__ import annotations

import datetime
import re

_CN = "〇○零一二三四五六七八九十"
_CN_VALUE = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

DATE = re.compile(rf"([0-9]{{4}}|[{_CN}]{{4}})年([0-9]{{1,2}}|[{_CN}]{{1,3}})月([0-9]{{1,2}}|[{_CN}]{{1,3}})日")
# A line that is nothing but a date: the signature date. "…日印发" lines are the printing date, not the signature.
DATE_LINE = re.compile(rf"^{DATE.pattern}$")
PRINTED_LINE = re.compile(rf"^{DATE.pattern}印发$")
SEPARATED_DATE = re.compile(r"((?:19|20)[0-9]{2})([-./])([0-9]{1,2})\2([0-9]{1,2})(?![0-9])")
# An organ's name and the date on one line, as web copies print a signature: 临江市人民政府办公室2018年3月15日, also
# with the (此件公开发布) note after it.
SIGNATURE_LINE = re.compile(
    rf"^(?P<organ>[\u4e00-\u9fff]{{2,36}}?(?:人民政府|政府|办公厅|办公室|领导小组|委员会|委|厅|局|院))?"
    rf"(?P<date>{DATE.pattern})(?:\(此件[^()]{{0,12}}\))?$"
)
# A line that is only a date with separators, a digit run, or a printed date with 年, 月 or 日 dropped: a date slot
# when it stands under a signature.
BARE_DATE_LINE = re.compile(r"^(?:19|20)[0-9]{2}[-./年]?[0-9]{1,2}[-./月]?[0-9]{1,2}日?$")
_DAMAGED_PRINTED = re.compile(r"(?:19|20)[0-9]{2}[0-9年月日]{2,7}(?![0-9])")


def _number(text: str) -> int:
    """An Arabic or Chinese number of up to four digits: "2021", "二〇二一", "十", "二十七"."""
    if text.isdigit():
        return int(text)
    if "十" in text:  # 十, 十二, 二十, 二十七
        tens, _, ones = text.partition("十")
        return (_CN_VALUE[tens] if tens else 1) * 10 + (_CN_VALUE[ones] if ones else 0)
    value = 0
    for ch in text:  # digit by digit: 二〇二一
        value = value * 10 + _CN_VALUE[ch]
    return value


def to_iso(match: re.Match[str]) -> str | None:
    """`YYYY-MM-DD` for a DATE match, or None when the parts are not a calendar date."""
    year, month, day = (_number(g) for g in match.groups())
    if not (1949 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_date(text: str) -> str | None:
    """The first date in `text` as `YYYY-MM-DD`, or None."""
    m = DATE.search(text)
    return to_iso(m) if m else None


def year_number(text: str) -> int:
    """A four-digit year in Arabic or Chinese digits: "2021" or "二〇二一" → 2021."""
    return _number(text)


def slot_date(text: str) -> str | None:
    """The date at the start of a date slot's text: printed, with separators, or an unambiguous digit run."""
    text = text.strip()
    m = DATE.match(text)
    if m:
        return to_iso(m)
    m = SEPARATED_DATE.match(text)
    if m:
        return _calendar(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    m = _DAMAGED_PRINTED.match(text)
    return _damaged_date(m.group(0)) if m else None


def _damaged_date(printed: str) -> str | None:
    """A date with 年, 月 or 日 dropped (2018年3月15, 2018年315日, 20183月15日) or all of them (20180315)."""
    groups = re.findall("[0-9]+", printed)
    if len(groups) == 3:
        return _calendar(*(int(g) for g in groups))
    if len(groups) == 2 and len(groups[0]) == 4:  # 2018年315日: the month and day run together
        return digit_run_date(printed[:4] + groups[1])
    if len(groups) == 2 and len(groups[0]) in (5, 6):  # 20183月15日
        return _calendar(int(groups[0][:4]), int(groups[0][4:]), int(groups[1]))
    return digit_run_date(groups[0]) if len(groups) == 1 else None


def digit_run_date(run: str) -> str | None:
    """A date whose 年月日 were dropped: the year, then the one month/day split that is a calendar date."""
    year, rest = int(run[:4]), run[4:]
    readings = set()
    for cut in (1, 2):  # a month of one or two digits, the rest is the day
        month, day = rest[:cut], rest[cut:]
        iso = _calendar(year, int(month), int(day)) if 1 <= len(day) <= 2 else None
        if iso:
            readings.add(iso)
    return readings.pop() if len(readings) == 1 else None


def _calendar(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat() if 1949 <= year <= 2100 else None
    except ValueError:
        return None
