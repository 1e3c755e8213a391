"""How the client's answers show in Jupyter: small HTML tables in which every value is escaped.

The graph holds text read from notices anyone can write, so a title or an agency name may hold `<script>`: every
value, column name and caption goes through `html.escape` before it reaches the page. Long answers show their first
rows (the whole answer stays in the object: `.to_pandas()` has every row); long values are cut with an ellipsis.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

MAX_ROWS = 50  # rows shown in a notebook cell
MAX_CELL = 120  # characters shown of one value

STYLE = "border-collapse:collapse;font-size:0.9em"
CELL = "text-align:left;vertical-align:top;padding:2px 8px;border-bottom:1px solid #ddd"


def text_of(value: Any) -> str:
    """A value as a cell shows it: text as is, nothing for null, lists and maps as JSON; cut when long."""
    if value is None:
        return ""
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool | int | float):
        text = str(value)
    else:
        text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def flat(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row with its nested maps spread into dotted columns (agency → agency.key, agency.name …), as in pandas."""
    spread: dict[str, Any] = {}
    for name, value in row.items():
        if isinstance(value, Mapping) and value:
            spread.update({f"{name}.{inner}": item for inner, item in flat(value).items()})
        else:
            spread[name] = value
    return spread


def columns_of(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """Every key of the rows, in the order they first appear."""
    return list(dict.fromkeys(key for row in rows for key in row))


def table(rows: Sequence[Mapping[str, Any]], caption: str, *, header: bool = True) -> str:
    """An HTML table of the first MAX_ROWS rows, with the caption (and how many rows were left out) above it."""
    shown = [flat(row) for row in rows[:MAX_ROWS]]
    columns = columns_of(shown)
    if len(rows) > len(shown):
        caption += f" (the first {len(shown)} shown; .to_pandas() has them all)"
    names = "".join(f'<th style="{CELL}">{escape(str(column))}</th>' for column in columns)
    head = f"<thead><tr>{names}</tr></thead>" if header else ""
    body = "".join(
        "<tr>" + "".join(f'<td style="{CELL}">{escape(text_of(row.get(column)))}</td>' for column in columns) + "</tr>"
        for row in shown
    )
    return (
        f'<table style="{STYLE}"><caption style="text-align:left">{escape(caption)}</caption>'
        f"{head}<tbody>{body}</tbody></table>"
    )


def fields(record: Mapping[str, Any], title: str) -> str:
    """A record's plain values (not its lists of rows) as a two-column table: name, value."""
    rows = [{"field": name, "value": text_of(value)} for name, value in record.items() if not is_rows(value)]
    return table(rows, title, header=False)


def is_rows(value: Any) -> bool:
    """A list of maps: shown as a table of its own rather than as one value."""
    return isinstance(value, list) and bool(value) and all(isinstance(item, Mapping) for item in value)


def heading(text: str) -> str:
    return f"<p><strong>{escape(text)}</strong></p>"
