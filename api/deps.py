"""Dependencies as named types: `StoreDep` gives a route the graph store, `SettingsDep` the settings."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from policygraph.core.settings import Settings
from policygraph.graph.store import GraphStore


def get_store(request: Request) -> GraphStore:
    store: GraphStore = request.app.state.stores.get()
    return store


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.stores.settings
    return settings


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
