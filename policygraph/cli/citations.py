"""`policygraph citations`: citation hygiene — the citations that resolve to no known notice, and why."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from policygraph.analysis.citations import Unresolved, summary, unresolved
from policygraph.cli.common import console, fail, reports_errors
from policygraph.cli.db import EngineOption, settings_for
from policygraph.graph.connect import open_store


def print_table(items: list[Unresolved]) -> None:
    table = Table("citing notice", "cited", "relation", "reason", "quote", "span")
    for u in items:
        table.add_row(
            u.document, u.cited, u.relation or "", u.reason, u.quote or "", f"{u.span[0]}-{u.span[1]}" if u.span else ""
        )
    console.print(table)
    counts = summary(items)
    reasons = ", ".join(f"{r} {n}" for r, n in counts["by_reason"].items() if n)
    console.print(
        f"{counts['total']} unresolved in {len(counts['by_document'])} notices" + (f" ({reasons})" if reasons else "")
    )


def register(app: typer.Typer) -> None:
    @app.command()
    @reports_errors
    def citations(
        document: Annotated[
            str | None, typer.Option("--document", "-d", help="Only the citations of this notice (its key).")
        ] = None,
        output: Annotated[
            str, typer.Option("--format", "-f", help="table or json (one JSON object: items and counts).")
        ] = "table",
        engine: EngineOption = None,
    ) -> None:
        """List the citations that resolve to no known notice: a 《title》 no loaded, cited or registry notice carries
        (or several do), a 文号 whose 代字 is not in the shipped table. See docs/citations.md.

        Examples:

          policygraph citations

          policygraph citations --document '晋政办发〔2022〕83号' --format json
        """
        if output not in ("table", "json"):
            raise fail(f"--format is table or json, not {output!r}")
        with open_store(settings_for(engine), schema=False) as store:
            items = unresolved(store, document)
        if output == "json":
            print(json.dumps({"items": [u.to_json() for u in items], **summary(items)}, ensure_ascii=False))
        else:
            print_table(items)
