"""Time-to-stable of the explorer's graph view at 2,000 nodes, in headless Chromium (goal: ≤ 3 s).

Builds a synthetic subgraph shaped like the API's (notices at four tiers, their tasks, lead and cooperating agencies,
programmes; ~6,000 edges), lays it out in Python (visualize/layout.py), writes the self-contained page that
`policygraph viz` writes, opens it in Debian's Chromium and reads `window.pgReadyAt`: the first drawing after
navigation start (physics is off, so the first drawing is the stable one). Prints one line per layout.

    python -m bench.bench_viz                 # 2,000 nodes, both layouts, 3 runs each
    python -m bench.bench_viz --nodes 500 --runs 5
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from policygraph.visualize import network, render

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip
LEVELS = ["national", "provincial", "prefectural", "county"]
AGENCY_KINDS = ["agency", "agency", "agency", "collective", "party organ", "vertically managed"]


def synthetic(total: int, seed: int = 0) -> dict[str, Any]:
    """Notices (2%), tasks (60%), agencies (35%), programmes (3%), with the API's node and edge fields."""
    rng = random.Random(seed)
    n_docs, n_progs = max(2, total // 50), max(1, total * 3 // 100)
    n_tasks = total * 60 // 100
    n_agencies = total - n_docs - n_progs - n_tasks
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []

    def add(id_: str, kind: str, **fields: Any) -> None:
        nodes.append({"id": id_, "kind": kind, "label": id_, "hop": 1, "level": None, "stub": None,
                      "kind_detail": None, "task_count": None, "title": f"{kind} {id_} 深化医药卫生体制改革", **fields})  # fmt: skip

    def link(source: str, target: str, type_: str, **fields: Any) -> None:
        edges.append({"source": source, "target": target, "type": type_, "relation": None, "basis": None,
                      "quote": f"(牵头单位:{source})", "reason": None, **fields})  # fmt: skip

    docs = [f"文{i}号" for i in range(n_docs)]
    for i, doc in enumerate(docs):
        add(doc, "Document", hop=0 if i == 0 else 1, level=LEVELS[min(3, i.bit_length())], stub=i % 5 == 0,
            task_count=rng.randint(15, 40))  # fmt: skip
        if i:
            parent = docs[(i - 1) // 2]
            link(doc, parent, "IMPLEMENTS", relation="inferred" if i % 3 == 0 else "explicit")
            link(doc, parent, "CITES", relation="basis")
    agencies = [f"局{i}" for i in range(n_agencies)]
    for agency in agencies:
        add(agency, "Agency", hop=2, kind_detail=rng.choice(AGENCY_KINDS), task_count=rng.randint(1, 60))
    programmes = [f"项目{i}" for i in range(n_progs)]
    for programme in programmes:
        add(programme, "Programme", hop=2, task_count=rng.randint(1, 30))
    for i in range(n_tasks):
        task = f"{docs[i % n_docs]}#{i}"
        add(task, "Task", level=LEVELS[i % 4])
        link(docs[i % n_docs], task, "HAS_TASK")
        link(rng.choice(agencies), task, "LEADS", basis=rng.choice(["explicit", "sole", "standing_clause"]))
        for agency in rng.sample(agencies, 2):
            link(agency, task, "COOPERATES_ON", basis="explicit")
        if rng.random() < 0.5:
            link(task, rng.choice(programmes), "MENTIONS")
    return {"nodes": nodes, "edges": edges, "truncated": False}


def time_to_stable(browser: Any, path: Path) -> tuple[float, float]:
    """(first drawing after navigation start, as the page measures it; wall time of goto → drawn), in seconds."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    started = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_selector("#graph[data-ready=true]", timeout=120_000)
    wall = time.perf_counter() - started
    ready = page.evaluate("window.pgReadyAt") / 1000
    page.close()
    return ready, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    subgraph = synthetic(args.nodes)
    print(f"synthetic subgraph: {len(subgraph['nodes'])} nodes, {len(subgraph['edges'])} edges; {args.runs} runs each")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for how in ("layered", "radial"):
            started = time.perf_counter()
            graph = network.graph_payload(subgraph, how, links=False)  # type: ignore[arg-type]
            python_s = time.perf_counter() - started
            path = Path(folder) / f"{how}.html"
            path.write_text(render.standalone(graph, title=f"bench {how}"), encoding="utf-8")
            results = [time_to_stable(browser, path) for _ in range(args.runs)]
            ready = statistics.median(r[0] for r in results)
            wall = statistics.median(r[1] for r in results)
            size_kb = path.stat().st_size // 1024
            print(f"{how:8} layout+styling in Python {python_s:.2f} s | page {size_kb} kB | time to stable in Chromium: "
                  f"{ready:.2f} s after navigation start (median; wall {wall:.2f} s; runs {[round(r[0], 2) for r in results]})")  # fmt: skip
        browser.close()


if __name__ == "__main__":
    main()
