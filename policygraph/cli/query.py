"""`policygraph query`: the analyst's shell — run a read-only Cypher query and print the rows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from policygraph.analysis import questions
from policygraph.cli.common import console, fail, reports_errors
from policygraph.cli.db import EngineOption, settings_for
from policygraph.graph.connect import open_store


def query_text(query: str) -> str:
    """A .cypher file's text, or what was typed: a query name (e.g. `documents_lineage`) or Cypher itself."""
    path = Path(query)
    if path.suffix == ".cypher" and path.is_file():
        return path.read_text(encoding="utf-8").rstrip().removesuffix(";")
    return query


def parse_params(pairs: list[str]) -> dict[str, Any]:
    """k=v pairs; v is JSON when it parses (numbers, true/false, lists), else a string."""
    params: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise fail(f"--param takes NAME=VALUE, got {pair!r}")
        try:
            params[name] = json.loads(value)
        except json.JSONDecodeError:
            params[name] = value
    return params


def print_table(rows: list[dict[str, Any]]) -> None:
    table = Table(*(rows[0].keys() if rows else ["(no rows)"]))
    for row in rows:
        table.add_row(*(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in row.values()))
    console.print(table)


def register(app: typer.Typer) -> None:
    @app.command()
    @reports_errors
    def query(
        cypher_or_file: Annotated[
            str,
            typer.Argument(metavar="CYPHER_OR_FILE", help="Cypher text, a .cypher file, or a query name from cypher/."),
        ],
        param: Annotated[
            list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE (JSON values parse: 3, true, [1,2]).")
        ] = None,
        output: Annotated[
            str, typer.Option("--format", "-f", help="table or json (one JSON array of row objects).")
        ] = "table",
        engine: EngineOption = None,
    ) -> None:
        """Run a read-only query against the configured engine and print the rows. Writes are refused.

        Examples:

          policygraph query 'MATCH (d:Document) RETURN d.key AS key, d.level AS level'

          policygraph query documents_lineage --param 'key=临州办发〔2021〕76号' --format json

          policygraph query agency_top_leads -p limit=5 -p collectives=false

        A saved question's name (`policygraph ask` lists them) runs as `ask` runs it: its defaults fill the
        parameters not given. Names from before the resource_action scheme (top_lead_agencies …) still work.
        """
        if output not in ("table", "json"):
            raise fail(f"--format is table or json, not {output!r}")
        with open_store(settings_for(engine), schema=False) as store:
            rows = questions.query(store, query_text(cypher_or_file), parse_params(param or []))
        if output == "json":
            print(json.dumps(rows, ensure_ascii=False))
        else:
            print_table(rows)
