"""Files, folders and web addresses → extraction records → the graph. What `policygraph ingest` and `demo` run.

Each file is read and extracted on its own: a file that cannot be read or understood becomes a `failed` outcome
with its reason, and the others go on. A URL is fetched first (ingest/fetch.py), in this process, one after the
other (the fetcher paces its requests to each host), before the graph is locked for writing; what it gave is then
extracted here and joins the files as an `Extracted` item, or fails with its reason like a bad file. Then the
records are loaded (graph/loader.py).

One writer per graph at a time (graph/writer.py): a second `policygraph ingest`, API upload or correction on this
machine waits for the first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policygraph.core.errors import InputError
from policygraph.graph import corrections
from policygraph.graph.bulk import bulk_load
from policygraph.graph.bulk_order import full_row, key_fields, safely
from policygraph.graph.loader import LoadResult, Outcome, load_records
from policygraph.graph.parallel import bounded_map
from policygraph.graph.spool import Spool
from policygraph.graph.store import GraphStore
from policygraph.graph.writer import one_writer
from policygraph.ingest import corrections as correction_file
from policygraph.ingest.extract import extract_text
from policygraph.ingest.fetch import Fetcher, read_fetched
from policygraph.ingest.readers import SourceText, read_document

# What a folder is searched for; a file named on the command line is always tried, whatever its extension.
DOCUMENT_SUFFIXES = {".txt", ".text", ".html", ".htm", ".docx", ".pdf"}
NO_NOTICE = "no notice found: neither a title nor numbered tasks"
# Starting a spawned worker costs ~3.6 s here (imports, the gazetteer, spaCy), and a notice ~20-26 ms to extract:
# with 2 cores the pool pays off beyond ~300 files; fewer are extracted in this process.
POOL_MIN_FILES = 300


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the document files inside folders (recursively, sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES))
        else:
            found.append(path)
    return found


def extract_source(source: SourceText, name: str) -> dict[str, Any]:
    """Extract a read document into its JSON record; InputError when no notice is found in it.

    A text without a title and without numbered tasks (a web page's leftovers, one endless line) is not a notice:
    loading it would add a Document keyed on nothing."""
    try:
        record = extract_text(source.text, name, source.sha256)
    except RecursionError as e:  # the extractor is rule-based; anything else it raises is a bug and should show
        raise InputError(name, "text too deeply nested to extract") from e
    if not record.title and not record.tasks:
        raise InputError(name, NO_NOTICE)
    record.retrieved = source.retrieved
    return record.to_json()


def extract_file(path: Path) -> dict[str, Any]:
    """Read and extract one file into its JSON record (raises InputError with the reason)."""
    return extract_source(read_document(path), str(path))


@dataclass(frozen=True)
class Extracted:
    """An input extracted already (a fetched URL): its record, or why there is none. Goes where a file path goes."""

    source: str
    record: dict[str, Any] | None
    reason: str | None = None


Input = Path | Extracted


def name_of(item: Input) -> str:
    return item.source if isinstance(item, Extracted) else str(item)


def extract_url(url: str, fetcher: Fetcher) -> Extracted:
    """Fetch, read and extract one URL; a failure at any step is kept as its reason."""
    try:
        return Extracted(url, extract_source(read_fetched(fetcher.fetch(url)), url))
    except InputError as e:
        return Extracted(url, None, e.reason)


def fetch_all(urls: Sequence[str], fetcher: Fetcher | None) -> list[Extracted]:
    """Every URL's record or reason, in order (a Fetcher with the default policy, closed after, when none is given)."""
    if fetcher is not None:
        return [extract_url(url, fetcher) for url in urls]
    if not urls:
        return []
    with Fetcher() as client:
        return [extract_url(url, client) for url in urls]


def extract_or_reason(path: Input) -> tuple[dict[str, Any] | None, str | None]:
    """(record, None), or (None, why not): what a worker process sends back for one file."""
    if isinstance(path, Extracted):
        return path.record, path.reason
    try:
        return extract_file(path), None
    except InputError as e:
        return None, e.reason


def records_of(
    paths: Sequence[Input], failures: list[Outcome], on_outcome: Callable[[Outcome], None] | None, workers: int = 1
) -> Iterator[dict[str, Any]]:
    """Yield the record of each file that extracts, in the files' order, extracted by `workers` processes while
    the caller loads; note the others as failed."""
    for path, (record, reason) in zip(paths, bounded_map(extract_or_reason, paths, workers=workers), strict=True):
        if record is not None:
            yield record
            continue
        note_failure(Outcome(name_of(path), "failed", None, reason), failures, on_outcome)


def extract_for_bulk(path: Input) -> tuple[dict[str, Any] | None, dict[str, Any] | str | None, str | None]:
    """(the record's key fields, its graph rows or why they cannot be made, None), or (None, None, why the file is no
    notice): what a worker process sends back for one file on the bulk path, rows included, so that the costly
    rows (graph/rows.py) are built by the workers too."""
    record, reason = extract_or_reason(path)
    if record is None:
        return None, None, reason
    return key_fields(record), safely(full_row, record), None


def bulk_ingest(
    store: GraphStore,
    files: Sequence[Input],
    failures: list[Outcome],
    on_outcome: Callable[[Outcome], None] | None,
    on_extracted: Callable[[], None] | None,
    *,
    workers: int,
    batch_size: int,
) -> LoadResult:
    """Extract every file (and build its rows) in the workers, spooling the rows to disk, then build the graph with
    graph/bulk.py in one go: into a new graph swapped in at the end on FalkorDB, into the empty graph on Neo4j."""
    keys: list[dict[str, Any]] = []
    with Spool[dict[str, Any] | str]() as rows:
        for path, (key, row, reason) in zip(files, bounded_map(extract_for_bulk, files, workers=workers), strict=True):
            if on_extracted:
                on_extracted()
            if key is None:
                note_failure(Outcome(name_of(path), "failed", None, reason), failures, on_outcome)
                continue
            keys.append(key)
            rows.extend([row if row is not None else "no rows"])
        result = bulk_load(store, keys, rows=rows, batch_size=batch_size)
    for outcome in result.outcomes:
        if on_outcome:
            on_outcome(outcome)
    return result


def note_failure(outcome: Outcome, failures: list[Outcome], on_outcome: Callable[[Outcome], None] | None) -> None:
    failures.append(outcome)
    if on_outcome:
        on_outcome(outcome)


def ingest_paths(
    store: GraphStore,
    paths: Iterable[Path],
    *,
    on_outcome: Callable[[Outcome], None] | None = None,
    batch_size: int = 50,
    corrections_file: Path | None = None,
    workers: int = 1,
    bulk: bool = False,
    on_extracted: Callable[[], None] | None = None,
    urls: Sequence[str] = (),
    fetcher: Fetcher | None = None,
) -> LoadResult:
    """Extract and load every file and URL (fetched by `fetcher`, first); one bad input never stops the others. Then
    the analysts' corrections file, when given, is applied (a file that does not parse or contradicts itself is
    refused before anything is loaded).

    `workers` processes extract while the loader writes. `bulk` builds the graph in one go (graph/bulk.py) for big
    loads into an empty graph; its outcomes come once all is extracted (`on_extracted` is told of each file)."""
    listed = correction_file.read_file(corrections_file) if corrections_file else []
    failures: list[Outcome] = []
    files: list[Input] = [*fetch_all(urls, fetcher), *expand(paths)]
    workers = workers if len(files) >= POOL_MIN_FILES else 1
    with one_writer(store):
        if bulk:
            result = bulk_ingest(store, files, failures, on_outcome, on_extracted, workers=workers,
                                 batch_size=batch_size)  # fmt: skip
        else:
            result = load_records(store, records_of(files, failures, on_outcome, workers), batch_size=batch_size,
                                  on_outcome=on_outcome)  # fmt: skip
        apply_corrections(store, listed, str(corrections_file), result)
    result.outcomes = failures + result.outcomes
    return result


def apply_corrections(store: GraphStore, listed: list[correction_file.Correction], source: str,
                      result: LoadResult) -> None:  # fmt: skip
    """Re-apply the corrections after a load and note in `result` how many held and which are orphaned."""
    if not listed:
        return
    applied = corrections.apply(store, listed)
    result.corrections_applied = len(applied.applied)
    result.orphaned_corrections = [orphan.line(source) for orphan in applied.orphans]
