"""Response models of the programmes endpoints: where and when each programme (三明医改经验 …) was taken up.

Examples are taken from the five seed notices.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ProgrammeSummary(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"name": "三明医改经验", "notices": 3, "regions": 3, "tasks": 4, "first_year": 2021, "last_year": 2024}
            ]
        }
    )

    name: str = Field(description="The programme's canonical name (its key).")
    notices: int = Field(description="Notices with at least one task mentioning it.")
    regions: int = Field(description="Distinct regions of those notices.")
    tasks: int = Field(description="Tasks mentioning it.")
    first_year: int | None = Field(None, description="Year of the earliest notice mentioning it.")
    last_year: int | None = Field(None, description="Year of the latest notice mentioning it.")


class MentioningTask(BaseModel):
    key: str = Field(examples=["晋政办发〔2022〕83号#5"])
    number: str | None = Field(None, examples=["(五)"])
    title: str | None = Field(None, examples=["推广三明医改经验"])


class ProgrammeNotice(BaseModel):
    """A notice whose tasks mention the programme, with those tasks by position."""

    key: str = Field(examples=["晋政办发〔2022〕83号"])
    title: str | None = Field(
        None, examples=["山西省人民政府办公厅关于印发山西省深化医药卫生体制改革2022年重点工作任务的通知"]
    )
    level: str | None = Field(None, examples=["provincial"])
    region: str | None = Field(None, examples=["山西省"])
    year: int | None = Field(None, examples=[2022])
    task_count: int = Field(examples=[2])
    tasks: list[MentioningTask]


class RegionAdoption(BaseModel):
    region: str | None = Field(description="Full path of the notices' region.", examples=["山西省"])
    notices: int = Field(examples=[1])
    tasks: int = Field(examples=[2])
    first_year: int | None = Field(None, examples=[2022])


class YearAdoption(BaseModel):
    year: int | None = Field(examples=[2022])
    notices: int = Field(examples=[1])
    regions: int = Field(examples=[1])
    tasks: int = Field(examples=[2])


class ProgrammeAdoption(ProgrammeSummary):
    """Where and when a programme was taken up."""

    by_region: list[RegionAdoption] = Field(description="Regions in the order they took it up.")
    by_year: list[YearAdoption]
    notice_list: list[ProgrammeNotice] = Field(description="By year and key (capped; all: /programmes/{name}/notices).")
    notices_truncated: bool
