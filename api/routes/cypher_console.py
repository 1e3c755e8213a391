"""A read-only Cypher console: `POST /cypher` runs one analyst query, off unless POLICYGRAPH_CYPHER_ENDPOINT=true.

Two locks, either of which is enough to keep the graph unchanged:
- the engine's own read-only mode: `store.read` runs the query in a Neo4j READ transaction or as a FalkorDB
  GRAPH.RO_QUERY, and both engines refuse every write there (tests/test_api_cypher.py proves it clause by clause);
- a lexical guard here, which also refuses what those modes let through: LOAD CSV (Neo4j reads server files and
  FalkorDB fetches URLs even in read mode), administration commands (SHOW USERS, TERMINATE TRANSACTIONS …), more
  than one statement, and any procedure outside a list of read-only ones (Neo4j's db.clearQueryCaches or
  db.stats.clear run in READ mode).
The guard reads the query the way both engines tokenise it (comments, strings with backslash escapes, backtick
identifiers) and errs on the side of refusing. The query runs with `cypher_timeout_s` (504 past it) and answers at
most `cypher_max_rows` rows (`truncated` says there were more).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from policygraph import cypher
from policygraph.api.deps import SettingsDep, StoreDep
from policygraph.core.errors import BadQuery, NotFound
from policygraph.core.i18n import N_
from policygraph.core.settings import Settings

router = APIRouter(tags=["cypher"])

MAX_QUERY = 5000
DISABLED = N_("the Cypher console is off: set POLICYGRAPH_CYPHER_ENDPOINT=true to enable it")
READ_STARTS = ("MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL")
# Clauses and commands that change the graph, the schema or the server: refused wherever they stand as a keyword.
WRITE_WORDS = ("CREATE", "MERGE", "SET", "DELETE", "DETACH", "NODETACH", "REMOVE", "FOREACH", "INSERT", "DROP", "ALTER",
               "RENAME", "GRANT", "DENY", "REVOKE", "TERMINATE")  # fmt: skip
READ_PROCEDURES = frozenset(name.lower() for name in (
    "db.labels", "db.relationshipTypes", "db.propertyKeys", "db.indexes", "db.constraints", "db.meta.stats",
    "db.schema.visualization", "db.schema.nodeTypeProperties", "db.schema.relTypeProperties",
    "db.idx.fulltext.queryNodes", "db.idx.fulltext.queryRelationships", "db.idx.vector.queryNodes",
    "db.idx.vector.queryRelationships", "db.index.fulltext.queryNodes", "db.index.fulltext.queryRelationships",
    "db.index.vector.queryNodes", "db.index.vector.queryRelationships", "dbms.procedures", "dbms.functions",
    "algo.BFS", "algo.betweenness", "algo.labelPropagation", "algo.MSF", "algo.pageRank", "algo.SPpaths",
    "algo.SSpaths", "algo.WCC",
))  # fmt: skip
# Anything the engine may take as the end of a `//` comment ends it here too: the guard never sees less code.
_LINE_ENDS = "\n\r\x0b\x0c\x85\u2028\u2029"
_PARAM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
_INT64 = (-(2**63), 2**63 - 1)
_MAX_PARAM_DEPTH = 8

EXAMPLE_QUERY = cypher.load("console_example")


# --- the guard --------------------------------------------------------------------------------------------------


def mask(query: str) -> str:
    """The query with comments and string contents blanked and backtick identifiers turned to `_`, same length."""
    out = list(query)
    i, n = 0, len(query)
    while i < n:
        char, pair = query[i], query[i : i + 2]
        if pair == "//":
            end = min((j for j in (query.find(c, i) for c in _LINE_ENDS) if j >= 0), default=n)
            out[i:end] = " " * (end - i)
            i = end
        elif pair == "/*":
            end = query.find("*/", i + 2)
            if end < 0:
                raise BadQuery("unterminated /* comment in the query")
            out[i : end + 2] = " " * (end + 2 - i)
            i = end + 2
        elif char in "'\"":
            j = i + 1
            while j < n and query[j] != char:
                j += 2 if query[j] == "\\" else 1
            if j >= n:
                raise BadQuery(f"unterminated string in the query (opened with {char} at offset {i})")
            out[i + 1 : j] = " " * (j - i - 1)
            i = j + 1
        elif char == "`":
            end = query.find("`", i + 1)
            if end < 0:
                raise BadQuery(f"unterminated `identifier` in the query (offset {i})")
            if query.startswith("`", end + 1):
                raise BadQuery("doubled backticks inside an identifier are not supported in the console")
            out[i : end + 1] = "_" * (end + 1 - i)
            i = end + 1
        else:
            i += 1
    return "".join(out)


def read_only(query: str) -> str:
    """The query to run (a final `;` dropped), or BadQuery saying why the console refuses it."""
    masked = mask(query)
    stripped = masked.rstrip()
    if stripped.endswith(";"):
        query, masked = query[: len(stripped) - 1], stripped[:-1]
    if ";" in masked:
        raise BadQuery("one statement at a time: the console does not run queries separated by ';'")
    # `n. set`, `:  Set` and `$ set` are a property, a label and a parameter, never a clause.
    code = re.sub(r"([.:$])\s+", r"\1", masked)
    if re.search(r"(?<![\w.:$])LOAD\s+CSV\b", code, re.IGNORECASE):
        raise BadQuery(
            "LOAD CSV is not allowed in the Cypher console: it reads files and URLs from the database server"
        )
    write = re.search(rf"(?<![\w.:$])({'|'.join(WRITE_WORDS)})\b(?!\s*:)", code, re.IGNORECASE)
    if write:
        raise BadQuery(f"the Cypher console is read-only: {write.group(1).upper()} is not allowed")
    words = re.findall(r"[A-Za-z_]\w*", code)
    first = [w.upper() for w in words[:2]]
    start = first[1] if first[:1] in (["EXPLAIN"], ["PROFILE"]) and len(first) > 1 else (first or [""])[0]
    if start not in READ_STARTS:
        raise BadQuery(
            f"the Cypher console runs read queries only: start with MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN or "
            f"CALL (not {start or 'nothing'})"
        )
    for match in re.finditer(r"(?<![\w.:$])CALL\s+([A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*)", masked, re.IGNORECASE):
        name = re.sub(r"\s+", "", query[match.start(1) : match.end(1)])
        if name.lower() not in READ_PROCEDURES:
            raise BadQuery(
                f"procedure {name} is not allowed in the Cypher console; allowed: schema listings (db.labels, "
                f"db.relationshipTypes, db.propertyKeys, db.indexes …), full-text and vector queries, FalkorDB's algo.*"
            )
    return query


# --- parameters and results -----------------------------------------------------------------------------------


class NonFinite(str):
    """A NaN or infinity read from the body (Python's JSON reader accepts them), as text: FastAPI echoes invalid
    input in its 422 answer, and a NaN there would make that answer itself fail."""


def mark_non_finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return NonFinite(value)
    if isinstance(value, list):
        return [mark_non_finite(v) for v in value]
    if isinstance(value, dict):
        return {k: mark_non_finite(v) for k, v in value.items()}
    return value


def check_param(value: Any, where: str, depth: int = 0) -> None:
    """JSON values both engines accept: int64 integers, finite floats, non-empty map keys without backticks."""
    if depth > _MAX_PARAM_DEPTH:
        raise ValueError(f"{where}: nested deeper than {_MAX_PARAM_DEPTH} levels")
    if isinstance(value, NonFinite):
        raise ValueError(f"{where}: NaN and infinities are not allowed")
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return
    if isinstance(value, int):
        if not _INT64[0] <= value <= _INT64[1]:
            raise ValueError(f"{where}: integer out of the 64-bit range")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            check_param(item, f"{where}[{i}]", depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            if not key or "`" in key:
                raise ValueError(f"{where}: map keys must be non-empty and contain no backtick")
            check_param(item, f"{where}.{key}", depth + 1)
    else:
        raise ValueError(f"{where}: not a JSON value")


def to_json(value: Any) -> Any:
    """An engine value → JSON: temporal values as ISO text, NaN and infinities as text, anything else as text."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value).replace("inf", "Infinity").replace("nan", "NaN")
    if hasattr(value, "iso_format"):  # neo4j.time types (Duration is a tuple)
        return value.iso_format()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


class CypherQuery(BaseModel):
    query: str = Field(min_length=1, max_length=MAX_QUERY, description="One read-only Cypher statement; values "
                       "belong in `params`, referenced as $name.", examples=[EXAMPLE_QUERY])  # fmt: skip
    params: dict[str, Any] = Field(default_factory=dict, max_length=100, description="Parameters by name (letters, "
                                   "digits, `_`); any JSON value.", examples=[{"skip": "collective"}])  # fmt: skip

    @model_validator(mode="before")
    @classmethod
    def _no_raw_non_finite(cls, data: Any) -> Any:
        return mark_non_finite(data)

    @field_validator("query", mode="before")
    @classmethod
    def _text(cls, query: Any) -> Any:
        if isinstance(query, NonFinite):
            raise ValueError("the query must be text")
        return query

    @field_validator("params")
    @classmethod
    def _valid_params(cls, params: dict[str, Any]) -> dict[str, Any]:
        for name, value in params.items():
            if not _PARAM_NAME.fullmatch(name):
                raise ValueError(f"parameter name {name!r}: use letters, digits and _ (not first), at most 64")
            check_param(value, name)
        return params

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"query": EXAMPLE_QUERY, "params": {"skip": "collective"}}]}
    )


class CypherResult(BaseModel):
    columns: list[str] = Field(description="Column names in RETURN order (empty when no row came back).",
                               examples=[["agency", "tasks"]])  # fmt: skip
    rows: list[list[Any]] = Field(description="Each row's values in column order; nodes and relationships as their "
                                  "properties, paths as their nodes.",
                                  examples=[[["西藏自治区卫生健康委员会", 17], ["泗县卫生健康委员会", 15], ["临夏回族自治州卫生健康委员会", 14]]])  # fmt: skip
    truncated: bool = Field(description="More rows than the console's row cap came back; only the first are shown.",
                            examples=[False])  # fmt: skip


def console_settings(settings: SettingsDep) -> Settings:
    """The settings, when the console is switched on; a 404 saying how to switch it on otherwise."""
    if not settings.cypher_endpoint:
        raise NotFound(DISABLED)
    return settings


@router.post(
    "/cypher",
    response_model=CypherResult,
    summary="Run one read-only Cypher query (off unless POLICYGRAPH_CYPHER_ENDPOINT=true)",
    responses={
        400: {"description": "Not a read-only query, or the engine rejected it (the reason in `detail`)."},
        404: {"description": "The console is off: set POLICYGRAPH_CYPHER_ENDPOINT=true."},
        504: {"description": "The query ran longer than POLICYGRAPH_CYPHER_TIMEOUT seconds."},
    },
)
def run_cypher(
    settings: Annotated[Settings, Depends(console_settings)], body: CypherQuery, store: StoreDep
) -> CypherResult:
    """One statement, run in the engine's read-only mode with a time limit (`POLICYGRAPH_CYPHER_TIMEOUT`, 5 s by
    default) and a row cap (`POLICYGRAPH_CYPHER_MAX_ROWS`, 1000). The same text runs on FalkorDB and Neo4j as long
    as it keeps to the Cypher both speak. Refused with a 400: anything that writes (CREATE, MERGE, SET, DELETE,
    REMOVE, write procedures), LOAD CSV, administration commands, several statements, procedures other than the
    read-only listings and index queries."""
    query = read_only(body.query)
    try:
        rows = store.read(query, body.params, timeout=settings.cypher_timeout_s)
    except (ValueError, TypeError, OverflowError, KeyError, IndexError) as e:  # the client could not pass or read it
        raise BadQuery(f"the engine's client could not run this query or read its answer: {e}") from e
    limit = settings.cypher_max_rows
    columns = list(rows[0]) if rows else []
    shown = [[to_json(row.get(column)) for column in columns] for row in rows[:limit]]
    return CypherResult(columns=columns, rows=shown, truncated=len(rows) > limit)
