"""The API's read cache on both engines: answers as the engine's, emptied by any write, expiring after its TTL."""

from __future__ import annotations

import time

from policygraph.graph.cached_store import CachedStore
from policygraph.graph.store import GraphStore

COUNT = "MATCH (d:Document) RETURN count(d) AS n"


def test_reads_are_cached_and_writes_empty_the_cache(store: GraphStore) -> None:
    cached = CachedStore(store, ttl=60)
    assert cached.read(COUNT) == [{"n": 0}]
    store.write("CREATE (:Document {key: 'behind the cache'})")
    assert cached.read(COUNT) == [{"n": 0}]  # served from the cache: the write did not go through it
    cached.write("CREATE (:Document {key: 'through the cache'})")
    assert cached.read(COUNT) == [{"n": 2}]


def test_entries_expire(store: GraphStore) -> None:
    cached = CachedStore(store, ttl=0.2)
    assert cached.read(COUNT) == [{"n": 0}]
    store.write("CREATE (:Document {key: 'later'})")
    time.sleep(0.25)
    assert cached.read(COUNT) == [{"n": 1}]


def test_callers_cannot_change_cached_rows(store: GraphStore) -> None:
    cached = CachedStore(store, ttl=60)
    cached.read(COUNT)[0]["n"] = 99
    assert cached.read(COUNT) == [{"n": 0}]
    assert cached.describe_schema() == store.describe_schema()
