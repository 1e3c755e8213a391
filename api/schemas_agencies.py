"""Response models of the agencies endpoints: rankings of lead agencies, the agency list and an agency's profile.

Examples are taken from the five seed notices.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from policygraph.analysis.agencies import GroupBy
from policygraph.api.pagination import Page
from policygraph.core.vocabulary import Role
from policygraph.graph.continuity import Kind as ContinuityKind

XIZANG_DOC = "西藏自治区|2021|西藏自治区深化医药卫生体制改革领导小组关于印发《西藏自治区2021年深化医药卫生体制改革重点工作任务》的通知"


class AgencyRef(BaseModel):
    """An agency, identified by its key (jurisdiction|canonical name)."""

    key: str = Field(examples=["甘肃省临夏回族自治州|临夏回族自治州卫生健康委员会"])
    name: str = Field(examples=["临夏回族自治州卫生健康委员会"])
    jurisdiction: str | None = Field(
        None, description="Full path of the region it belongs to.", examples=["甘肃省临夏回族自治州"]
    )
    kind: str | None = Field(
        None, description="agency, collective, party organ or vertically managed.", examples=["agency"]
    )


class TaskRef(BaseModel):
    """A numbered task of a notice."""

    key: str = Field(description="Task key: document key # position.", examples=["临州办发〔2021〕76号#4"])
    document: str = Field(description="Key of the notice the task belongs to.", examples=["临州办发〔2021〕76号"])
    year: int | None = Field(None, examples=[2021])
    number: str | None = Field(None, description="The number as printed.", examples=["(四)"])
    title: str | None = Field(None, examples=["开展公立医院高质量发展试点"])


class GroupMember(AgencyRef):
    tasks: int = Field(description="Tasks this agency leads under the filters.", examples=[17])


class TopLead(BaseModel):
    """One row of the ranking: an agency (group_by=agency) or a function shared across regions (group_by=function)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "agency": {"key": "西藏自治区|西藏自治区卫生健康委员会", "name": "西藏自治区卫生健康委员会",
                               "jurisdiction": "西藏自治区", "kind": "agency"},
                    "function": "卫生健康委员会",
                    "tasks": 17,
                    "task_list": [{"key": f"{XIZANG_DOC}#1", "document": XIZANG_DOC, "year": 2021, "number": "1.",
                                   "title": "改革完善疾病预防控制体系"}],
                    "tasks_truncated": False,
                    "agency_count": 1,
                    "agencies": [{"key": "西藏自治区|西藏自治区卫生健康委员会", "name": "西藏自治区卫生健康委员会",
                                  "jurisdiction": "西藏自治区", "kind": "agency", "tasks": 17}],
                    "agencies_truncated": False,
                }
            ]
        }
    )  # fmt: skip

    agency: AgencyRef | None = Field(None, description="The agency (group_by=agency; null for group_by=function).")
    function: str | None = Field(
        None,
        description="The agency's function (卫生健康委员会 …); for group_by=function the group, or the agency's name when it has no function.",
        examples=["卫生健康委员会"],
    )
    tasks: int = Field(description="Distinct tasks led under the filters.", examples=[55])
    task_list: list[TaskRef] = Field(description="The tasks behind the count, by year, notice and position (capped).")
    tasks_truncated: bool = Field(description="True when task_list holds only the first tasks of the count.")
    agency_count: int = Field(description="Agencies in the row: 1 for group_by=agency.", examples=[4])
    agencies: list[GroupMember] = Field(description="The agencies of the row, most tasks first (capped).")
    agencies_truncated: bool


class TopLeads(Page[TopLead]):
    group_by: GroupBy
    region: str | None = Field(
        None, description="The region filter as a full path (after normalisation).", examples=["甘肃省临夏回族自治州"]
    )


class AgencySummary(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"key": "山西省|山西省卫生健康委员会", "name": "山西省卫生健康委员会", "jurisdiction": "山西省",
                 "level": "provincial", "kind": "agency", "function": "卫生健康委员会", "aliases": ["省卫健委"],
                 "tasks_led": 9, "tasks_cooperated": 11}
            ]
        }
    )  # fmt: skip

    key: str
    name: str
    jurisdiction: str | None = None
    level: str | None = None
    kind: str | None = None
    function: str | None = None
    aliases: list[str] = Field(description="The forms the notices write it in (州卫健委 …), sorted.")
    tasks_led: int
    tasks_cooperated: int


class YearCount(BaseModel):
    year: int | None = Field(examples=[2021])
    led: int = Field(examples=[17])
    cooperated: int = Field(examples=[10])


class AgencyTask(TaskRef):
    role: Role = Field(examples=["lead"])
    basis: str | None = Field(
        None, description="How the notice attributes the role: explicit, sole, first_listed, respective, standing_clause.",
        examples=["explicit"],
    )  # fmt: skip


class Collaborator(AgencyRef):
    """An agency named on the same tasks. The four splits can overlap when one of the two both leads and cooperates."""

    shared: int = Field(description="Tasks both are named on.", examples=[13])
    i_lead_they_cooperate: int = Field(examples=[4])
    they_lead_i_cooperate: int = Field(examples=[7])
    both_lead: int = Field(examples=[0])
    both_cooperate: int = Field(examples=[2])


class ProgrammeCount(BaseModel):
    name: str = Field(examples=["紧密型县域医共体"])
    tasks: int = Field(description="Of this agency's tasks, those mentioning the programme.", examples=[4])
    led: int = Field(examples=[2])
    cooperated: int = Field(examples=[3])


class Succession(BaseModel):
    """An agency linked to this one by a reform (graph/data/agency_renamings.csv)."""

    key: str = Field(examples=["甘肃省临夏回族自治州|临夏回族自治州卫生和计划生育委员会"])
    name: str = Field(examples=["临夏回族自治州卫生和计划生育委员会"])
    jurisdiction: str | None = Field(None, examples=["甘肃省临夏回族自治州"])
    kind: ContinuityKind = Field(
        description="renamed or merged: the predecessor ceased and its series continues in the successor; split: it "
        "ceased and its work went to several; functions_moved: part of its work moved, it continues.",
        examples=["renamed"],
    )
    date: str | None = Field(None, description="Date of the reform (national decision).", examples=["2018-03-17"])


class RolledYearCount(YearCount):
    agencies: list[str] = Field(description="Keys of the agencies (this one or predecessors) with tasks that year.")


class AgencyProfile(AgencySummary):
    issued: list[str] = Field(
        description="Keys of the notices this agency issued.", examples=[["晋政办发〔2022〕83号"]]
    )
    by_year: list[YearCount] = Field(description="Tasks led and cooperated on, per year of the notice.")
    tasks: list[AgencyTask] = Field(
        description="Its tasks by year, notice and position (capped; all: /agencies/{key}/tasks)."
    )
    tasks_truncated: bool
    collaborators: list[Collaborator] = Field(
        description="Most shared tasks first (capped; all: /agencies/{key}/collaborators)."
    )
    collaborators_truncated: bool
    programmes: list[ProgrammeCount] = Field(description="Programmes its tasks mention, most tasks first.")
    predecessors: list[Succession] = Field(description="Agencies it succeeded (SUCCEEDED_BY edges into it).")
    successors: list[Succession] = Field(description="Agencies that succeeded it.")
    by_year_rolled: list[RolledYearCount] = Field(
        description="Tasks per year including the predecessors it continues (renamed or merged into it, "
        "transitively), so its series does not break at a reform. Equal to by_year without such predecessors."
    )
