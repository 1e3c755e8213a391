"""How long the comparison of two notices takes (analysis/compare.py `compare`): two constructed 30-task notices, a
national parent and a provincial child that takes up 24 of its tasks (rewording, moving deadlines, changing leads),
drops 6 and adds 6, loaded through the real pipeline; then compare() repeated, p50 and p95. From the repository root:

    python -m bench.bench_compare                          # FalkorDB
    python -m bench.bench_compare --engine neo4j
    python -m bench.bench_compare --notices 1000           # the two notices in a synthetic corpus of 1000 first

A script, not a test: figures are printed, never asserted (the goal: ≤ 50 ms for two 30-task notices). The engine
is started in a temporary directory on a free port and stopped at the end (bench/common.py).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from bench.bench_network import corpus_records
from bench.common import Deadline, start_engine
from policygraph.analysis.compare import compare
from policygraph.graph.align import AlignTask, align
from policygraph.graph.ingest_files import ingest_paths
from policygraph.graph.loader import load_records
from policygraph.graph.store import GraphStore

PARENT_KEY = "国办发〔2023〕77号"
CHILD_KEY = "湘政办发〔2023〕66号"
TASKS = 30
TOPICS = ("县域医共体", "城市医疗集团", "家庭医生签约", "分级诊疗", "公立医院绩效考核", "医疗服务价格", "薪酬制度",
          "药品集中采购", "医用耗材采购", "短缺药品保障", "医保支付方式", "异地就医结算", "长期护理保险", "医保基金监管",
          "中医药传承", "基层卫生人才", "全科医生培养", "乡村医生队伍", "疾病预防控制", "传染病监测预警", "慢性病管理",
          "妇幼健康服务", "老年健康服务", "精神卫生服务", "健康信息平台", "互联网医院", "检查检验互认", "医疗质量安全",
          "综合监管制度", "爱国卫生运动", "健康促进行动", "职业病防治", "院前急救体系", "血液安全保障", "儿科服务能力",
          "康复医疗服务")  # fmt: skip
# What a task asks, in many wordings: each task draws four, so two tasks on different topics share little.
CLAUSES = ("完善{t}工作机制", "健全{t}配套政策", "推动{t}提质扩面", "加强{t}能力建设", "开展{t}试点评估",
           "建立{t}考核办法", "落实{t}财政投入", "强化{t}信息支撑", "规范{t}服务流程", "总结推广{t}典型经验",
           "加大{t}督导力度", "优化{t}资源布局", "探索{t}多元筹资", "压实属地{t}责任", "组建{t}专家团队",
           "修订{t}技术标准", "畅通{t}转诊渠道", "补齐{t}设施短板", "引导社会力量参与{t}", "每季度通报{t}进展",
           "编制{t}三年行动方案", "培育{t}示范单位", "把{t}纳入目标管理", "营造{t}良好氛围")  # fmt: skip
NATIONAL = ("国家卫生健康委", "国家医保局", "国家中医药局", "国家疾控局", "国家药监局")
PROVINCIAL = ("省卫生健康委", "省医保局", "省中医药局", "省疾控局", "省药监局")


def task_text(number: int, topic: str, rng: random.Random, lead: str, helper: str, month: int) -> str:
    body = "，".join(clause.format(t=topic) for clause in rng.sample(CLAUSES, 4))
    return f"（{number}）{topic}。{body}，2023年{month}月底前完成。（牵头单位：{lead}；配合单位：{helper}）"


def notices(seed: int) -> tuple[str, str]:
    """The parent (topics 0–29) and the child (topics 0–23 taken up, 30–35 added), as printed text."""
    rng = random.Random(seed)
    head = "现将有关工作任务印发给你们，请认真贯彻落实。\n一、重点工作任务\n"
    parent = [task_text(i + 1, TOPICS[i], rng, NATIONAL[i % 5], NATIONAL[(i + 1) % 5], 6 + i % 6) for i in range(TASKS)]
    child = []
    for i, topic in enumerate([*TOPICS[:24], *TOPICS[30:36]]):
        lead = PROVINCIAL[(i + (i % 7 == 0)) % 5]  # every seventh task led by another function
        child.append(task_text(i + 1, topic, rng, lead, PROVINCIAL[(i + 2) % 5], 6 + (i + i % 3) % 6))
    return (
        f"国务院办公厅关于印发深化医药卫生体制改革2023年重点工作任务的通知\n{PARENT_KEY}\n\n各省人民政府：\n{head}"
        + "\n".join(parent) + "\n\n国务院办公厅\n2023年5月10日\n",
        f"湖南省人民政府办公厅关于印发湖南省深化医药卫生体制改革2023年重点工作任务的通知\n{CHILD_KEY}\n\n各市州人民政府：\n"
        f"根据《国务院办公厅关于印发深化医药卫生体制改革2023年重点工作任务的通知》（{PARENT_KEY}）精神，{head}"
        + "\n".join(child) + "\n\n湖南省人民政府办公厅\n2023年6月20日\n",
    )  # fmt: skip


def load_pair(store: GraphStore, seed: int) -> None:
    parent, child = notices(seed)
    with tempfile.TemporaryDirectory(prefix="pg-bench-compare-") as folder:
        (Path(folder) / "parent.txt").write_text(parent, encoding="utf-8")
        (Path(folder) / "child.txt").write_text(child, encoding="utf-8")
        started = time.perf_counter()
        ingest_paths(store, [Path(folder)])
        print(
            f"  the two notices ingested (extraction and derived refresh included) in {time.perf_counter() - started:.2f} s"
        )


def percentiles(label: str, seconds: list[float]) -> None:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    print(f"  {label:<44} p50 {statistics.median(ms):7.2f} ms   p95 {p95:7.2f} ms   (n = {len(ms)})")


def unique(tasks: list[dict[str, Any]]) -> list[AlignTask]:
    """Each task once (a task in several pairs appears in each), in its notice's order."""
    by_key = {t["key"]: t for t in tasks}
    return [AlignTask(t["key"], t["title"], t["text"]) for t in sorted(by_key.values(), key=lambda t: t["ordinal"])]


def measure(store: GraphStore, repeats: int) -> None:
    result = compare(store, CHILD_KEY)
    counts = result["counts"]
    print(f"  {result['shares']['tasks']} vs {result['shares']['other_tasks']} tasks: {counts['pairs']} pairs, "
          f"{counts['added']} added, {counts['dropped']} dropped, {counts['lead_changed']} leads changed")  # fmt: skip
    runs, cpu = [], []
    for _ in range(repeats):
        started, cpu_started = time.perf_counter(), time.process_time()
        compare(store, CHILD_KEY)
        runs.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    percentiles("compare() with its parent (default)", runs)
    # This process's CPU alone (the engine's work excluded): steadier than wall time on a shared machine.
    percentiles("  its Python CPU time", cpu)
    a = unique([p["task"] for p in result["inherited"]] + result["added"])
    b = unique([p["other"] for p in result["inherited"]] + result["dropped"])
    aligning = []
    for _ in range(repeats):
        started = time.perf_counter()
        align(a, b)
        aligning.append(time.perf_counter() - started)
    percentiles("of which align() alone (no database)", aligning)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)  # fmt: skip
    parser.add_argument("--engine", choices=("falkordb", "neo4j"), default="falkordb")
    parser.add_argument("--notices", type=int, default=0, help="a synthetic corpus of N notices loaded first")
    parser.add_argument("--repeats", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2, help="extraction processes for the synthetic corpus")
    parser.add_argument("--time-limit", type=float, default=1800.0, help="seconds; the run stops itself after this")
    args = parser.parse_args()
    deadline = Deadline(args.time_limit)
    with ExitStack() as stack:
        engine = start_engine(args.engine, stack, deadline, keep=False)
        store = engine.fresh("bench_compare")
        if args.notices:
            records = corpus_records(args.notices, args.seed, args.workers, None)
            started = time.perf_counter()
            load_records(store, records, batch_size=200)
            print(f"  {args.notices} synthetic notices loaded in {time.perf_counter() - started:.1f} s")
        load_pair(store, args.seed)
        print(f"\ncompare() on {engine.version}")
        measure(store, args.repeats)
        store.close()
        engine.drop("bench_compare")
    deadline.cancel()


if __name__ == "__main__":
    main()
