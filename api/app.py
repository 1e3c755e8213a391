"""The PolicyGraph API: FastAPI over the `cypher/` queries. It never parses documents and never builds Cypher from
user input: every query is a file in cypher/, every value a parameter."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from policygraph.api import blank_fields, errors, language
from policygraph.api.routes import (
    agencies,
    citations,
    corrections,
    cypher_console,
    diffusion,
    documents,
    exports,
    fetches,
    health,
    maps,
    networks,
    pages,
    programmes,
    questions,
    search,
    subgraph,
    upload_page,
    uploads,
)
from policygraph.api.store_holder import StoreHolder
from policygraph.core.settings import Settings, get_settings
from policygraph.core.version import __version__
from policygraph.graph.store import GraphStore
from policygraph.visualize import map_shapes

DESCRIPTION = """
Who leads which task of China's health reform, and which notice descends from which.

The graph holds the 深化医药卫生体制改革重点工作任务 notices of the State Council, provinces, prefectures and counties:
their tasks, the agencies that lead (牵头) and cooperate (配合) on each, the programmes they mention, and the citations
that link a local notice to its national parent. Every answer comes from a Cypher query in `cypher/`.
"""


def _prepare_map_shapes() -> None:
    """The maps' shapes read (or, on a first run, built: 20-60 s) while the server starts, not in the first map
    request; a failure is logged and left to that request to report."""
    try:
        map_shapes.shapes()
    except Exception:  # a background warm-up must never take the server down
        logging.getLogger("policygraph.api").warning("map shapes not prepared", exc_info=True)


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """The app for the configured engine (or a given store, as the tests do)."""
    stores = StoreHolder(settings or get_settings(), store)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        threading.Thread(target=_prepare_map_shapes, name="map-shapes", daemon=True).start()
        yield
        stores.close()

    app = FastAPI(title="PolicyGraph", version=__version__, description=DESCRIPTION, lifespan=lifespan)
    app.state.stores = stores
    errors.install(app)
    blank_fields.install(app)
    language.install(app, stores.settings.lang)
    routers = (health, corrections, documents, agencies, programmes, search, subgraph, networks, diffusion, questions, exports,
               citations, cypher_console, uploads, fetches, upload_page, maps, pages)  # fmt: skip
    for module in routers:
        app.include_router(module.router)
    return app
