"""`policygraph prefixes learn`: the 代字 a corpus uses that the shipped table does not know, with the issuer its
notices print, as CSV rows to review and then name in POLICYGRAPH_DOCNO_PREFIXES.

This is the visible replacement of the learning extraction once did on the fly: extraction itself never learns, so a
record depends on its text and the (shipped or configured) data only.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from policygraph.cli.common import reports_errors
from policygraph.core.errors import InputError
from policygraph.graph.ingest_files import expand, extract_file
from policygraph.ingest.docno import default_registry

COLUMNS = ("prefix", "issuer", "level", "region")
LEARN_HELP = (
    "Extract the notices in FILES_OR_DIRS and list the 文号 代字 they use that the 代字 table does not name, each "
    "with the issuer, level and region its notices print (the most frequent when they differ), as CSV rows "
    "prefix,issuer,level,region.\n\n"
    "Review the rows, keep the right ones in a file and name it in POLICYGRAPH_DOCNO_PREFIXES: later extractions "
    "load it on top of the shipped table. Joint issuers are left out (their 代字 is one of the organs').\n\n"
    "Examples:\n\n"
    "  policygraph prefixes learn notices/ --output prefixes.csv\n\n"
    "  POLICYGRAPH_DOCNO_PREFIXES=prefixes.csv policygraph extract notices/*.txt"
)

app = typer.Typer(help="文号 代字: list the ones a corpus uses that the table does not know.", no_args_is_help=True)


def unknown_prefixes(records: Iterable[dict[str, Any]]) -> list[tuple[str, str, str, str]]:
    """(prefix, issuer, level, region) for each 代字 the registry names no issuer for, sorted by 代字."""
    registry = default_registry()
    seen: dict[str, Counter[tuple[str, str, str]]] = defaultdict(Counter)
    for record in records:
        prefix, issuer = record.get("doc_no_prefix"), record.get("issuer")
        if not prefix or not issuer or record.get("issuer_kind") == "joint":
            continue
        known = registry.lookup(prefix, record.get("year"))
        if known is None or known.issuer is None:
            seen[prefix][(issuer, record.get("level") or "", record.get("region") or "")] += 1
    return [(prefix, *seen[prefix].most_common(1)[0][0]) for prefix in sorted(seen)]


def _write(rows: list[tuple[str, str, str, str]], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)


@app.command("learn", help=LEARN_HELP)
@reports_errors
def learn(
    paths: Annotated[
        list[Path], typer.Argument(help="Notice files or folders.", metavar="FILES_OR_DIRS...", show_default=False)
    ],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the CSV here instead of stdout.")] = None,
) -> None:
    """List the unknown 代字 of a corpus (help text: LEARN_HELP)."""
    records = []
    for path in expand(paths):
        try:
            records.append(extract_file(path))
        except InputError as error:  # one unreadable file must not hide the others' 代字
            print(f"policygraph: {error}", file=sys.stderr)
    rows = unknown_prefixes(records)
    if output is None:
        _write(rows, sys.stdout)
        return
    with output.open("w", encoding="utf-8", newline="") as f:
        _write(rows, f)
    print(f"policygraph: {len(rows)} 代字 written to {output} (review them before use)", file=sys.stderr)
