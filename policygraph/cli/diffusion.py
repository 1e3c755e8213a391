"""`policygraph diffusion`: how a programme spread down the tiers by year (and its label), or how far a national
notice reached; as a table, as JSON (the API's answers), or as an SVG chart."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from policygraph.analysis.diffusion import ProgrammeDiffusion, find_programme
from policygraph.analysis.diffusion_notices import find_notice
from policygraph.analysis.diffusion_summary import programme_list
from policygraph.cli.common import console, fail, reports_errors
from policygraph.cli.db import EngineOption, settings_for
from policygraph.core.vocabulary import TIERS
from policygraph.graph.connect import open_store
from policygraph.graph.store import GraphStore
from policygraph.visualize import chart

FORMATS = ("table", "json")


def programmes_table(store: GraphStore) -> tuple[Table, list[dict[str, Any]]]:
    found = programme_list(store)
    table = Table("programme", "label", "regions", *TIERS, "years", title="Programmes")
    for p in found:
        years = f"{p.first_year}–{p.last_year}" if p.first_year and p.last_year != p.first_year else str(p.first_year)
        by_tier = [str(p.regions_by_tier.get(tier, 0)) for tier in TIERS]
        table.add_row(p.name, p.label or "", str(p.regions), *by_tier, years)
    return table, [asdict(p) for p in found]


def programme_table(found: ProgrammeDiffusion) -> Table:
    """One row per year: the regions added at each tier and the running total."""
    tiers = list(found.regions_by_tier)
    national = found.first_national
    caption = (f"label: {found.label or 'none'}; first national mention: "
               + (f"{national.key} ({national.date or national.year})" if national else "none"))  # fmt: skip
    table = Table("year", *tiers, "total", title=f"{found.name}: regions adopting, by year", caption=caption)
    for step in found.series:
        cells = [f"{step.cumulative[t]}" + (f" +{', '.join(step.added[t])}" if step.added[t] else "") for t in tiers]
        table.add_row(str(step.year), *cells, str(step.total))
    return table


def notice_table(store: GraphStore, key: str) -> tuple[Table, dict[str, Any]]:
    found = find_notice(store, key)
    caption = (f"tiers reached: {', '.join(found.tiers_reached) or 'none'}; missing: "
               f"{', '.join(found.tiers_missing) or 'none'}")  # fmt: skip
    table = Table("notice", "tier", "region", "date", "via", "kind", "lag (days)", title=key, caption=caption)
    for i in found.implementations:
        lag = "" if i.lag_days is None else str(i.lag_days)
        table.add_row(i.key, i.tier, i.region or "", i.date or "", i.parent, "/".join(i.kinds), lag)
    return table, found.answer()


def register(app: typer.Typer) -> None:
    @app.command()
    @reports_errors
    def diffusion(
        programme: Annotated[
            str | None, typer.Argument(metavar="PROGRAMME", help="A programme's name or synonym (三明经验).")
        ] = None,
        notice: Annotated[str | None, typer.Option("--notice", "-n", help="A national notice's key (文号).")] = None,
        output: Annotated[str, typer.Option("--format", "-f", help="table or json (the API's answer).")] = "table",
        svg: Annotated[
            Path | None, typer.Option("--svg", help="Write the programme's adoption chart to this SVG file.")
        ] = None,
        engine: EngineOption = None,
    ) -> None:
        """How programmes spread down the tiers (top-down, bottom-up or mixed), or how far a national notice reached.

        Without arguments: every programme with its label and regions per tier. With PROGRAMME: the regions adopting
        it each year at each tier and the running totals. With --notice: the local notices implementing that national
        notice, with the lag in days and the tiers reached and missing.

        Examples:

          policygraph diffusion

          policygraph diffusion 三明医改经验 --svg sanming.svg

          policygraph diffusion --notice '国办发〔2021〕20号' --format json
        """
        if output not in FORMATS:
            raise fail(f"--format is table or json, not {output!r}")
        if notice and programme:
            raise fail("give a PROGRAMME or --notice, not both")
        if svg and not programme:
            raise fail("--svg needs a PROGRAMME")
        with open_store(settings_for(engine), schema=False) as store:
            if notice:
                show(*notice_table(store, notice), output)
            elif programme is None:
                show(*programmes_table(store), output)
            else:
                found = find_programme(store, programme)
                if svg:
                    svg.write_text(str(chart.adoption_chart(found)), encoding="utf-8")
                    console.print(f"wrote {svg}", highlight=False)
                else:
                    show(programme_table(found), asdict(found), output)


def show(table: Table, answer: Any, output: str) -> None:
    if output == "json":
        print(json.dumps(answer, ensure_ascii=False))
    else:
        console.print(table)
