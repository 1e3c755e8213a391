"""`policygraph network`: the agency collaboration network of a slice of the notices, as a league table of agencies
with their centralities, plus the network's own measures (analysis/network.py computes them)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated, cast

import typer
from rich.console import Console
from rich.table import Table

from policygraph.analysis import network
from policygraph.cli.common import console, fail, reports_errors
from policygraph.cli.db import EngineOption, settings_for
from policygraph.core.vocabulary import LEVELS
from policygraph.graph.connect import open_store

WIDE = 160  # columns when the output is not a terminal


def network_table(answer: network.NetworkAnswer, top: int) -> Table:
    directed = answer.network.directed
    table = Table("#", "agency", "degree", "weighted", *(["out", "in"] if directed else []),
                  "betweenness", "eigenvector", "pagerank", "led", "coop", "lead share", "k-core", "position",
                  title=f"Agencies ({'lead → cooperating' if directed else 'shared tasks'})")  # fmt: skip
    for rank, a in enumerate(answer.agencies[:top], start=1):
        table.add_row(str(rank), a.name, str(a.degree), str(a.weighted_degree),
                      *([str(a.out_degree), str(a.in_degree)] if directed else []), f"{a.betweenness:.4f}",
                      f"{a.eigenvector:.4f}", f"{a.pagerank:.4f}", str(a.tasks_led), str(a.tasks_cooperated),
                      f"{a.lead_share:.2f}", str(a.core_number), a.position)  # fmt: skip
    return table


def network_lines(answer: network.NetworkAnswer) -> list[str]:
    n = answer.network
    lines = [
        f"{n.documents} notices, {n.tasks} tasks; {n.nodes} agencies, {n.edges} edges (weight {n.total_weight}); "
        f"density {n.density:.4f}; Freeman degree centralisation {n.degree_centralization:.4f}",
        f"components {n.components} (largest {n.largest_component}, isolates {n.isolates}); "
        f"main k-core k={n.max_core} with {len(n.main_core)} agencies",
    ]
    if n.directed:
        lines.append(f"out-degree centralisation {n.out_degree_centralization:.4f}, "
                     f"in-degree centralisation {n.in_degree_centralization:.4f}")  # fmt: skip
    return lines


def register(app: typer.Typer) -> None:
    @app.command("network")
    @reports_errors
    def network_command(
        level: Annotated[str | None, typer.Option(help=f"Notice level: {', '.join(LEVELS)}.")] = None,
        region: Annotated[
            str | None, typer.Option(help="A region and everything below it, in any common form: 甘肃, 临夏州, 晋.")
        ] = None,
        year_from: Annotated[int | None, typer.Option(min=1949, max=2100, help="First year.")] = None,
        year_to: Annotated[int | None, typer.Option(min=1949, max=2100, help="Last year.")] = None,
        document: Annotated[
            str | None, typer.Option(help="Only this notice: its key (the 文号, e.g. 临州办发〔2021〕76号).")
        ] = None,
        collectives: Annotated[
            bool, typer.Option("--collectives/--no-collectives", help="Collectives (各县市人民政府 …) as nodes.")
        ] = False,
        directed: Annotated[
            bool, typer.Option("--directed", help="lead → cooperating agency instead of shared tasks.")
        ] = False,
        sort: Annotated[str, typer.Option(help=f"Sort the table by: {', '.join(network.SORT_KEYS)}.")] = "pagerank",
        top: Annotated[int, typer.Option(min=1, help="Agencies shown in the table.")] = 20,
        output: Annotated[
            str, typer.Option("--format", "-f", help="table, or json (everything, every agency).")
        ] = "table",
        engine: EngineOption = None,
    ) -> None:
        """The agency collaboration network built from the notices' lead (牵头) and cooperating (配合) agencies.

        Two agencies are linked when a notice names them on the same task (weight: the tasks they share).

        With --directed, each task links its lead to its cooperating agencies instead.

        Per agency: degree, weighted degree, betweenness, eigenvector (within its component), PageRank, tasks led and
        cooperated, lead share, k-core. Per network: density, Freeman centralisation, components, main k-core.

        Definitions: docs/networks.md. The same answers: GET /networks/agencies.

        Examples:

          policygraph network --document '晋政办发〔2022〕83号'

          policygraph network --region 甘肃 --sort betweenness --top 10

          policygraph network --year-from 2021 --year-to 2021 --directed --format json
        """
        if output not in ("table", "json"):
            raise fail(f"--format is table or json, not {output!r}")
        if sort not in network.SORT_KEYS:
            raise fail(f"--sort is one of {', '.join(network.SORT_KEYS)}, not {sort!r}")
        if level is not None and level not in LEVELS:
            raise fail(f"--level is one of {', '.join(LEVELS)}, not {level!r}")
        if year_from is not None and year_to is not None and year_from > year_to:
            raise fail(f"--year-from must not be after --year-to ({year_from} > {year_to})")
        with open_store(settings_for(engine), schema=False) as store:
            where = network.slice_of(store, document=document, level=level, region=region, year_from=year_from,
                                     year_to=year_to, collectives=collectives)  # fmt: skip
            answer = network.network_of(store, where, is_directed=directed, sort=cast(network.SortKey, sort))
        if output == "json":
            print(json.dumps({"network": asdict(answer.network), "agencies": [asdict(a) for a in answer.agencies]},
                             ensure_ascii=False))  # fmt: skip
            return
        # Piped into a file or another program, rich would squeeze the table into 80 columns: give it room.
        out = console if console.is_terminal else Console(width=WIDE)
        out.print(network_table(answer, top))
        for line in network_lines(answer):
            out.print(line, highlight=False)
