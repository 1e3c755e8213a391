"""The `policygraph` command. Each subcommand is a thin layer over one library function."""

import typer

from policygraph.cli import (
    ask,
    citations,
    compare,
    correct,
    db,
    demo,
    diffusion,
    export,
    extract,
    ingest,
    map,
    network,
    prefixes,
    query,
    serve,
    viz,
)

app = typer.Typer(
    name="policygraph",
    help=(
        "PolicyGraph: a knowledge graph of Chinese health-reform notices (深化医药卫生体制改革重点工作任务).\n\n"
        "Typical use: `policygraph demo` starts the embedded engine, loads seeds/ and serves the explorer."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(db.app, name="db")
app.add_typer(prefixes.app, name="prefixes")
extract.register(app)
ingest.register(app)
query.register(app)
demo.register(app)
serve.register(app)
viz.register(app)
network.register(app)
diffusion.register(app)
ask.register(app)
export.register(app)
citations.register(app)
correct.register(app)
compare.register(app)
map.register(app)


def main() -> None:
    app()
