"""Exports: the graph, or the part hanging from the notices that match the filters, as a file for Gephi (GEXF with
year spells for its timeline), yEd/Cytoscape (GraphML), spreadsheets (a zip of nodes.csv and edges.csv) or JSON."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from policygraph.analysis.export_formats import EXTENSIONS, MEDIA_TYPES, export_bytes
from policygraph.analysis.exports import ExportFilter, read_graph
from policygraph.api.deps import StoreDep
from policygraph.api.params import Year
from policygraph.core.vocabulary import Level
from policygraph.ingest.divisions import region_prefix

router = APIRouter(prefix="/export", tags=["exports"])

CHUNK = 64 * 1024
FILE_CONTENT = {media: {"schema": {"type": "string", "format": "binary"}} for media in MEDIA_TYPES.values()}


def chunks(data: bytes) -> Iterator[bytes]:
    for start in range(0, len(data), CHUNK):
        yield data[start : start + CHUNK]


def file_name(fmt: str, selection: ExportFilter) -> str:
    """policygraph.gexf, or policygraph-filtered.gexf when filters apply (the name stays ASCII for every browser)."""
    stem = "policygraph" if selection.is_whole_graph() else "policygraph-filtered"
    return f"{stem}.{EXTENSIONS[fmt]}"


@router.get(
    "",
    summary="Download the graph as GEXF, GraphML, CSV or JSON",
    description=(
        "Without filters: the whole graph. With filters (level, region including everything below it, year range, "
        "one notice): the matching full notices with their tasks, agencies, programmes and targets, the notices they "
        "cite or implement and those citing or implementing them, their lineage up to the national notice and their "
        "region chain. GEXF is dynamic (timeformat date): every node and edge with a year has a start/end spell, for "
        "Gephi's timeline. csv is a zip of nodes.csv and edges.csv. Lists are JSON text in every format."
    ),
    response_class=StreamingResponse,
    responses={
        200: {"content": FILE_CONTENT, "description": "The file, as an attachment."},
        404: {"description": "No notice with that key matches the filters."},
    },
)
def export(
    store: StoreDep,
    format: Annotated[Literal["gexf", "graphml", "csv", "json"], Query(description="File format.")] = "gexf",
    level: Annotated[Level | None, Query(description="Level of the notices.")] = None,
    region: Annotated[
        str | None,
        Query(
            max_length=50,
            description="A region in any common form (甘肃, 临夏州, 晋); includes everything below it.",
            examples=["临夏州"],
        ),
    ] = None,
    year_from: Year = None,
    year_to: Year = None,
    document: Annotated[
        str | None,
        Query(
            max_length=300,
            description="One notice's key (文号, or region|year|title).",
            examples=["临州办发〔2021〕76号"],
        ),
    ] = None,
) -> StreamingResponse:
    selection = ExportFilter(level, region_prefix(region), year_from, year_to, document)
    graph = read_graph(store, selection)
    headers = {
        "Content-Disposition": f'attachment; filename="{file_name(format, selection)}"',
        "X-Node-Count": str(graph.number_of_nodes()),
        "X-Edge-Count": str(graph.number_of_edges()),
    }
    return StreamingResponse(chunks(export_bytes(graph, format)), media_type=MEDIA_TYPES[format], headers=headers)
