"""Rows kept on disk, to be read again without holding a corpus in memory.

`policygraph ingest --bulk` has every notice extracted, and its graph rows built, before the first write (the bulk
path must know which write of each key stays). For 50,000 notices those rows are gigabytes as Python objects, so
they are spooled to a temporary file, one pickle each, and read back once the extraction is over.
The file is written and read by this process only (never a file from elsewhere), and goes when the spool closes.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Generic, TypeVar

Item = TypeVar("Item")


class Spool(Generic[Item]):
    """An append-only sequence of records in a temporary file, read whole as often as needed (one reader at a time)."""

    def __init__(self, directory: Path | None = None) -> None:
        # Kept open for the spool's life and closed by close() / the with-block: not a context manager here.
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="policygraph-spool-", dir=directory)  # noqa: SIM115
        self._count = 0

    def extend(self, items: Iterable[Item]) -> None:
        for item in items:
            pickle.dump(item, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._count += 1
        self._file.flush()

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Item]:
        self._file.seek(0)
        for _ in range(self._count):
            item: Item = pickle.load(self._file)  # written above by this process
            yield item

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Spool[Item]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
