"""`policygraph map`: a map of notices, lead tasks, a programme's adoption or a national notice's reach by region, as
an SVG file for print (`-o FILE.svg`) or its numbers as CSV (to stdout, or `-o FILE.csv`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from policygraph.analysis.map_units import MapLevel
from policygraph.analysis.maps import MapKind, region_map
from policygraph.cli.common import console, fail, reports_errors
from policygraph.cli.db import EngineOption, settings_for
from policygraph.graph.connect import open_store
from policygraph.visualize import map_csv, render

SUBJECT_HELP = "leads: an agency function (卫生健康委员会); programme: its name; reach: a national notice's key."


def register(app: typer.Typer) -> None:
    @app.command(name="map")
    @reports_errors
    def map_command(
        kind: Annotated[MapKind, typer.Argument(help="notices, leads, programme or reach.")],
        subject: Annotated[str | None, typer.Argument(help=SUBJECT_HELP)] = None,
        level: Annotated[MapLevel, typer.Option("--level", "-l", help="province, prefecture or county.")] = "province",
        year: Annotated[int | None, typer.Option("--year", "-y", help="notices, leads: this year only.")] = None,
        output: Annotated[
            Path | None,
            typer.Option("--output", "-o", help="FILE.svg (the map) or FILE.csv; without it, CSV to stdout."),
        ] = None,
        engine: EngineOption = None,
    ) -> None:
        """A map of China by region: notices per region, the tasks an agency function leads, where a programme was
        adopted (first year, by tier), or which regions implement a national notice (and which do not).

        A region without a shape in the map data is listed under the map; the CSV says it in `has_shape`.

        Examples:

          policygraph map notices --level county -o notices.svg

          policygraph map leads 卫生健康委员会 --level prefecture --year 2021 -o leads.csv

          policygraph map programme 三明医改经验 -o sanming.svg

          policygraph map reach '国办发〔2021〕20号'
        """
        if output is not None and output.suffix.lower() not in (".svg", ".csv"):
            raise fail(f"-o must name a .svg or a .csv file, not {output.name!r}")
        with open_store(settings_for(engine), schema=False) as store:
            found = region_map(store, kind, level, year, subject)
        if output is None:
            sys.stdout.write(map_csv.csv_text(found))
            return
        if output.suffix.lower() == ".svg":
            output.write_text(render.map_svg(found), encoding="utf-8")
        else:
            output.write_text(map_csv.csv_text(found), encoding="utf-8")
        console.print(f"wrote {output}", highlight=False)
