"""Extraction records kept on disk, to be read more than once without holding a corpus in memory.

The bulk path reads its records twice (the keys first, to know which write of each key stays; then the content).
For 50,000 notices that is gigabytes as Python objects, so `policygraph ingest --bulk` spools the records the
workers extract to a temporary file, one pickle each, and the bulk loader reads them back as often as it needs.
The file is written and read by this process only (never a file from elsewhere), and goes when the spool closes.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any


class Spool:
    """An append-only sequence of records in a temporary file, read whole as often as needed (one reader at a time)."""

    def __init__(self, directory: Path | None = None) -> None:
        # Kept open for the spool's life and closed by close() / the with-block: not a context manager here.
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="policygraph-spool-", dir=directory)  # noqa: SIM115
        self._count = 0

    def extend(self, records: Iterable[Mapping[str, Any]]) -> None:
        for record in records:
            pickle.dump(dict(record), self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._count += 1
        self._file.flush()

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[dict[str, Any]]:
        self._file.seek(0)
        for _ in range(self._count):
            record: dict[str, Any] = pickle.load(self._file)  # written above by this process
            yield record

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
