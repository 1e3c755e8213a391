"""A read cache in front of a GraphStore, for the API: the graph changes only when notices are loaded.

Read results are kept for `ttl` seconds (an LRU of bounded size); any write through this store empties the cache at
once. A load by another process (the `ingest` command) shows in the API after at most `ttl` seconds.
"""

from __future__ import annotations

import copy
import json
import threading
import time
from collections import OrderedDict

from policygraph.graph.store import GraphStore, Params, Row


class CachedStore(GraphStore):
    def __init__(self, inner: GraphStore, ttl: float, max_entries: int = 2048) -> None:
        self.inner = inner
        self.engine = inner.engine
        self.ttl = ttl
        self.max_entries = max_entries
        self._entries: OrderedDict[str, tuple[float, list[Row]]] = OrderedDict()
        self._lock = threading.Lock()

    def _key(self, query: str, params: Params | None, timeout: float | None) -> str:
        return json.dumps([query, params or {}, timeout], sort_keys=True, ensure_ascii=False, default=str)

    def read(self, query: str, params: Params | None = None, *, timeout: float | None = None) -> list[Row]:
        key = self._key(query, params, timeout)
        now = time.monotonic()
        with self._lock:
            hit = self._entries.get(key)
            if hit and now - hit[0] < self.ttl:
                self._entries.move_to_end(key)
                return copy.deepcopy(hit[1])  # callers may reshape rows; the cached ones must stay as read
        rows = self.inner.read(query, params, timeout=timeout)
        with self._lock:
            self._entries[key] = (now, copy.deepcopy(rows))
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return rows

    def write(self, query: str, params: Params | None = None, *, timeout: float | None = None) -> list[Row]:
        self.clear_cache()
        try:
            return self.inner.write(query, params, timeout=timeout)
        finally:
            self.clear_cache()  # a read that raced with the write must not survive it

    def clear_cache(self) -> None:
        with self._lock:
            self._entries.clear()

    def ping(self) -> None:
        self.inner.ping()  # readiness must ask the engine, never the cache

    def version(self) -> str:
        return self.inner.version()

    def apply_schema(self) -> None:
        self.clear_cache()
        self.inner.apply_schema()

    def close(self) -> None:
        self.clear_cache()
        self.inner.close()
