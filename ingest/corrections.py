"""Analysts' corrections: the file format (docs/corrections.md), read, checked and written. Pure: no database.

One TOML file, one `[[correction]]` table per correction, reviewable in git. A correction is either of a notice
(its 文号, issuer, level, region, date or IMPLEMENTS parent) or of one task (its lead and cooperating agencies, its
deadline). A task is named by its ordinal AND its number and title as printed, so that a re-extraction that moves
or rewrites the task is noticed instead of correcting the wrong one.

A file with one bad correction is refused whole: nothing of it is applied, and the error names the file, the line
of the correction and the reason. Half a file applied would leave the graph in a state nobody reviewed.

The file is written by appending a block of text (`append`), not by re-serialising it: the analysts' comments and
layout survive, and a diff shows exactly the correction added.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import re
import tempfile
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policygraph.core.errors import BadInput
from policygraph.core.vocabulary import DEADLINE_KINDS, LEVELS, DeadlineKind
from policygraph.ingest.record import Deadline

# Fields of a notice a correction may set; `parent` is the IMPLEMENTS parent's key (its 文号, or region|year|title).
DOCUMENT_FIELDS = ("doc_no", "issuer", "level", "region", "date", "parent")
TASK_FIELDS = ("lead", "cooperating", "deadline")
REFERENCE_KEYS = ("notice", "task", "number", "title", "note", "corrected_on")
KNOWN_KEYS = frozenset(REFERENCE_KEYS + DOCUMENT_FIELDS + TASK_FIELDS)
HEADER = re.compile(r"^[ \t]*\[\[[ \t]*correction[ \t]*\]\]", re.MULTILINE)
TOML_LINE = re.compile(r"at line (\d+)")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PREAMBLE = (
    "# PolicyGraph corrections (docs/corrections.md): one [[correction]] table per correction.\n"
    "# Applied at every ingest; `policygraph correct` and the API append to this file.\n"
)


class CorrectionError(BadInput):
    """A corrections file, or one correction, refused: `where` is `file:line`."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}", parameter="correction")
        self.where = where
        self.reason = reason


@dataclass(frozen=True)
class TaskRef:
    """A task as the analyst saw it: position in the notice, number and title as printed."""

    ordinal: int
    number: str
    title: str


@dataclass(frozen=True)
class Correction:
    notice: str  # the notice's graph key (graph/rows.py document_key): its 文号, or region|year|title
    note: str
    corrected_on: str  # YYYY-MM-DD
    task: TaskRef | None = None
    lead: tuple[str, ...] | None = None
    cooperating: tuple[str, ...] | None = None
    deadline: Deadline | None = None
    fields: Mapping[str, str | None] = field(default_factory=dict)  # document field → value (None clears it)
    line: int = 0  # of its [[correction]] header in the file; 0 before it is written

    def changes(self) -> list[str]:
        """The names of what this correction sets."""
        task = [name for name in TASK_FIELDS if getattr(self, name) is not None]
        return task + list(self.fields)

    def to_table(self) -> dict[str, Any]:
        """The TOML table (and the API's JSON) of this correction."""
        table: dict[str, Any] = {"notice": self.notice}
        if self.task:
            table |= {"task": self.task.ordinal, "number": self.task.number, "title": self.task.title}
        if self.lead is not None:
            table["lead"] = list(self.lead)
        if self.cooperating is not None:
            table["cooperating"] = list(self.cooperating)
        if self.deadline is not None:
            table["deadline"] = {k: v for k, v in self.deadline.to_json().items() if v is not None}
        table |= {name: value for name, value in self.fields.items()}
        return table | {"note": self.note, "corrected_on": self.corrected_on}


@dataclass(frozen=True)
class Orphan:
    """A correction whose target is gone: the notice is not in the graph, or the task no longer matches."""

    correction: Correction
    reason: str

    def line(self, source: str) -> str:
        return f"{source}:{self.correction.line}: orphaned correction of {self.correction.notice}: {self.reason}"


# ---- reading ----------------------------------------------------------------------------------------------------


def parse_text(text: str, source: str) -> list[Correction]:
    """Every correction of a file's text, checked one by one and against each other; CorrectionError otherwise."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        found = TOML_LINE.search(str(e))  # tomllib says "at line N", or "at end of document"
        line = found.group(1) if found else max(1, text.rstrip("\n").count("\n") + 1)
        raise CorrectionError(f"{source}:{line}", f"not valid TOML: {e}") from None
    unknown = sorted(set(data) - {"correction"})
    if unknown:
        raise CorrectionError(f"{source}:1", f"unknown top-level key {unknown[0]!r}: write [[correction]] tables")
    tables = data.get("correction", [])
    if not isinstance(tables, list):
        raise CorrectionError(f"{source}:1", "`correction` must be an array of tables: write [[correction]]")
    lines = [text.count("\n", 0, m.start()) + 1 for m in HEADER.finditer(text)]
    corrections = []
    for position, table in enumerate(tables):
        line = lines[position] if position < len(lines) else 1
        try:
            corrections.append(from_table(table, line))
        except ValueError as e:
            raise CorrectionError(f"{source}:{line}", str(e)) from None
    check_consistent(corrections, source)
    return corrections


def read_file(path: Path) -> list[Correction]:
    """The corrections of a file; none when it does not exist yet."""
    if not path.exists():
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise CorrectionError(f"{path}:1", f"cannot read: {e}") from None
    return parse_text(text, str(path))


def from_table(table: Mapping[str, Any], line: int = 0) -> Correction:
    """One correction from its TOML table or JSON object; ValueError with the reason when it is not right."""
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r} (known: {', '.join(sorted(KNOWN_KEYS))})")
    notice = _text(table, "notice", required=True)
    correction = Correction(
        notice=notice or "",
        note=_text(table, "note", required=True) or "",
        corrected_on=_date(table.get("corrected_on"), "corrected_on", required=True) or "",
        task=_task_ref(table),
        lead=_names(table, "lead"),
        cooperating=_names(table, "cooperating"),
        deadline=_deadline(table.get("deadline")),
        fields=_document_fields(table),
        line=line,
    )
    _check_one(correction)
    return correction


def _check_one(correction: Correction) -> None:
    if not correction.changes():
        raise ValueError(f"corrects nothing: set one of {', '.join(TASK_FIELDS + DOCUMENT_FIELDS)}")
    task_changes = [name for name in TASK_FIELDS if getattr(correction, name) is not None]
    if task_changes and correction.task is None:
        raise ValueError(f"{task_changes[0]} is a task's: name the task with task, number and title")
    if correction.fields and correction.task is not None:
        raise ValueError(f"{next(iter(correction.fields))} is the notice's: a correction is of a notice or of a task")
    both = set(correction.lead or ()) & set(correction.cooperating or ())
    if both:
        raise ValueError(f"{sorted(both)[0]} is both lead and cooperating")


def _text(table: Mapping[str, Any], key: str, *, required: bool = False) -> str | None:
    value = table.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{key} must be a non-empty string")
    return value.strip()


def _date(value: Any, key: str, *, required: bool = False) -> str | None:
    if value is None and not required:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, str) and ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise ValueError(f"{key} must be a date, YYYY-MM-DD")


def _task_ref(table: Mapping[str, Any]) -> TaskRef | None:
    if not any(key in table for key in ("task", "number", "title")):
        return None
    ordinal = table.get("task")
    if not isinstance(ordinal, int) or isinstance(ordinal, bool) or ordinal < 1:
        raise ValueError("task must be the task's position in the notice, a whole number from 1")
    return TaskRef(ordinal, _text(table, "number", required=True) or "", _text(table, "title", required=True) or "")


def _names(table: Mapping[str, Any], key: str) -> tuple[str, ...] | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(name, str) and name.strip() for name in value):
        raise ValueError(f"{key} must be a list of agency names (an empty list removes them all)")
    names = [name.strip() for name in value]
    if len(set(names)) != len(names):
        raise ValueError(f"{key} names an agency twice")
    return tuple(names)


def _deadline(value: Any) -> Deadline | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ValueError("deadline must be a table: {kind = ..., date = ..., as_written = ...}")
    unknown = sorted(set(value) - {"kind", "date", "as_written"})
    if unknown:
        raise ValueError(f"deadline has an unknown key {unknown[0]!r}")
    kind = value.get("kind")
    if kind not in DEADLINE_KINDS:
        raise ValueError(f"deadline.kind must be one of {', '.join(DEADLINE_KINDS)}")
    date = _date(value.get("date"), "deadline.date")
    if (kind == "by_date") != (date is not None):
        raise ValueError("deadline.date is given exactly when deadline.kind is by_date")
    as_written = _text(value, "as_written")
    if kind == "none" and as_written:
        raise ValueError("a deadline of kind none has nothing as written")
    deadline_kind: DeadlineKind = kind
    return Deadline(as_written=as_written, date=date, kind=deadline_kind)


def _document_fields(table: Mapping[str, Any]) -> dict[str, str | None]:
    fields: dict[str, str | None] = {}
    for name in DOCUMENT_FIELDS:
        if name not in table:
            continue
        fields[name] = _date(table[name], name, required=True) if name == "date" else _text(table, name, required=True)
    if "level" in fields and fields["level"] not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}")
    return fields


def check_consistent(corrections: Iterable[Correction], source: str) -> None:
    """Refuse two corrections that set the same thing of the same target differently, and an agency made both lead
    (by one correction) and cooperating (by another) on one task."""
    seen: dict[tuple[str, int, str], tuple[Any, Correction]] = {}
    for correction in corrections:
        ordinal = correction.task.ordinal if correction.task else 0
        for name in correction.changes():
            value = getattr(correction, name) if name in TASK_FIELDS else correction.fields[name]
            earlier = seen.setdefault((correction.notice, ordinal, name), (value, correction))
            if earlier[0] != value:
                raise CorrectionError(f"{source}:{correction.line}",
                                      f"contradicts the correction at line {earlier[1].line}: {name} set differently")  # fmt: skip
    for (notice, ordinal, name), (lead, correction) in seen.items():
        if name != "lead":
            continue
        cooperating = seen.get((notice, ordinal, "cooperating"))
        both = set(lead) & set(cooperating[0]) if cooperating else set()
        if cooperating and both:
            later = max(correction.line, cooperating[1].line)
            raise CorrectionError(
                f"{source}:{later}", f"{sorted(both)[0]} is both lead and cooperating of task {ordinal}"
            )


# ---- writing ----------------------------------------------------------------------------------------------------


def toml_string(value: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, except that TOML also wants DEL escaped."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"no TOML form for {type(value).__name__}")


def render(correction: Correction) -> str:
    """The `[[correction]]` block of one correction."""
    lines = ["[[correction]]"] + [f"{key} = {_toml_value(value)}" for key, value in correction.to_table().items()]
    return "\n".join(lines) + "\n"


def append(path: Path, correction: Correction, accept: Callable[[Correction], None] | None = None) -> Correction:
    """Add a correction to the file, unless the file with it would be refused (CorrectionError, file unchanged)
    or `accept` raises on it (it gets the correction with its line). Returns the correction with its line. The file
    is replaced atomically, under a lock against other writers."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with (path.parent / f".{path.name}.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        old = path.read_text(encoding="utf-8") if path.exists() else PREAMBLE
        text = old + ("" if old.endswith("\n") else "\n") + "\n" + render(correction)
        written = parse_text(text, str(path))[-1]
        if accept:
            accept(written)
        _replace(path, text)
    return written


def _replace(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "w", encoding="utf-8") as f:
        f.write(text)
    if path.exists():
        os.chmod(temporary, path.stat().st_mode)  # mkstemp makes it private; keep the file's own mode
    else:
        os.chmod(temporary, 0o644)
    os.replace(temporary, path)
