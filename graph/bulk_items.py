"""What the bulk path's stream is made of (graph/bulk_rows.py makes it; graph/bulk_falkordb.py and
graph/bulk_neo4j.py write it): nodes, edges, the end of a notice's items, and the properties each label and type
can carry."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

Props = dict[str, Any]
NodeRef = tuple[str, str]  # (label, natural key): Region nodes are keyed by code, all others by key


@dataclass(frozen=True)
class Node:
    label: str
    key: str
    properties: Props


@dataclass(frozen=True)
class Edge:
    type: str
    source: NodeRef
    target: NodeRef
    properties: Props


class RowEnd:
    """Marks the end of one notice's items in the stream: the tasks and targets it owns are never referred to
    again, so an importer can forget their ids."""


ROW_END = RowEnd()
OWNED_LABELS = frozenset({"Task", "Target"})
Item = Node | Edge | RowEnd

KEY_PROPERTY = {"Region": "code"}  # every other label is keyed by `key`

DOCUMENT_FIELDS = ("doc_no", "doc_no_prefix", "title", "issuer", "issuer_kind", "level", "tier", "region", "date",
                   "year", "sha256", "source", "series", "retrieved")  # fmt: skip
STUB_FIELDS = ("doc_no", "doc_no_prefix", "issuer", "level", "tier", "year", "region", "series")
AGENCY_FIELDS = ("name", "jurisdiction", "level", "kind", "function")
TASK_FIELDS = ("key", "ordinal", "section", "number", "title", "text", "search_text", "span", "deadline_kind",
               "deadline_date", "deadline_as_written")  # fmt: skip
ROLE_FIELDS = ("basis", "quote", "span", "as_written")
TARGET_FIELDS = ("key", "text", "kind", "value", "span")
CITES_FIELDS = ("relation", "quote", "span")

# The properties a node of each label, or an edge of each type, can have when it is sent (Document: its key; the
# rest of a Document is set afterwards). An importer that needs one header per label or type uses these.
PROPERTIES: dict[str, tuple[str, ...]] = {
    "Document": ("key",),
    "Task": (*TASK_FIELDS, "year", "level", "region"),
    "Target": TARGET_FIELDS,
    "Agency": ("key", *AGENCY_FIELDS),
    "Programme": ("key", "name"),
    "Region": ("code", "name", "level", "path"),
    "CITES": CITES_FIELDS,
    "LEADS": ROLE_FIELDS,
    "COOPERATES_ON": ROLE_FIELDS,
    "PART_OF": (),
    "IN_REGION": (),
    "ISSUED_BY": (),
    "HAS_TASK": (),
    "MENTIONS": (),
    "SETS": (),
}


def present(props: Mapping[str, Any]) -> Props:
    """A SET or CREATE of null stores nothing."""
    return {k: v for k, v in props.items() if v is not None}


def pick(row: Mapping[str, Any], names: Iterable[str]) -> Props:
    return {name: row.get(name) for name in names}
