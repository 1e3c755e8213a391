"""pandas, when it is installed: the client's answers turn into DataFrames with `.to_pandas()`.

pandas is an optional extra (`pip install 'policygraph[pandas]'`): everything else works without it, and asking for a
DataFrame without it says in one line what to install.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pandas import DataFrame

MISSING = "to_pandas() needs pandas, which is not installed: pip install 'policygraph[pandas]'"


def pandas() -> Any:
    """The pandas module, or an ImportError that names the extra to install."""
    try:
        import pandas
    except ImportError:
        raise ImportError(MISSING) from None
    return pandas


def frame(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] | None = None) -> DataFrame:
    """A DataFrame of the rows, one column per key. Nested maps become dotted columns (`agency.name`, `agency.key`);
    lists stay whole in their cell. `columns` fixes the columns (and their order) of an empty answer too."""
    pd = pandas()
    if not rows:
        return pd.DataFrame(columns=list(columns or []))
    found: DataFrame = pd.json_normalize([dict(row) for row in rows])
    return found
