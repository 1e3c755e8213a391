"""Response models of the diffusion endpoints: how programmes and national notices spread down the tiers.

The definitions (adoption, precedence, the labels top-down / bottom-up / mixed, lags) are in analysis/diffusion.py,
analysis/diffusion_notices.py and docs/diffusion.md. Examples are taken from the five seed notices.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from policygraph.analysis.diffusion import Label
from policygraph.core.vocabulary import ImplementsKind

TierCounts = dict[str, int]

SANMING_BY_TIER: dict[str, Any] = {"national": 0, "provincial": 2, "prefectural": 0, "county": 1}
LABEL_HELP = (
    "top-down: a national notice mentions it and no local mention precedes the first national one; bottom-up: no "
    "national mention, or every local mention precedes it; mixed: some do, some do not; null: nothing mentions it."
)


class Mention(BaseModel):
    """A notice whose tasks mention the programme."""

    key: str = Field(examples=["晋政办发〔2022〕83号"])
    doc_no: str | None = Field(None, examples=["晋政办发〔2022〕83号"])
    title: str | None = Field(
        None, examples=["山西省人民政府办公厅关于印发山西省深化医药卫生体制改革2022年重点工作任务的通知"]
    )
    level: str | None = Field(None, examples=["provincial"])
    tier: str = Field(description="national, provincial, prefectural, county (or unknown).", examples=["provincial"])
    region: str | None = Field(None, examples=["山西省"])
    year: int | None = Field(None, examples=[2022])
    date: str | None = Field(None, description="Signed date, YYYY-MM-DD.", examples=["2022-09-30"])
    stub: bool = Field(examples=[False])
    tasks: int = Field(description="Tasks of the notice mentioning the programme.", examples=[2])


class YearStep(BaseModel):
    year: int = Field(examples=[2022])
    added: dict[str, list[str]] = Field(
        description="Per tier, the regions first mentioning it that year.",
        examples=[{"national": [], "provincial": ["山西省"], "prefectural": [], "county": []}],
    )
    cumulative: TierCounts = Field(
        description="Per tier, the regions that have mentioned it up to that year.",
        examples=[{"national": 0, "provincial": 1, "prefectural": 0, "county": 1}],
    )
    total: int = Field(description="All tiers together.", examples=[2])


class Adopter(BaseModel):
    region: str | None = Field(examples=["安徽省宿州市泗县"])
    tier: str = Field(examples=["county"])
    year: int | None = Field(examples=[2021])
    notice: str = Field(examples=["安徽省宿州市泗县|2021|泗县深化医药卫生体制改革2021年-2022年重点工作任务"])


class ProgrammeDiffusionSummary(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"name": "三明医改经验", "label": "bottom-up", "notices": 3, "regions": 3,
                 "regions_by_tier": SANMING_BY_TIER, "first_year": 2021, "last_year": 2024, "first_national": None,
                 "local_before_national": 0}
            ]
        }
    )  # fmt: skip

    name: str = Field(description="The programme's canonical name.")
    label: Label | None = Field(description=LABEL_HELP)
    notices: int = Field(description="Notices whose tasks mention it.")
    regions: int = Field(description="Distinct regions of those notices (all tiers).")
    regions_by_tier: TierCounts = Field(description="Regions per tier.")
    first_year: int | None
    last_year: int | None
    first_national: Mention | None = Field(description="The earliest national notice mentioning it, if any.")
    local_before_national: int = Field(description="Local mentions earlier than the first national one.")


class ProgrammeDiffusion(ProgrammeDiffusionSummary):
    """A programme's cumulative adoption by year and tier, its label, and the notices mentioning it."""

    series: list[YearStep] = Field(description="Every year from the first adoption to the last.")
    undated: list[Adopter] = Field(description="Regions whose mentioning notice has no year (not in the series).")
    mentions: list[Mention] = Field(description="By year and key.")


class Implementation(BaseModel):
    """A local notice descending from the national one."""

    key: str = Field(examples=["临州办发〔2021〕76号"])
    doc_no: str | None = Field(None, examples=["临州办发〔2021〕76号"])
    title: str | None = None
    level: str | None = Field(None, examples=["prefectural"])
    tier: str = Field(examples=["prefectural"])
    region: str | None = Field(None, examples=["甘肃省临夏回族自治州"])
    year: int | None = Field(None, examples=[2021])
    date: str | None = Field(None, examples=["2021-10-27"])
    stub: bool = Field(examples=[False])
    parent: str = Field(description="The notice it implements directly.", examples=["甘政办发〔2021〕70号"])
    hops: int = Field(description="IMPLEMENTS edges up to the national notice.", examples=[2])
    kinds: list[str] = Field(description="Each hop's kind, from this notice up.", examples=[["explicit", "inferred"]])
    kind: ImplementsKind = Field(
        description="explicit when every hop is explicit, else inferred.", examples=["inferred"]
    )
    lag_days: int | None = Field(
        description="Days from the national notice's date to this one's (null when a date is missing).",
        examples=[156],
    )


class NoticeDiffusionSummary(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"key": "国办发〔2022〕14号", "doc_no": "国办发〔2022〕14号", "year": 2022, "date": "2022-05-04",
                 "stub": True, "registry": True, "title": "国务院办公厅关于印发深化医药卫生体制改革2022年重点工作任务的通知",
                 "implementations_count": 1, "tiers_reached": ["provincial"], "tiers_missing": ["prefectural", "county"],
                 "median_lag_days": 149}
            ]
        }
    )  # fmt: skip

    key: str
    doc_no: str | None
    title: str | None
    year: int | None
    date: str | None
    stub: bool = Field(description="Known only as cited or from the shipped registry.")
    registry: bool = Field(description="One of the State Council notices shipped in graph/data/national_notices.csv.")
    implementations_count: int = Field(description="Local notices descending from it.")
    tiers_reached: list[str] = Field(description="Local tiers with at least one descendant (stubs count).")
    tiers_missing: list[str] = Field(description="Local tiers with none.")
    median_lag_days: float | None = Field(description="Median lag over the descendants with a date.")


class NoticeDiffusion(NoticeDiffusionSummary):
    """A national notice's reach: the local notices implementing it, through the tiers, with their lags."""

    implementations: list[Implementation] = Field(description="By tier, then key.")
