"""The filters the questions share, checked once for every caller (the API, the CLI, the Python client).

The API's own parameter types already refuse most bad values with a 422; these checks make the library refuse them
too when it is called directly (`g.top_leads(level="city")` in a notebook), with the same one-line InvalidParameter.
"""

from __future__ import annotations

from collections.abc import Iterable

from policygraph.core.errors import ONE_OF, InvalidParameter
from policygraph.core.i18n import N_
from policygraph.core.vocabulary import BASES, LEVELS

MAX_ROWS = 1_000_000  # a page bigger than this is a typo, not a question


def check_level(level: str | None) -> None:
    """None (every level) or one of the notice levels: national, provincial, prefectural, county, department."""
    if level is not None and level not in LEVELS:
        raise InvalidParameter("level", ONE_OF, level, {"name": "level", "choices": ", ".join(LEVELS), "value": level})


def check_basis(basis: Iterable[str]) -> list[str]:
    """The bases of the LEADS edges to count, as a list ([] is every basis); an unknown one is refused."""
    chosen = [basis] if isinstance(basis, str) else list(basis)
    for item in chosen:
        if item not in BASES:
            raise InvalidParameter("basis", ONE_OF, item, {"name": "basis", "choices": ", ".join(BASES), "value": item})
    return chosen


def check_year_range(year_from: int | None, year_to: int | None) -> None:
    """A range whose start is after its end names no year: refused, naming year_from."""
    if year_from is not None and year_to is not None and year_from > year_to:
        raise InvalidParameter("year_from", N_("year_from must not be after year_to (%(first)s > %(last)s)"),
                               values={"first": year_from, "last": year_to})  # fmt: skip


def check_page(skip: int, limit: int) -> None:
    """At least one row asked for, and no negative offset."""
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_ROWS:
        raise InvalidParameter("limit", N_("limit is a whole number from 1 to %(most)s, not %(value)r"), limit,
                               {"most": MAX_ROWS, "value": limit})  # fmt: skip
    if isinstance(skip, bool) or not isinstance(skip, int) or skip < 0:
        raise InvalidParameter("skip", N_("skip is a whole number from 0, not %(value)r"), skip, {"value": skip})
