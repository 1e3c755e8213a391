"""`policygraph viz`: one notice's, agency's or programme's graph as a self-contained HTML file that opens offline."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from policygraph.analysis.lineage import lineage
from policygraph.cli.common import console, fail, reports_errors
from policygraph.cli.db import EngineOption, settings_for
from policygraph.core.i18n import gettext as _
from policygraph.core.settings import Settings
from policygraph.core.terms import term
from policygraph.graph.connect import open_store
from policygraph.graph.store import GraphStore
from policygraph.graph.subgraph import KINDS, MAX_LIMIT, subgraph
from policygraph.ingest.programmes import canonical
from policygraph.visualize import network, render
from policygraph.visualize.lineage import with_lineage


def standalone_html(store: GraphStore, settings: Settings, kind: str, key: str, depth: int, limit: int) -> str:
    """The same graph as the explorer page of that node (a notice's with its lineage), without links to the API."""
    if kind == "programme":
        key = canonical(key)
    sub = subgraph(store, kind, key, depth, limit, timeout=settings.query_timeout_s)
    if kind == "document":
        sub = with_lineage(sub, lineage(store, key))
    centre = sub["nodes"][0]
    graph = network.graph_payload(sub, "layered" if kind == "document" else "radial", links=False)
    # The file speaks POLICYGRAPH_LANG, as its page's legend and tooltips do (core/i18n.py).
    shown = _("%(n)s nodes within %(depth)s hops", n=len(graph["nodes"]), depth=depth)
    if graph["truncated"]:
        shown += " " + _("(the nearest %(limit)s; more exist)", limit=limit)
    return render.standalone(
        graph, title=str(centre["label"]), subtitle=f"{centre.get('title') or term(kind)} — {shown}"
    )


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
        limit: Annotated[int, typer.Option(min=1, max=MAX_LIMIT, help="At most this many nodes, nearest first.")] = 500,
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
