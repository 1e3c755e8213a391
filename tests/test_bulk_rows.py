"""The bulk path's graph, computed without a database (graph/bulk_rows.py), and its GRAPH.BULK encoding.

The records are constructed here, small and bare (the fields graph/rows.py reads); tests/test_bulk.py compares the
whole result with the incremental loader's on both engines.
"""

from __future__ import annotations

import struct
from typing import Any

import pytest

from policygraph.graph.bulk_falkordb import commands, value_bytes
from policygraph.graph.bulk_rows import BulkGraph, BulkStream, bulk_graph


def notice(source: str, doc_no: str, *, sha: str = "h", tasks: int = 1, cites: list[dict[str, Any]] | None = None,
           lead: str = "省卫生健康委", kind: str = "agency") -> dict[str, Any]:  # fmt: skip
    return {
        "source": source,
        "doc_no": doc_no,
        "title": f"关于{doc_no}的通知",
        "region": "山西省",
        "year": 2022,
        "sha256": sha,
        "cited": cites or [],
        "tasks": [
            {"text": f"任务{i}", "lead_detail": [{"canonical": lead, "jurisdiction": "山西省", "kind": kind}]}
            for i in range(1, tasks + 1)
        ],
    }


def statuses(graph: BulkGraph) -> list[tuple[str, str]]:
    return [(o.source, o.status) for o in graph.outcomes]


def test_a_later_file_with_the_same_key_replaces_the_earlier_whole() -> None:
    graph = bulk_graph([notice("a.txt", "晋政办发〔2022〕1号", tasks=3, sha="1"),
                        notice("b.txt", "晋政办发〔2022〕1号", tasks=1, sha="2")])  # fmt: skip
    assert statuses(graph) == [("a.txt", "new"), ("b.txt", "replaced")]
    assert list(graph.nodes["Task"]) == ["晋政办发〔2022〕1号#1"]
    assert graph.nodes["Document"]["晋政办发〔2022〕1号"]["source"] == "b.txt"
    assert sorted(e.type for e in graph.edges if e.source == ("Document", "晋政办发〔2022〕1号")) == [
        "HAS_TASK", "IN_REGION"]  # fmt: skip


def test_the_same_content_in_a_later_batch_is_left_alone_as_the_loader_does() -> None:
    first, again = notice("a.txt", "晋政办发〔2022〕1号"), notice("copy.txt", "晋政办发〔2022〕1号")
    filler = [notice(f"{i}.txt", f"晋政办发〔2022〕{i}号") for i in range(10, 12)]
    graph = bulk_graph([first, *filler, again], batch_size=3)
    assert statuses(graph)[-1] == ("copy.txt", "unchanged")
    assert graph.nodes["Document"]["晋政办发〔2022〕1号"]["source"] == "a.txt"
    # In one batch the loader writes both (it only knows the graph's hashes): the later file wins.
    assert statuses(bulk_graph([first, again])) == [("a.txt", "new"), ("copy.txt", "replaced")]


def test_a_stub_takes_the_smallest_citing_title_and_its_first_citers_other_properties() -> None:
    cited = "国办发〔2021〕20号"
    graph = bulk_graph([
        notice("a.txt", "晋政办发〔2022〕1号", cites=[{"doc_no": cited, "title": "乙通知", "relation": "basis"}]),
        notice("b.txt", "晋政办发〔2022〕2号", cites=[{"doc_no": cited, "title": "甲通知深化医药卫生体制改革重点工作任务"}]),
    ])  # fmt: skip
    stub = graph.nodes["Document"][cited]
    assert stub["stub"] is True and stub["level"] == "national" and stub["year"] == 2021
    assert stub["title"] == min("乙通知", "甲通知深化医药卫生体制改革重点工作任务")
    assert stub["series"] is False  # ON CREATE: the first citer's title, not a series title


def test_a_notice_loaded_after_its_stub_is_full_and_keeps_the_edges_to_it() -> None:
    cited = "晋政办发〔2022〕1号"
    graph = bulk_graph([notice("b.txt", "晋政办发〔2022〕2号", cites=[{"doc_no": cited, "title": "旧题"}]),
                        notice("a.txt", cited)])  # fmt: skip
    full = graph.nodes["Document"][cited]
    assert full["stub"] is False and full["title"] == f"关于{cited}的通知"
    assert [e.target for e in graph.edges if e.type == "CITES"] == [("Document", cited)]


def test_an_agency_keeps_the_properties_of_the_row_that_created_it() -> None:
    graph = bulk_graph([notice("a.txt", "晋政办发〔2022〕1号", kind="party"),
                        notice("b.txt", "晋政办发〔2022〕2号", kind="agency")])  # fmt: skip
    assert graph.nodes["Agency"]["山西省|省卫生健康委"]["kind"] == "party"
    leads = [e for e in graph.edges if e.type == "LEADS"]
    assert len(leads) == 2 and {e.source for e in leads} == {("Agency", "山西省|省卫生健康委")}


def test_a_notice_that_cannot_be_stored_fails_alone() -> None:
    broken = notice("bad.txt", "晋政办发〔2022〕9号")
    broken["tasks"][0]["targets"] = [{"text": "90%", "kind": "percent", "value": {"not": "allowed"}}]
    nul = notice("nul.txt", "晋政办发〔2022〕8号")
    nul["title"] = "坏\x00题"
    graph = bulk_graph([notice("a.txt", "晋政办发〔2022〕1号"), broken, nul])
    assert statuses(graph) == [("bad.txt", "failed"), ("nul.txt", "failed"), ("a.txt", "new")]
    assert set(graph.nodes["Document"]) == {"晋政办发〔2022〕1号"}


def test_values_keep_their_types_in_the_bulk_encoding() -> None:
    assert value_bytes(True) == struct.pack("=B?", 1, True)  # a bool, not the integer 1
    assert value_bytes(1) == struct.pack("=Bq", 4, 1)
    text_list = value_bytes(["1"])  # a text that looks like a number stays a text (the CSV loader guesses)
    assert text_list == struct.pack("=Bq", 5, 1) + struct.pack("=B", 3) + b"1\0"
    assert value_bytes(None) == b"\0"


def test_big_graphs_are_sent_in_several_commands_each_edge_after_its_ends() -> None:
    records = [notice(f"{i}.txt", f"晋政办发〔2022〕{i}号", tasks=5) for i in range(1, 30)]
    graph = bulk_graph(records)
    sent = list(commands(BulkStream(records).items(), max_bytes=4_000))
    assert len(sent) > 3
    assert sum(args[0] for args in sent) == graph.node_count and sum(args[1] for args in sent) == len(graph.edges)


def test_a_failed_file_that_would_replace_another_stops_the_bulk_path() -> None:
    broken = notice("b.txt", "晋政办发〔2022〕1号")
    broken["tasks"][0]["lead_detail"] = [{"jurisdiction": "山西省"}]  # no canonical name: the row cannot be made
    with pytest.raises(ValueError, match="load them incrementally"):
        bulk_graph([notice("a.txt", "晋政办发〔2022〕1号"), broken])


def test_rows_computed_by_worker_processes_give_the_same_graph() -> None:
    records = [notice(f"{i}.txt", f"晋政办发〔2022〕{i % 7}号", sha=str(i), tasks=i % 3) for i in range(1, 40)]
    records[5].update(doc_no="晋政办发〔2022〕99号", tasks=[{"lead_detail": [{}]}])  # malformed: fails alone, in both
    assert bulk_graph(records, batch_size=4, workers=2) == bulk_graph(records, batch_size=4)
