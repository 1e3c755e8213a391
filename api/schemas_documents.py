"""Response models of the documents resource (api/routes/documents.py). The examples are real answers on the seeds."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from policygraph.core.vocabulary import ImplementsKind

LINXIA = "临州办发〔2021〕76号"
SIXIAN = "安徽省宿州市泗县|2021|泗县深化医药卫生体制改革2021年-2022年重点工作任务"

# fmt: off
_LINXIA = {"key": LINXIA, "doc_no": LINXIA, "level": "prefectural", "region": "甘肃省临夏回族自治州", "year": 2021,
           "stub": False, "title": "临夏回族自治州人民政府办公室关于印发加快推进临夏州深化医药卫生体制改革2021年重点工作任务的通知"}
_GANSU = {"key": "甘政办发〔2021〕70号", "doc_no": "甘政办发〔2021〕70号", "level": "provincial", "region": "甘肃省",
          "year": 2021, "stub": True, "title": "甘肃省人民政府办公厅关于印发甘肃省深化医药卫生体制改革2021年重点工作任务的通知"}
_NATIONAL = {"key": "国办发〔2021〕20号", "doc_no": "国办发〔2021〕20号", "level": "national", "region": "中国", "year": 2021,
             "stub": True, "title": "国务院办公厅关于印发深化医药卫生体制改革2021年重点工作任务的通知"}
_SIXIAN = {"key": SIXIAN, "doc_no": None, "level": "county", "region": "安徽省宿州市泗县", "year": 2021, "stub": False,
           "title": "泗县深化医药卫生体制改革2021年-2022年重点工作任务"}
_SIXIAN_REASON = ("cites no parent notice; nearest higher-tier notice of 2021 in the graph; missing tiers: no 2021 notice "
                  "of 安徽省宿州市 (prefectural), 安徽省 (provincial)")
_SUMMARY = {**_LINXIA, "issuer": "临夏回族自治州人民政府办公室", "date": "2021-10-27", "task_count": 26}
_QUOTE = "(牵头单位:州医保局;配合单位:州财政局、州卫健委)"
_LEAD = {"key": "甘肃省临夏回族自治州|临夏回族自治州医疗保障局", "name": "临夏回族自治州医疗保障局", "kind": "agency",
         "jurisdiction": "甘肃省临夏回族自治州", "basis": "explicit", "quote": _QUOTE, "span": [2714, 2718],
         "as_written": "州医保局"}
_HELPER = {**_LEAD, "key": "甘肃省临夏回族自治州|临夏回族自治州财政局", "name": "临夏回族自治州财政局", "span": [2724, 2728],
           "as_written": "州财政局"}
_TARGET = {"key": "临州办发〔2021〕76号#11#target1", "text": "60%", "kind": "percent", "value": 60.0, "span": [2877, 2880]}
_NO_DEADLINE = {"as_written": None, "date": None, "kind": "none"}
_DEADLINE = {"as_written": "2024年9月底前完成", "date": "2024-09-30", "kind": "by_date"}
_TASK = {"key": f"{LINXIA}#10", "ordinal": 10, "section": "三", "number": "(十)", "title": "推进医保支付方式改革",
         "text": f"(十)推进医保支付方式改革。临夏市为紧密型县域医共体试点市……{_QUOTE}", "span": [2376, 2734],
         "leads": [_LEAD], "cooperating": [_HELPER], "targets": [], "deadline": _NO_DEADLINE,
         "programmes": ["分级诊疗", "医保支付方式改革", "医联体", "家庭医生签约服务", "紧密型县域医共体", "药品耗材集中带量采购"]}
_CITATION = {"key": _GANSU["key"], "doc_no": _GANSU["doc_no"], "title": _GANSU["title"], "stub": True,
             "relation": "basis", "quote": f"《{_GANSU['title']}》(甘政办发〔2021〕70号)", "span": [407, 465]}
_COVERAGE = {"tasks": 26, "tasks_with_lead": 26, "tasks_with_cooperating": 22, "tasks_with_deadline": 0,
             "unconsumed": [], "missing": [], "needs_review": False, "reasons": []}
_FRAGMENT = {"text": "由市医保局牵头,市卫健委配合", "span": [1520, 1534], "task": 7}
_DETAIL = {**_SUMMARY, "series": True, "registry": False, "source": "seeds/000_2021_甘肃省临夏州_临州办发〔2021〕76号.txt",
           "retrieved": None,
           "sha256": "2c19065e7122c413243f8d1d5925fae6d62ddef08af0bcc59bdcbf8b26b13405", "implements": _GANSU["key"],
           "implements_relation": "explicit", "note": None, "citations": [_CITATION], "tasks": [_TASK],
           "coverage": _COVERAGE}
_HOP = {**_GANSU, "relation": "explicit", "reason": "cited as its basis"}
_CHILD = {**_SIXIAN, "relation": "inferred", "reason": _SIXIAN_REASON}
_GAPS = [{"level": "prefectural", "region": "安徽省宿州市", "year": 2021, "below": SIXIAN},
         {"level": "provincial", "region": "安徽省", "year": 2021, "below": SIXIAN}]
_LINEAGE = {**_SIXIAN, "hops": [{**_NATIONAL, "relation": "inferred", "reason": _SIXIAN_REASON}], "missing_tiers": _GAPS,
            "reaches_national": True}
_STUB_PARENT = {**_GANSU, "issuer": "甘肃省人民政府办公厅", "registry": False,
                "children": [{**_LINXIA, "relation": "explicit", "reason": "cited as its basis"}]}
# fmt: on


def _example(example: dict[str, Any]) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": [example]})


class NoticeRef(BaseModel):
    """What names a notice wherever one appears."""

    key: str = Field(description="Natural key: the 文号, or region|year|title for a notice without one, or 《title》.")
    doc_no: str | None = Field(description="文号 normalised to 代字〔YYYY〕N号; null when the notice has none.")
    title: str | None
    level: str | None = Field(description="national | provincial | prefectural | county | department.")
    region: str | None = Field(description="Full region path, e.g. 甘肃省临夏回族自治州; 中国 for national notices.")
    year: int | None
    stub: bool = Field(description="True when the notice is known only as cited or from the national registry.")


class DocumentSummary(NoticeRef):
    """A notice in a list: enough to choose it and fetch its detail by key."""

    model_config = _example(_SUMMARY)

    issuer: str | None = Field(description="The issuing organ as printed.")
    date: str | None = Field(description="Signed date, YYYY-MM-DD, when known.")
    task_count: int | None = Field(description="Number of tasks; null for a stub (its text is not loaded).")


class Role(BaseModel):
    """An agency that leads or cooperates on a task, with the provenance of the attribution."""

    model_config = _example(_LEAD)

    key: str = Field(description="jurisdiction|canonical name.")
    name: str = Field(description="Canonical full name.")
    kind: str | None = Field(description="agency | collective | party organ | vertically managed.")
    jurisdiction: str | None
    basis: str | None = Field(
        description="explicit | sole | first_listed | respective | standing_clause | joint | heading | corrected."
    )
    quote: str | None = Field(description="The attribution as printed.")
    span: list[int] | None = Field(description="[start, end) offsets of the name as written in the original text.")
    as_written: str | None


class Target(BaseModel):
    """A quantified target a task sets."""

    model_config = _example(_TARGET)

    key: str
    text: str | None = Field(description="The target as printed: 60%, 90%以上, 2021年12月底前.")
    kind: str | None = Field(description="percent | coverage | count | deadline.")
    value: float | str | None = Field(description="A number (percent, coverage, count) or YYYY[-MM] for a deadline.")
    span: list[int] | None


class Deadline(BaseModel):
    """When a task is due, as printed (docs/extraction.md, "Deadlines")."""

    model_config = _example(_DEADLINE)

    as_written: str | None = Field(description="The deadline as printed, e.g. 2024年9月底前完成; null when none.")
    date: str | None = Field(description="YYYY-MM-DD: month end for 月底前, year end for 年底前; null unless by_date.")
    kind: str = Field(description="by_date | ongoing (持续推进, 长期坚持) | none (nothing printed).")


class Task(BaseModel):
    """A numbered task of a notice with its agencies, programmes, targets and deadline."""

    model_config = _example(_TASK)

    key: str = Field(description="document key # position.")
    ordinal: int = Field(description="Position in the notice, from 1.")
    section: str | None = Field(description="The section heading number (一, 二 …).")
    number: str | None = Field(description="The task's number as printed, e.g. (十).")
    title: str | None
    text: str | None
    span: list[int] | None
    leads: list[Role] = Field(description="Lead agencies (牵头), in the order printed.")
    cooperating: list[Role] = Field(description="Cooperating agencies (配合), in the order printed.")
    programmes: list[str] = Field(description="Programmes mentioned (三明医改经验, 家庭医生签约服务 …), by name.")
    targets: list[Target] = Field(description="Quantified targets, in the order printed.")
    deadline: Deadline = Field(description="When the task is due (完成时限); kind none when nothing is printed.")


class Citation(BaseModel):
    """A notice cited by this one: as its basis (根据/按照…) or as a reference."""

    model_config = _example(_CITATION)

    key: str
    doc_no: str | None
    title: str | None
    stub: bool
    relation: str | None = Field(description="basis | reference.")
    quote: str | None
    span: list[int] | None


class Fragment(BaseModel):
    """Attribution-like text (负责, 牵头, 配合, 参与, 责任单位 …) that no attribution rule read."""

    model_config = _example(_FRAGMENT)

    text: str = Field(description="The passage, as in the normalised text.")
    span: list[int] = Field(description="[start, end) offsets in the original text.")
    task: int | None = Field(description="The position of the task it sits in; null when outside every task.")


class MissingField(BaseModel):
    """A header field the extractor left empty, and why."""

    field: str = Field(description="doc_no | issuer | date | level | region.")
    reason: str = Field(description="Why it is empty, e.g. no 文号 printed in the header.")


class Coverage(BaseModel):
    """What the extractor found in a notice and what looks missed (覆盖情况), and whether it needs review (需复核)."""

    model_config = _example(_COVERAGE)

    tasks: int | None = Field(description="Number of tasks.")
    tasks_with_lead: int | None = Field(description="Tasks with at least one lead (牵头) agency.")
    tasks_with_cooperating: int | None = Field(description="Tasks with at least one cooperating (配合) agency.")
    tasks_with_deadline: int | None = Field(description="Tasks with a deadline (by_date or ongoing).")
    unconsumed: list[Fragment] = Field(description="Attribution-like passages no rule read, in text order.")
    missing: list[MissingField] = Field(description="Header fields left empty, with the reason.")
    needs_review: bool = Field(description="Whether a person should look at the notice.")
    reasons: list[str] = Field(description="Why it needs review; empty when it does not.")


class DocumentDetail(DocumentSummary):
    """A notice with its properties, citations, parent and tasks in order."""

    model_config = _example(_DETAIL)

    series: bool | None = Field(description="A notice of the annual 深化医药卫生体制改革重点工作任务 series.")
    issuer_kind: str | None = Field(
        default=None, description="government | department | party | leading_group | joint; null when unknown."
    )
    registry: bool = Field(description="Listed in the shipped registry of the State Council's annual notices.")
    source: str | None = Field(description="The file it was read from; null for a stub.")
    retrieved: str | None = Field(default=None, description="When a notice fetched from a web address (its `source`) "
                                  "was downloaded, ISO 8601 in UTC; null for a file.", examples=[None])  # fmt: skip
    sha256: str | None
    implements: str | None = Field(description="Key of the parent notice it implements (lineage), if any.")
    implements_relation: ImplementsKind | None
    note: str | None = Field(description="Set for a stub: why it has no tasks.")
    citations: list[Citation] = Field(description="The notices it cites, in the order they appear.")
    tasks: list[Task] = Field(description="Its tasks in order; empty for a stub.")
    coverage: Coverage | None = Field(description="The coverage report; null for a stub (its text is not loaded).")


class Link(NoticeRef):
    relation: ImplementsKind = Field(description="explicit: cited as its basis; inferred: nearest higher-tier notice.")
    reason: str | None = Field(description="Why the link was made, with the missing tiers for an inferred one.")


class Hop(Link):
    """One step up the lineage: the parent reached, and how."""

    model_config = _example(_HOP)


class Child(Link):
    """A notice that implements a given one, and how."""

    model_config = _example(_CHILD)


class MissingTier(BaseModel):
    """A tier skipped by a hop: no notice of that region and year is in the graph (not even a stub)."""

    model_config = _example(_GAPS[0])

    level: str
    region: str | None = Field(description="The region whose notice is missing; null when it cannot be named.")
    year: int | None
    below: str = Field(description="Key of the notice whose hop skips this tier.")


class Lineage(NoticeRef):
    """A notice's chain up to the national notice."""

    model_config = _example(_LINEAGE)

    hops: list[Hop] = Field(description="Parent, grandparent … to the top of the chain; empty for a national notice.")
    missing_tiers: list[MissingTier] = Field(description="Tiers between a child and its parent with no notice.")
    reaches_national: bool = Field(description="Whether the chain ends at (or the notice is) a national notice.")


class StubParent(NoticeRef):
    """A parent notice known only as a stub, and the notices waiting on it."""

    model_config = _example(_STUB_PARENT)

    issuer: str | None
    registry: bool = Field(description="From the shipped registry of national notices (else: known because cited).")
    children: list[Child] = Field(description="The notices that implement it, by key.")
