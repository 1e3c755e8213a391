"""The shape of the client's answers: `Rows`, a list of plain dicts (one per row, the very dicts the API answers as
JSON), which shows as a table in Jupyter and turns into a pandas DataFrame with `.to_pandas()`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, SupportsIndex, overload

from policygraph.client import frames, html

if TYPE_CHECKING:
    from pandas import DataFrame

Row = dict[str, Any]
PRETTY_ROWS = 10  # rows IPython prints as text (Jupyter shows the HTML table)


class Rows(list[Row]):
    """Rows of an answer: a list of dicts, one per row, keys as columns.

    Use it as a list (`rows[0]["name"]`, `len(rows)`, `for row in rows`); in Jupyter it shows as a table (values
    escaped, the first 50 rows). `.to_pandas()` gives a DataFrame in which nested maps become dotted columns
    (`agency.name`). `has_more` is True when the answer was cut at the `limit` you asked for: ask again with a higher
    limit to see the rest. `title` says what the rows answer; it heads the table.
    """

    def __init__(self, rows: Iterable[Row] = (), *, has_more: bool = False, title: str = "") -> None:
        super().__init__(rows)
        self.has_more = has_more
        self.title = title

    @overload
    def __getitem__(self, index: SupportsIndex) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> Rows: ...

    def __getitem__(self, index: SupportsIndex | slice) -> Row | Rows:
        """A row, or for a slice (`rows[:5]`) Rows again, so it still shows as a table."""
        if isinstance(index, slice):
            return Rows(super().__getitem__(index), title=self.title)
        return super().__getitem__(index)

    @property
    def columns(self) -> list[str]:
        """Every key of the rows, in the order they first appear."""
        return html.columns_of(self)

    def to_pandas(self) -> DataFrame:
        """A pandas DataFrame of the rows (needs the `pandas` extra: pip install 'policygraph[pandas]')."""
        return frames.frame(self)

    def caption(self) -> str:
        count = f"{len(self)} row{'' if len(self) == 1 else 's'}" + (" (more: raise limit)" if self.has_more else "")
        return f"{self.title}: {count}" if self.title else count

    def _repr_html_(self) -> str:
        return html.table(self, self.caption())

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """How IPython prints the rows as text: the first ten as a list, then how many more there are."""
        printer.pretty(list(self)[:PRETTY_ROWS])
        if len(self) > PRETTY_ROWS:
            printer.text(f"\n… and {len(self) - PRETTY_ROWS} more rows ({self.caption()})")
