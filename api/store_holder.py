"""The API's connection to the graph: made on first use, dropped when the engine goes away, made again when it is back.

So an API started before its engine, or whose engine restarts, recovers without a restart of its own; meanwhile every
request gets a 503 within the connect timeout (2 s).
"""

from __future__ import annotations

import contextlib
import threading

from policygraph.core.errors import EngineUnavailable
from policygraph.core.settings import Settings
from policygraph.graph.cached_store import CachedStore
from policygraph.graph.connect import connect
from policygraph.graph.store import GraphStore


class StoreHolder:
    def __init__(self, settings: Settings, store: GraphStore | None = None) -> None:
        self.settings = settings
        self._store = self._cached(store) if store else None
        self._lock = threading.Lock()

    def _cached(self, store: GraphStore) -> GraphStore:
        return CachedStore(store, self.settings.cache_seconds) if self.settings.cache_seconds > 0 else store

    def get(self) -> GraphStore:
        with self._lock:
            if self._store is None:
                self._store = self._cached(connect(self.settings, start=False))
            return self._store

    def forget(self) -> None:
        """Called when the engine was unreachable: the next request connects afresh."""
        with self._lock:
            store, self._store = self._store, None
        if store is not None:
            with contextlib.suppress(EngineUnavailable):
                store.close()

    def close(self) -> None:
        self.forget()
