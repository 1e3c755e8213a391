"""Extraction record (its JSON form) → the parameter map that cypher/documents_load.cypher writes.

Natural keys are decided here, once:
- Document: its 文号 (`国办发〔2021〕20号`); without one, `region|year|title`; a cited notice known only by title,
  `《title》`;
- Task: document key + `#` + position; Target: task key + `#target` + position;
- Agency: `jurisdiction|canonical name` — identity is scoped by jurisdiction (省卫健委 in 山西 ≠ in 广东);
- Programme: its name; Region: its division code.
Everything here is deterministic in the record alone, so the order of ingestion cannot change the graph.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from policygraph.core.vocabulary import TIER_NUMBER
from policygraph.graph.search_text import search_text
from policygraph.ingest import divisions
from policygraph.ingest.docno import DocNoRegistry, find_doc_nos, load_registry

SERIES_WORDS = (("深化医药卫生体制改革", "医改"), ("重点工作任务", "重点任务", "工作安排", "重点工作"))

Record = Mapping[str, Any]

# What names an organ's place in the hierarchy rather than its function: dropped to compare functions across tiers.
_TIER_PREFIX = re.compile(r"^(?:国家|中共|中央)")
_ORGAN_TYPE = re.compile(r"(?:委员会|总局|委|部|厅|局)$")


def is_series_title(title: str | None) -> bool:
    """Is this a notice of the annual 深化医药卫生体制改革重点工作任务 series (at any tier)?"""
    if not title:
        return False
    return all(any(word in title for word in words) for words in SERIES_WORDS)


def document_key(doc_no: str | None, region: str | None, year: int | None, title: str | None) -> str:
    if doc_no:
        return doc_no
    if title and not region and not year:
        return f"《{title}》"
    return f"{region or ''}|{year or ''}|{title or ''}"


@cache
def resolved(path: str) -> divisions.Region | None:
    """A region path or name resolved once per process: every role of every task names its jurisdiction, and
    resolving it again for each one was a third of the time of building a notice's rows."""
    return divisions.resolve(path)


@cache
def _shipped_registry() -> DocNoRegistry:
    """The 代字 table as shipped, without anything learned during extraction, so stubs never depend on order."""
    return load_registry()


def tier_of(level: str | None, region: str | None) -> int | None:
    """Department notices sit at the tier of their government's region."""
    if level in TIER_NUMBER:
        return TIER_NUMBER[level]
    found = resolved(region) if region else None
    return TIER_NUMBER.get(found.level) if found else None


def region_chain(region_path: str | None) -> list[dict[str, Any]]:
    """The region and its parents up to 中国, lowest first: [{code, name, level, path}]."""
    region = resolved(region_path) if region_path else None
    if region is None:
        return []
    chain = [region, *divisions.parents(region)]
    return [{"code": r.code, "name": r.name, "level": r.level, "path": divisions.full_path(r)} for r in chain]


def agency_row(role: Mapping[str, Any]) -> dict[str, Any]:
    jurisdiction = role.get("jurisdiction") or ""
    canonical = role["canonical"]
    region = resolved(jurisdiction) if jurisdiction else None
    own_name = region.name if region else ""
    return {
        "key": f"{jurisdiction}|{canonical}",
        "name": canonical,
        "jurisdiction": jurisdiction or None,
        "level": region.level if region else ("national" if not jurisdiction else None),
        "kind": role.get("kind") or "agency",
        # The function without its region, to group all 卫生健康委员会 across regions.
        "function": canonical.removeprefix("中共").removeprefix(own_name).removeprefix("委员会") or canonical,
        "basis": role.get("basis"),
        "quote": role.get("quote"),
        "span": list(role.get("span") or []),
        "as_written": role.get("as_written"),
    }


def function_family(function: str) -> str:
    """An agency's function (agency_row's `function`) without the tier's marks, to compare one function across tiers:
    国家卫生健康委员会, 卫生健康委员会 and a county's 卫生健康局 are all 卫生健康; 财政部, 财政厅 and 财政局 all 财政."""
    return _ORGAN_TYPE.sub("", _TIER_PREFIX.sub("", function)) or function


def agency_rows(roles: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One row per agency: an agency named twice in one task (two paragraphs) keeps its first attribution."""
    rows: dict[str, dict[str, Any]] = {}
    for role in roles:
        row = agency_row(role)
        rows.setdefault(row["key"], row)
    return list(rows.values())


def citation_row(citation: Mapping[str, Any]) -> dict[str, Any]:
    doc_no, title = citation.get("doc_no"), citation.get("title")
    issuer = level = region = None
    year = None
    found = find_doc_nos(doc_no) if doc_no else []
    if found:
        year = found[0].year
        known = _shipped_registry().lookup(found[0].prefix)
        if known:
            issuer, level = known.issuer, known.level
            found_region = divisions.resolve(known.region) if known.region else None
            region = divisions.full_path(found_region) if found_region else None
    return {
        "key": document_key(doc_no, None, None, title),
        "doc_no": doc_no,
        "doc_no_prefix": found[0].prefix if found else None,
        "title": title,
        "issuer": issuer,
        "level": level,
        "tier": TIER_NUMBER.get(level or ""),
        "region": "中国" if level == "national" else region,
        "year": year,
        "series": is_series_title(title),
        "relation": citation.get("relation"),
        "quote": citation.get("quote"),
        "span": list(citation.get("span") or []),
    }


def task_rows(doc_key: str, tasks: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for position, task in enumerate(tasks, start=1):
        key = f"{doc_key}#{position}"
        rows.append({
            "key": key,
            "ordinal": position,
            "section": task.get("section"),
            "number": task.get("number"),
            "title": task.get("title"),
            "text": task.get("text"),
            "search_text": search_text(task.get("title"), task.get("text")),
            "span": list(task.get("span") or []),
            **deadline_row(task.get("deadline") or {}),
            "leads": agency_rows(task.get("lead_detail", [])),
            "cooperating": agency_rows(task.get("cooperating_detail", [])),
            "programmes": [{"key": name, "name": name} for name in dict.fromkeys(task.get("programmes", []))],
            "targets": [
                {"key": f"{key}#target{i}", "text": t["text"], "kind": t["kind"], "value": t.get("value"),
                 "span": list(t.get("span") or [])}
                for i, t in enumerate(task.get("targets", []), start=1)
            ],
        })  # fmt: skip
    return rows


def deadline_row(deadline: Mapping[str, Any]) -> dict[str, Any]:
    """The task's deadline as flat properties (an engine stores no maps): a task with none printed is kind `none`."""
    return {
        "deadline_as_written": deadline.get("as_written"),
        "deadline_date": deadline.get("date"),
        "deadline_kind": deadline.get("kind") or "none",
    }


def coverage_row(coverage: Mapping[str, Any] | None) -> dict[str, Any]:
    """The coverage report as flat properties both engines store and index; the fragments and missing fields, which
    are lists of maps, as JSON strings. A record without a report (written before it existed) gives nulls."""
    if coverage is None:
        return {name: None for name in COVERAGE_PROPERTIES}
    return {
        "tasks_with_lead": coverage.get("tasks_with_lead"),
        "tasks_with_cooperating": coverage.get("tasks_with_cooperating"),
        "tasks_with_deadline": coverage.get("tasks_with_deadline"),
        "unconsumed_count": len(coverage.get("unconsumed") or []),
        "unconsumed_json": json.dumps(coverage.get("unconsumed") or [], ensure_ascii=False),
        "missing_json": json.dumps(coverage.get("missing") or [], ensure_ascii=False),
        "needs_review": bool(coverage.get("needs_review")),
        "review_reasons": list(coverage.get("reasons") or []),
    }


COVERAGE_PROPERTIES = ("tasks_with_lead", "tasks_with_cooperating", "tasks_with_deadline", "unconsumed_count",
                       "unconsumed_json", "missing_json", "needs_review", "review_reasons")  # fmt: skip


def issuer_rows(record: Record) -> list[dict[str, Any]]:
    """The issuing organs: one, or each organ of a joint issuer (中共遵义市委、遵义市人民政府), in printed order."""
    issuer = record.get("issuer")
    if not issuer:
        return []
    names = issuer.split("、") if record.get("issuer_kind") == "joint" else [issuer]
    jurisdiction = record.get("region") or ""
    return [agency_row({"canonical": name, "jurisdiction": jurisdiction, "kind": "agency"}) for name in names if name]


def document_row(record: Record) -> dict[str, Any]:
    """The whole parameter map for one notice."""
    key = document_key(record.get("doc_no"), record.get("region"), record.get("year"), record.get("title"))
    chain = region_chain(record.get("region"))
    own_key = key
    cited = [citation_row(c) for c in record.get("cited", [])]
    return {
        "key": key,
        "doc_no": record.get("doc_no"),
        "doc_no_prefix": record.get("doc_no_prefix"),
        "title": record.get("title"),
        "issuer": record.get("issuer"),
        "issuer_kind": record.get("issuer_kind"),
        "level": record.get("level"),
        "tier": tier_of(record.get("level"), record.get("region")),
        "region": record.get("region"),
        "date": record.get("date"),
        "year": record.get("year"),
        "sha256": record.get("sha256"),
        "source": record.get("source"),
        "retrieved": record.get("retrieved"),  # a notice fetched from a URL: when it was downloaded
        "series": is_series_title(record.get("title")),
        "regions": chain,
        "region_code": chain[0]["code"] if chain else None,
        "issuer_agencies": issuer_rows(record),
        "cited": [c for c in cited if c["key"] != own_key],
        "tasks": task_rows(key, record.get("tasks", [])),
        "coverage": coverage_row(record.get("coverage")),
    }
