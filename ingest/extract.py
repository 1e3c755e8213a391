"""One notice's text → a DocumentRecord: the extractor's entry point.

    normalise → gazetteer matches (spaCy) → numbered structure and task tables → header
              → tasks with roles, programmes, targets → citations

Every span in the record points into the ORIGINAL text passed in, through the normaliser's offset map. Extraction is
pure: the record depends on the text and the shipped data only, never on the notices extracted before it in the same
process (tests/test_determinism.py).
"""

from __future__ import annotations

from policygraph.ingest import regions
from policygraph.ingest.agencies import Context
from policygraph.ingest.citations import find_citations
from policygraph.ingest.coverage import measure
from policygraph.ingest.deadlines import heading_deadline, task_deadline
from policygraph.ingest.metadata import Header, read_header
from policygraph.ingest.normalise import NormalisedText, normalise
from policygraph.ingest.pipeline import Mentions, mentions
from policygraph.ingest.programmes import programmes_in
from policygraph.ingest.record import Deadline, DocumentRecord, Target, Task
from policygraph.ingest.roles import assign_roles
from policygraph.ingest.structure import TaskBlock, parse_structure
from policygraph.ingest.tables import parse_tables
from policygraph.ingest.targets import targets_by_range


def extract_text(text: str, source: str, sha256: str | None = None) -> DocumentRecord:
    """Extract the record of one notice from its text. `source` names the file; `sha256` is of its bytes."""
    norm = normalise(text)
    found = mentions(norm.text)
    structure = parse_structure(norm.text)
    blocks = sorted(structure.tasks + parse_tables(norm.text), key=lambda block: block.start)
    body_start = min([structure.body_start, *(block.start for block in blocks)])  # where the preamble ends
    header = read_header(norm.text, body_start)
    ranges = [(block.start, block.end) for block in blocks]
    targets = targets_by_range(norm, ranges, header.year)
    tasks = [
        _task(block, norm, found, task_targets, header.year)
        for block, task_targets in zip(blocks, targets, strict=True)
    ]
    assign_roles(tasks, blocks, norm, Context(header.region, found, _department(header)))
    record = DocumentRecord(
        source=source,
        doc_no=header.doc_no.text if header.doc_no else None,
        doc_no_prefix=header.doc_no.prefix if header.doc_no else None,
        issuer=header.issuer,
        issuer_kind=header.issuer_kind,
        level=header.level,
        region=regions.joined(header.region),
        date=header.date,
        year=header.year,
        title=header.title,
        cited=find_citations(norm, header, body_start),
        tasks=tasks,
        programmes=programmes_in(norm.text, 0, len(norm.text), found),
        sha256=sha256,
    )
    record.coverage = measure(record, norm, body_start)  # last: it reads the finished record
    return record


def _task(block: TaskBlock, norm: NormalisedText, found: Mentions, targets: list[Target], year: int | None) -> Task:
    text = norm.text[block.start : block.end]
    return Task(
        section=block.section,
        number=block.number,
        title=block.title,
        text=text,
        span=norm.span_to_original(block.start, block.end),
        programmes=programmes_in(norm.text, block.start, block.end, found),
        targets=targets,
        deadline=_deadline(block, text, norm, year),
    )


def _deadline(block: TaskBlock, text: str, norm: NormalisedText, year: int | None) -> Deadline:
    """The task's own deadline (its 完成时限 cell, a bracket, a label, its text); failing that, one printed in a bracket
    of the nearest heading above it that has one. `year` is the notice's, for 年内完成."""
    deadline = task_deadline(text, year, block.deadline)
    for start, end in block.headings:
        if deadline.kind != "none":
            break
        deadline = heading_deadline(norm.text[start:end], year)
    return deadline


def _department(header: Header) -> str | None:
    """For a department's own plan, the department whose 处室 the tasks are divided among."""
    if header.issuer_kind != "department" or not header.issuer:
        return None
    return header.issuer.removesuffix("办公室").removesuffix("办公厅")
