"""`policygraph export`: the graph, or a filtered part of it, as GEXF (Gephi), GraphML, CSV node/edge lists or JSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import networkx as nx
import typer

from policygraph.analysis import network
from policygraph.analysis.export_formats import EXTENSIONS, FORMATS, export_bytes, write_csv_directory
from policygraph.analysis.exports import ExportFilter, read_graph
from policygraph.cli.common import err_console, fail, reports_errors
from policygraph.cli.db import EngineOption, settings_for
from policygraph.graph.connect import open_store
from policygraph.ingest.divisions import region_prefix

# adjacency: the agency collaboration network as an agency × agency matrix of shared tasks (analysis/network.py).
ALL_FORMATS = (*FORMATS, "adjacency")


def default_output(fmt: str) -> Path:
    """policygraph.gexf, policygraph.graphml; for csv a directory policygraph-csv/ with nodes.csv and edges.csv."""
    return Path("policygraph-csv") if fmt == "csv" else Path(f"policygraph.{EXTENSIONS[fmt]}")


def write(graph: nx.MultiDiGraph, fmt: str, output: Path | None) -> str:
    """Write the export where asked (json without --output: stdout); returns where it went."""
    if fmt == "csv" and (output is None or output.suffix.lower() != ".zip"):
        written = write_csv_directory(graph, output or default_output(fmt))
        return ", ".join(str(path) for path in written)
    data = export_bytes(graph, fmt)
    if fmt == "json" and output is None:
        sys.stdout.buffer.write(data + b"\n")
        sys.stdout.flush()
        return "stdout"
    target = output or default_output(fmt)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return str(target)


def write_text(text: str, output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    err_console.print(f"agency × agency matrix → {output}")


def register(app: typer.Typer) -> None:
    @app.command(name="export")
    @reports_errors
    def export_command(
        fmt: Annotated[
            str, typer.Option("--format", "-f", help="gexf, graphml, csv, json, or adjacency (agency × agency CSV).")
        ] = "gexf",
        level: Annotated[
            str | None, typer.Option(help="Only notices of this level (and what hangs from them).")
        ] = None,
        region: Annotated[
            str | None, typer.Option(help="Only notices of this region and below (甘肃, 临夏州, 晋 …).")
        ] = None,
        year_from: Annotated[int | None, typer.Option(help="Only notices from this year.")] = None,
        year_to: Annotated[int | None, typer.Option(help="Only notices up to this year.")] = None,
        document: Annotated[
            str | None, typer.Option(help="Only this notice (its key: 文号 or region|year|title).")
        ] = None,
        output: Annotated[
            Path | None,
            typer.Option(
                "--output",
                "-o",
                help="File to write (csv: a directory, or a .zip). Default: policygraph.EXT "
                "in the current directory; json: stdout.",
            ),
        ] = None,
        engine: EngineOption = None,
    ) -> None:
        """Export the graph for Gephi, yEd, Cytoscape, networkx or a spreadsheet, and print the node and edge counts.

        Without filters: the whole graph. With filters: the matching notices with their tasks, agencies, programmes,
        targets, the notices they cite or implement (and those citing them), their lineage and region chain.
        GEXF carries each node's and edge's years, for Gephi's timeline.

        Examples:

          policygraph export --format gexf -o policygraph.gexf

          policygraph export --format graphml --region 甘肃 -o gansu.graphml

          policygraph export --format csv --year-from 2021 --year-to 2022 -o reform-2021-2022.zip

          policygraph export --format json --document '临州办发〔2021〕76号' > linxia.json

          policygraph export --format adjacency --region 甘肃 -o gansu-agencies.csv   # for UCINET or Gephi
        """
        if fmt not in ALL_FORMATS:
            raise fail(f"--format is one of {', '.join(ALL_FORMATS)}, not {fmt!r}")
        selection = ExportFilter(level, region_prefix(region), year_from, year_to, document)
        selection.check()
        if fmt == "adjacency":
            matrix_slice = network.Slice(document, level, selection.region, year_from, year_to)
            with open_store(settings_for(engine), schema=False) as store:
                if document is not None and not store.run("documents_exists", {"key": document}):
                    raise fail(f"no notice has the key {document!r} (see `policygraph query documents_list`)")
                matrix = network.adjacency_csv_of(store, matrix_slice)
            write_text(matrix, output or Path("policygraph-adjacency.csv"))
            return
        with open_store(settings_for(engine), schema=False) as store:
            graph = read_graph(store, selection)
        where = write(graph, fmt, output)
        err_console.print(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges → {where}")
