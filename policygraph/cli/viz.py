"""`policygraph viz`: one notice's, agency's or programme's graph as a self-contained HTML file that opens offline."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from policygraph.api.routes import documents, programmes, subgraph
from policygraph.api.routes.pages import answer
from policygraph.cli.common import console, fail, reports_errors
from policygraph.cli.db import EngineOption, settings_for
from policygraph.core.settings import Settings
from policygraph.graph.connect import open_store
from policygraph.graph.store import GraphStore
from policygraph.visualize import lineage, network, render

KINDS = ("document", "agency", "programme")


def standalone_html(store: GraphStore, settings: Settings, kind: str, key: str, depth: int, limit: int) -> str:
    """The same graph as the explorer page of that node (a notice's with its lineage), without links to the API."""
    if kind == "programme":
        key = programmes.canonical(key)
    sub: dict[str, Any] = answer(
        subgraph.subgraph, store=store, settings=settings, kind=kind, key=key, depth=depth, limit=limit
    )
    if kind == "document":
        sub = lineage.with_lineage(sub, answer(documents.lineage, key=key, store=store))
    centre = sub["nodes"][0]
    graph = network.graph_payload(sub, "layered" if kind == "document" else "radial", links=False)
    shown = f"{len(graph['nodes'])} nodes within {depth} hops" + (
        f" (the nearest {limit}; more exist)" if graph["truncated"] else ""
    )
    return render.standalone(graph, title=str(centre["label"]), subtitle=f"{centre.get('title') or kind} — {shown}")


def register(app: typer.Typer) -> None:
    @app.command()
    @reports_errors
    def viz(
        kind: Annotated[str, typer.Argument(metavar="KIND", help="document, agency or programme.")],
        key: Annotated[
            str,
            typer.Argument(
                metavar="KEY",
                help="A notice's 文号 (or region|year|title), an agency's jurisdiction|name, a programme's name.",
            ),
        ],
        output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")],
        depth: Annotated[
            int, typer.Option(min=1, max=3, help="Hops from the centre (a notice's lineage is always whole).")
        ] = 2,
        limit: Annotated[
            int, typer.Option(min=1, max=subgraph.MAX_LIMIT, help="At most this many nodes, nearest first.")
        ] = 500,
        engine: EngineOption = None,
    ) -> None:
        """Write the graph around a notice, an agency or a programme as one HTML file (vis-network inlined: no
        network needed to open it). Notices are drawn as their lineage, national at the top.

        Examples:

          policygraph viz document '临州办发〔2021〕76号' -o linxia.html

          policygraph viz agency '西藏自治区|西藏自治区卫生健康委员会' -o xizang-health.html --depth 1

          policygraph viz programme 三明医改经验 -o sanming.html
        """
        if kind not in KINDS:
            raise fail(f"KIND is document, agency or programme, not {kind!r}")
        settings = settings_for(engine)
        with open_store(settings, schema=False) as store:
            html = standalone_html(store, settings, kind, key, depth, limit)
        output.write_text(html, encoding="utf-8")
        console.print(f"wrote {output} ({len(html) // 1024} kB)", highlight=False)
