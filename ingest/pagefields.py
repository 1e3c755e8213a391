"""Labelled metadata printed around a notice by sites, law databases and gazettes: 文号, signed and published dates.

    文号:晋政办发[2017]58号颁发日期:2017-05-12          (the value glued to the next label)
    | 发文机关 | 湖北省卫生健康委员会 | 发文字号 | 鄂卫发〔2019〕12号 |   (a metadata table: label cell, value cell)
    成文日期:2019年06月03日    索引号:000014349/2019-00056
    【发文字号】国办发〔2016〕26号【发布日期】2016.04.26                   (a law database's bracketed labels)

A label counts when a colon or a table cell's edge ("|" or a tab) follows it, or inside 【】. Its value runs to the next label, cell
edge or line end. The labels and what they stand for are data (`data/header_labels.csv`); a label whose value is
never used (索引号, 时效性) still ends the value before it, so an 索引号 is never read as a 文号 or a date.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from policygraph.ingest.dates import slot_date
from policygraph.ingest.docno import DocNo, find_doc_nos

DATA = Path(__file__).parent / "data"
_CELL_EDGE = "|\t"
_CHROME_SPAN = 3000  # characters at each end of a text where a page or database prints its metadata


@dataclass(frozen=True)
class Field:
    kind: str  # doc_no, signed, published or other (header_labels.csv)
    value: str
    start: int  # offset of the value in the searched text
    bracketed: bool = False  # a law database's label: 【发布日期】


@cache
def _labels() -> tuple[re.Pattern[str], dict[str, str]]:
    with (DATA / "header_labels.csv").open(encoding="utf-8", newline="") as f:
        rows = [row for row in csv.DictReader(f) if not row["label"].startswith("#")]
    kinds = {row["label"].strip(): row["field"].strip() for row in rows}
    names = "|".join(map(re.escape, sorted(kinds, key=len, reverse=True)))
    # A label, glued after a value or not ("…58号颁发日期:"), then a colon or a cell's edge; law databases print
    # it in lenticular brackets ("【发文字号】国办发〔2016〕26号【发布日期】…").
    return re.compile(rf"(?:【(?P<bracketed>{names})】|(?P<label>{names})[ ]*(?::|(?=[|\t])))[ |\t:]*"), kinds


@lru_cache(maxsize=4)
def fields(text: str) -> tuple[Field, ...]:
    """Every labelled field in `text`, in order. Cached: the header reader asks twice of the same text, and a scan
    for some forty labels costs more than the hash of the text."""
    pattern, kinds = _labels()
    # Chrome stands above and below a notice, never inside its body: only the ends are searched, which keeps a
    # long notice's scan short.
    head_end, tail_start = min(len(text), _CHROME_SPAN), max(_CHROME_SPAN, len(text) - _CHROME_SPAN)
    found = [*pattern.finditer(text, 0, head_end), *pattern.finditer(text, min(tail_start, len(text)))]
    result = []
    for k, m in enumerate(found):
        stop = found[k + 1].start() if k + 1 < len(found) else len(text)
        start = m.end()
        if text.startswith("\n", start) and start + 1 < stop:  # the value on the line under its label (a copied table)
            start += 1
        value = text[start:stop]
        cut = min((i for i in (value.find("\n"), *(value.find(e) for e in _CELL_EDGE)) if i >= 0), default=len(value))
        label = m.group("label") or m.group("bracketed")
        result.append(Field(kinds[label], value[:cut].strip(), start, m.group("bracketed") is not None))
    return tuple(result)


def opens_with_label(line: str) -> bool:
    """Whether a line opens with a label ("成文日期:…", "发文字号|…"): a metadata line of its own."""
    return _labels()[0].match(line) is not None


def labelled_doc_no(text: str) -> DocNo | None:
    """The first 文号 given under a 文号 label, its span in `text`."""
    for field in fields(text):
        if field.kind == "doc_no":
            found = find_doc_nos(field.value)
            if found:
                d = found[0]
                return DocNo(d.prefix, d.year, d.number, d.start + field.start, d.end + field.start)
    return None


def labelled_date(text: str, kind: str, bracketed_only: bool = False) -> str | None:
    """The first date given under a label of `kind` (signed or published); with `bracketed_only`, under a law
    database's 【】 label only."""
    for field in fields(text):
        if field.kind == kind and (field.bracketed or not bracketed_only):
            date = slot_date(field.value)
            if date:
                return date
    return None
