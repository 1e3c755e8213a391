"""Files and folders → extraction records → the graph. What `policygraph ingest` and `demo` run.

Each file is read and extracted on its own: a file that cannot be read or understood becomes a `failed` outcome
with its reason, and the others go on. Then the records are loaded (graph/loader.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from graph.loader import LoadResult, Outcome, load_records
from graph.store import GraphStore
from ingest.extract import extract_text
from ingest.readers import read_document
from policygraph.errors import InputError

# What a folder is searched for; a file named on the command line is always tried, whatever its extension.
DOCUMENT_SUFFIXES = {".txt", ".text", ".html", ".htm", ".docx", ".pdf"}


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the document files inside folders (recursively, sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES))
        else:
            found.append(path)
    return found


def extract_file(path: Path) -> dict[str, Any]:
    """Read and extract one file into its JSON record (raises InputError with the reason)."""
    source = read_document(path)
    try:
        record = extract_text(source.text, str(path), source.sha256)
    except RecursionError as e:  # the extractor is rule-based; anything else it raises is a bug and should show
        raise InputError(str(path), "text too deeply nested to extract") from e
    return record.to_json()


def records_of(paths: list[Path], failures: list[Outcome], on_outcome: Callable[[Outcome], None] | None) -> Iterator[dict[str, Any]]:
    """Yield the record of each file that extracts; note the others as failed."""
    for path in paths:
        try:
            yield extract_file(path)
        except InputError as e:
            outcome = Outcome(str(path), "failed", None, e.reason)
            failures.append(outcome)
            if on_outcome:
                on_outcome(outcome)


def ingest_paths(
    store: GraphStore,
    paths: Iterable[Path],
    *,
    on_outcome: Callable[[Outcome], None] | None = None,
    batch_size: int = 50,
) -> LoadResult:
    """Extract and load every file; one bad file never stops the others."""
    failures: list[Outcome] = []
    result = load_records(store, records_of(expand(paths), failures, on_outcome), batch_size=batch_size,
                          on_outcome=on_outcome)  # fmt: skip
    result.outcomes = failures + result.outcomes
    return result
