"""Saved questions: the analysts' questions as named, parameterised `cypher/` queries, listed in cypher/questions.toml.

`questions()` loads and checks the file once (a malformed entry is reported by name); `bind` turns the values a user
gave — strings from a URL or a command line, or values already typed — into the query's parameters, defaults
filling the rest; `ask` runs the query read-only. Queries that page ($skip, $limit) all get the same `limit` and
`offset` parameters, and the answer says whether there is more.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote

from policygraph import cypher
from policygraph.core.errors import InvalidParameter, NotFound, PolicyGraphError
from policygraph.graph.store import GraphStore, Row, holds_nul
from policygraph.ingest import divisions

QUESTIONS_FILE = "questions.toml"
TYPES = ("int", "str", "bool", "float", "list[str]", "region")
NAME = re.compile(r"^[a-z][a-z0-9_]*$")
QUERY_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
MAX_INT = 1_000_000_000  # years, caps and counts; keeps values inside both engines' 64-bit integers
MAX_TEXT = 500
TRUE, FALSE = ("true", "1", "yes", "on"), ("false", "0", "no", "off")


class QuestionsFileError(PolicyGraphError):
    """cypher/questions.toml is malformed; the message names the entry and what is wrong."""


class UnknownQuestion(NotFound):
    """No saved question has that name."""


class BadParameter(InvalidParameter):
    """A value the user gave is unknown, missing or of the wrong type; the message names the parameter."""

    def __init__(self, parameter: str, reason: str) -> None:
        super().__init__(parameter, f"parameter {parameter!r}: {reason}")
        self.reason = reason


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    description: str
    default: Any = None
    required: bool = False
    allowed: tuple[Any, ...] | None = None
    example: Any = None
    minimum: int = 0
    maximum: int = MAX_INT


@dataclass(frozen=True)
class Question:
    name: str
    title: str
    description: str
    cypher: str
    parameters: tuple[Parameter, ...]
    paged: bool

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)


@dataclass
class Answer:
    question: str
    parameters: dict[str, Any]
    rows: list[Row]
    has_more: bool = False
    columns: list[str] = field(default_factory=list)


# Paging is the same for every question whose query takes $skip and $limit.
PAGING = (
    Parameter("limit", "int", "Rows per page.", default=50, minimum=1, maximum=1000),
    Parameter("offset", "int", "Rows to skip.", default=0, maximum=1_000_000),
)


# --- loading and checking the file ------------------------------------------------------------------------------------


@cache
def questions() -> dict[str, Question]:
    """Every saved question by name, in file order (checked once, then cached)."""
    text = resources.files("policygraph.cypher").joinpath(QUESTIONS_FILE).read_text(encoding="utf-8")
    return parse_questions(text)


def parse_questions(text: str) -> dict[str, Question]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise QuestionsFileError(f"{QUESTIONS_FILE}: not valid TOML: {e}") from None
    entries = data.get("question")
    if not isinstance(entries, list) or not entries:
        raise QuestionsFileError(f"{QUESTIONS_FILE}: no [[question]] entries")
    found: dict[str, Question] = {}
    for position, entry in enumerate(entries, 1):
        label = f"{QUESTIONS_FILE}: question {entry.get('name', f'#{position}')!r}"
        try:
            question = _question(entry)
        except ValueError as e:
            raise QuestionsFileError(f"{label}: {e}") from None
        if question.name in found:
            raise QuestionsFileError(f"{label}: the name is used twice")
        found[question.name] = question
    return found


def _text(entry: Mapping[str, Any], key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"`{key}` must be a non-empty string")
    return value


def _question(entry: Mapping[str, Any]) -> Question:
    name = _text(entry, "name")
    if not NAME.match(name):
        raise ValueError("`name` must be lower_snake_case")
    if "cypher" in entry:
        raise ValueError("`cypher` is gone: a question runs the query of its own name (cypher/NAME.cypher)")
    query = name  # one name for the question and its query: `ask NAME` and `query NAME` cannot disagree
    try:
        needs = query_parameters(cypher.load(query))
    except cypher.UnknownQuery:
        raise ValueError(f"`name` names no query: cypher/{query}.cypher does not exist") from None
    declared = tuple(_parameter(raw) for raw in entry.get("parameters", []))
    paged = {"skip", "limit"} <= needs
    _check_coverage(declared, needs, paged)
    return Question(name, _text(entry, "title"), _text(entry, "description"), query,
                    declared + (PAGING if paged else ()), paged)  # fmt: skip


def _check_coverage(declared: tuple[Parameter, ...], needs: set[str], paged: bool) -> None:
    names = [p.name for p in declared]
    if len(set(names)) != len(names):
        raise ValueError("a parameter is declared twice")
    reserved = {"skip", "limit", "offset", "format"} & set(names)
    if reserved:
        raise ValueError(f"parameter names {sorted(reserved)} are reserved (paging and output)")
    missing = needs - set(names) - ({"skip", "limit"} if paged else set())
    if missing:
        raise ValueError(f"the query needs parameters that are not declared: {sorted(missing)}")
    unused = set(names) - needs
    if unused:
        raise ValueError(f"declared parameters the query does not use: {sorted(unused)}")


def _parameter(raw: Any) -> Parameter:
    if not isinstance(raw, Mapping):
        raise ValueError("each [[question.parameters]] must be a table")
    name = _text(raw, "name")
    kind = raw.get("type")
    if kind not in TYPES:
        raise ValueError(f"parameter {name!r}: `type` must be one of {', '.join(TYPES)}, not {kind!r}")
    unknown = set(raw) - {"name", "type", "description", "default", "required", "allowed", "example"}
    if unknown:
        raise ValueError(f"parameter {name!r}: unknown fields {sorted(unknown)}")
    allowed = raw.get("allowed")
    if allowed is not None and (not isinstance(allowed, list) or not allowed):
        raise ValueError(f"parameter {name!r}: `allowed` must be a non-empty list")
    parameter = Parameter(name, kind, _text(raw, "description"), raw.get("default"), bool(raw.get("required", False)),
                          tuple(allowed) if allowed else None, raw.get("example"))  # fmt: skip
    for value in (parameter.default, parameter.example):
        if value is not None:
            try:
                coerce(parameter, value)
            except BadParameter as e:
                raise ValueError(f"parameter {name!r}: default or example {value!r}: {e.reason}") from None
    return parameter


def query_parameters(text: str) -> set[str]:
    """The $names a query uses (its comment lines left out: they describe, they do not bind)."""
    code = "\n".join(line for line in text.splitlines() if not line.strip().startswith("//"))
    return set(QUERY_PARAMETER.findall(code))


# --- binding values -----------------------------------------------------------------------------------------------


def question(name: str) -> Question:
    found = questions().get(cypher.resolve(name))
    if found is None:
        raise UnknownQuestion(f"no saved question is named {name!r} (`policygraph ask` lists them)")
    return found


def bind(question: Question, given: Mapping[str, Any]) -> dict[str, Any]:
    """The values to use, by parameter name: the given ones coerced to their types, defaults for the rest."""
    for name in given:
        if question.parameter(name) is None:
            known = ", ".join(p.name for p in question.parameters) or "none"
            raise BadParameter(name, f"{question.name} takes no such parameter (it takes: {known})")
    values: dict[str, Any] = {}
    for parameter in question.parameters:
        if parameter.name in given:
            values[parameter.name] = coerce(parameter, given[parameter.name])
        elif parameter.required:
            raise BadParameter(parameter.name, f"{question.name} needs it ({parameter.description})")
        else:
            values[parameter.name] = coerce(parameter, parameter.default) if parameter.default is not None else None
    return values


def coerce(parameter: Parameter, value: Any) -> Any:
    """A value of the parameter's type, from a string (URL, command line) or a value already typed; or BadParameter."""
    if isinstance(value, list) and parameter.type != "list[str]":
        if len(value) != 1:
            raise BadParameter(parameter.name, "give it once")
        value = value[0]
    typed = _COERCE[parameter.type](parameter, value)
    if parameter.allowed is not None:
        for item in typed if isinstance(typed, list) else [typed]:
            if item is not None and item not in parameter.allowed:
                choices = ", ".join(str(a) for a in parameter.allowed)
                raise BadParameter(parameter.name, f"{item!r} is not one of: {choices}")
    return typed


def _int(parameter: Parameter, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise BadParameter(parameter.name, f"must be an integer, not {value!r}")
    try:
        number = int(value)
    except ValueError:
        raise BadParameter(parameter.name, f"must be an integer, not {value!r}") from None
    if not parameter.minimum <= number <= parameter.maximum:
        raise BadParameter(parameter.name, f"must be between {parameter.minimum} and {parameter.maximum}")
    return number


def _float(parameter: Parameter, value: Any) -> float:
    try:
        number = float(value) if isinstance(value, int | float | str) and not isinstance(value, bool) else math.nan
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise BadParameter(parameter.name, f"must be a finite number, not {value!r}")
    return number


def _bool(parameter: Parameter, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in TRUE or text in FALSE:
        return text in TRUE
    raise BadParameter(parameter.name, f"must be true or false, not {value!r}")


def _str(parameter: Parameter, value: Any) -> str:
    # A command line's JSON parsing may have turned 2021 into a number: its text is what the user meant.
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if holds_nul(text):  # the store would refuse it too (graph/store.py): refused here, naming the parameter
        raise BadParameter(parameter.name, "must not contain a NUL character")
    if len(text) > MAX_TEXT:
        raise BadParameter(parameter.name, f"is longer than {MAX_TEXT} characters")
    return text


def _list(parameter: Parameter, value: Any) -> list[str]:
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                value = json.loads(text)
            except json.JSONDecodeError:
                raise BadParameter(parameter.name, f"is not a JSON list: {value!r}") from None
        else:
            value = [part.strip() for part in text.split(",") if part.strip()]
    if not isinstance(value, list):
        raise BadParameter(parameter.name, f"must be a list of strings (a,b,c), not {value!r}")
    return [_str(parameter, item) for item in value]


def _region(parameter: Parameter, value: Any) -> str | None:
    """The full path of a region (临夏州 → 甘肃省临夏回族自治州), which the queries match by prefix; None: the country."""
    try:
        return divisions.region_prefix(_str(parameter, value))
    except divisions.UnknownRegion as e:  # a saved question's refusals all say "parameter 'name': …"
        raise BadParameter(parameter.name, str(e)) from None


_COERCE: dict[str, Any] = {
    "int": _int,
    "float": _float,
    "bool": _bool,
    "str": _str,
    "list[str]": _list,
    "region": _region,
}


# --- asking -------------------------------------------------------------------------------------------------------


def ask(store: GraphStore, name: str, given: Mapping[str, Any] | None = None) -> Answer:
    """Run a saved question read-only with the given values (strings or typed); defaults fill the rest."""
    saved = question(name)
    values = bind(saved, given or {})
    params = {k: v for k, v in values.items() if k not in ("limit", "offset")}
    if saved.paged:  # one row more than asked, to know whether there is a next page
        params.update(skip=values["offset"], limit=values["limit"] + 1)
    rows = store.run(saved.cypher, params)
    has_more = saved.paged and len(rows) > values["limit"]
    if saved.paged:
        rows = rows[: values["limit"]]
    return Answer(saved.name, values, rows, has_more, columns(rows))


def query(store: GraphStore, cypher_or_name: str, given: Mapping[str, Any] | None = None) -> list[Row]:
    """Rows of a read-only query given by name or as Cypher text. A saved question's name (or an older name of one)
    is asked exactly as `ask` asks it, defaults and paging included, so `policygraph query NAME` and
    `policygraph ask NAME` never disagree; another query name in cypher/ runs with the parameters as given."""
    name = cypher.resolve(cypher_or_name)
    if name in questions():
        return ask(store, name, given).rows
    try:
        text = cypher.load(name)
    except (cypher.UnknownQuery, ValueError):
        text = cypher_or_name
    return store.read(text, dict(given or {}))


def columns(rows: list[Row]) -> list[str]:
    """Every key of the rows, in the order they first appear."""
    return list(dict.fromkeys(key for row in rows for key in row))


def cell(value: Any) -> str:
    """One CSV cell: text as is, nothing for null, lists and maps as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def to_csv(answer: Answer) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(answer.columns)
    for row in answer.rows:
        writer.writerow([cell(row.get(column)) for column in answer.columns])
    return out.getvalue()


def example_url(saved: Question) -> str:
    """`/questions/NAME?…` with the example values of its parameters (readable: non-ASCII left as is)."""
    pairs = [(p.name, p.example if p.example is not None else p.default) for p in saved.parameters
             if p.required or p.example is not None]  # fmt: skip
    query = "&".join(f"{_iri(name)}={_iri(cell(value))}" for name, value in pairs)
    return f"/questions/{saved.name}" + (f"?{query}" if query else "")


def _iri(text: str) -> str:
    return "".join(c if ord(c) > 127 else quote(c, safe="") for c in text)
