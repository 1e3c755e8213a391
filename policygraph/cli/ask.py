"""`policygraph ask`: the saved questions of cypher/questions.toml, listed or asked, as a table, JSON or CSV."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from policygraph.analysis.questions import Question, ask, bind, question, questions, to_csv
from policygraph.cli.common import console, fail, reports_errors
from policygraph.cli.db import EngineOption, settings_for
from policygraph.cli.query import parse_params, print_table
from policygraph.graph.connect import open_store

FORMATS = ("table", "json", "csv")


def describe(saved: Question) -> str:
    """One parameter a line: name, type, default or `required`, allowed values, what it is."""
    lines = []
    for p in saved.parameters:
        usage = "required" if p.required else f"default {json.dumps(p.default, ensure_ascii=False)}"
        allowed = f"; one of {', '.join(str(a) for a in p.allowed)}" if p.allowed else ""
        lines.append(f"{p.name} ({p.type}, {usage}{allowed}): {p.description}")
    return "\n".join(lines) or "(no parameters)"


def list_questions() -> None:
    table = Table("name", "question", "parameters", "cypher", show_lines=True)
    for saved in questions().values():
        table.add_row(saved.name, saved.title, describe(saved), f"cypher/{saved.cypher}.cypher")
    console.print(table)
    console.print(
        "Ask one: policygraph ask NAME --param key=value   (e.g. policygraph ask tasks_mentioning -p word=DRG)"
    )


def register(app: typer.Typer) -> None:
    @app.command(name="ask")
    @reports_errors
    def ask_command(
        name: Annotated[str | None, typer.Argument(metavar="[NAME]", help="A saved question; none: list them.")] = None,
        param: Annotated[
            list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE (lists: a,b or JSON).")
        ] = None,
        output: Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")] = "table",
        engine: EngineOption = None,
    ) -> None:
        """Ask a saved question (cypher/questions.toml); without NAME, list them with their parameters.

        Examples:

          policygraph ask

          policygraph ask agency_top_leads -p region=西藏 -p limit=3

          policygraph ask documents_lineage_steps -p 'key=临州办发〔2021〕76号' --format json

          policygraph ask tasks_mentioning -p word=三明 --format csv > sanming.csv
        """
        if output not in FORMATS:
            raise fail(f"--format is table, json or csv, not {output!r}")
        if name is None:
            list_questions()
            return
        given = parse_params(param or [])
        bind(question(name), given)  # a wrong name or value is reported before the engine is reached
        with open_store(settings_for(engine), schema=False) as store:
            answer = ask(store, name, given)
        if output == "json":
            print(json.dumps(answer.rows, ensure_ascii=False))
        elif output == "csv":
            sys.stdout.write(to_csv(answer))
        else:
            print_table(answer.rows)
            if answer.has_more:
                console.print(f"more rows: add -p offset={answer.parameters['offset'] + answer.parameters['limit']}")
