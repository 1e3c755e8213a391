"""bench_load --check: what was extracted and loaded, compared with what the generator put in."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from typing import Any

from bench.common import BENCH_CYPHER, Corpus, Record
from policygraph.graph.rows import document_key
from policygraph.graph.store import GraphStore

SAMPLE = 50  # documents read back from the graph
TASKS_PER_DOCUMENT = (BENCH_CYPHER / "tasks_per_document.cypher").read_text(encoding="utf-8")


def record_problems(records: list[Record], corpus: Corpus, limit: int = 4) -> tuple[Counter[str], dict[str, list[str]]]:
    """Compare every record with what the generator put in: counts of mismatches per field, and a few examples."""
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for record, (name, _, expected) in zip(records, corpus, strict=True):
        tasks = record["tasks"]
        roles = tuple((len(t["lead"]), len(t["cooperating"])) for t in tasks)
        deadlines = tuple((t.get("deadline") or {}).get("date") for t in tasks)
        basis = {c["doc_no"] or f"《{c['title']}》" for c in record["cited"] if c["relation"] == "basis"}
        found: dict[str, tuple[object, object]] = {
            "doc_no": (record["doc_no"], expected.doc_no),
            "tasks": (len(tasks), expected.tasks),
            "roles": (roles, expected.task_roles),
            "region": (record["region"], expected.region),
            "level": (record["level"], expected.level),
            "year": (record["year"], expected.year),
            "date": (record["date"], expected.date),
            "deadlines": (deadlines, expected.deadlines),
            "basis": (sorted(basis), sorted(expected.basis)),
        }
        for field_name, (got, wanted) in found.items():
            if got != wanted:
                counts[field_name] += 1
                if len(examples[field_name]) < limit:
                    if field_name == "roles":
                        got, wanted = _first_difference(roles, expected.task_roles)
                    examples[field_name].append(f"{name}: got {got}, put in {wanted}")
    return counts, examples


def _first_difference(got: tuple[tuple[int, int], ...], wanted: tuple[tuple[int, int], ...]) -> tuple[str, str]:
    for i, (a, b) in enumerate(zip(got, wanted, strict=False)):
        if a != b:
            return f"task {i + 1} (lead, coop) {a}", str(b)
    return f"{len(got)} tasks", f"{len(wanted)} tasks"


def graph_problems(
    summary: dict[str, Any], store: GraphStore, records: list[Record], corpus: Corpus, seed: int
) -> list[str]:
    """documents == N, tasks == what was put in, and a sample of documents read back from the graph."""
    problems = []
    n = len(records)
    expected_tasks = sum(e.tasks for _, _, e in corpus[:n])
    keys = [document_key(r["doc_no"], r["region"], r["year"], r["title"]) for r in records]
    distinct = len(set(keys))
    if summary["documents"] != n:
        problems.append(f"documents {summary['documents']} != N {n} ({n - distinct} records share a key with "
                        "another one, so they replaced it)")  # fmt: skip
    if summary["tasks"] != expected_tasks:
        problems.append(f"tasks {summary['tasks']} != {expected_tasks} put in")
    owners = Counter(keys)
    sample = [i for i in random.Random(seed).sample(range(n), min(SAMPLE, n)) if owners[keys[i]] == 1]
    rows = {r["key"]: r for r in store.read(TASKS_PER_DOCUMENT, {"keys": [keys[i] for i in sample]})}
    wrong = 0
    for i in sample:
        expected = corpus[i][2]
        row = rows.get(keys[i])
        got = (row["tasks"], row["leads"], row["cooperating"]) if row else None
        if got != (expected.tasks, expected.leads, expected.cooperating):
            wrong += 1
            if wrong <= 3:
                problems.append(f"{corpus[i][0]}: graph has (tasks, leads, coop) {got}, put in "
                                f"{(expected.tasks, expected.leads, expected.cooperating)}")  # fmt: skip
    problems.append(f"sample read back from the graph: {len(sample) - wrong}/{len(sample)} documents as put in")
    return problems
