"""Response models of the saved-questions endpoints (cypher/questions.toml). Examples come from the five seeds."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class QuestionParameterInfo(BaseModel):
    name: str = Field(examples=["region"])
    type: str = Field(description="int, str, bool, float, list[str] (comma-separated), or region (甘肃, 临夏州, 晋 …: "
                      "includes everything below it).", examples=["region"])  # fmt: skip
    description: str = Field(examples=["Region of the notice (甘肃, 临夏州, 晋 …); includes everything below it."])
    default: Any = Field(None, description="Used when the parameter is not given (null: no filter).")
    required: bool = Field(False, description="The question cannot be asked without it.")
    allowed: list[Any] | None = Field(None, description="The values it may take.")
    example: Any = Field(None, examples=["西藏"])


class QuestionInfo(BaseModel):
    name: str = Field(examples=["agency_top_leads"])
    title: str = Field(examples=["Which agencies lead the most tasks?"])
    description: str
    cypher: str = Field(description="The file in cypher/ it runs (paste it into Neo4j Browser).",
                        examples=["cypher/agency_top_leads.cypher"])  # fmt: skip
    paged: bool = Field(description="It takes `limit` and `offset`, and says whether there is more.")
    parameters: list[QuestionParameterInfo]
    example_url: str = Field(examples=["/questions/agency_top_leads?region=西藏"])


class QuestionAnswer(BaseModel):
    question: str = Field(examples=["tasks_mentioning"])
    parameters: dict[str, Any] = Field(description="Every parameter's value as used (defaults included; a region as "
                                       "its full path).", examples=[{"word": "DRG", "region": None, "limit": 50}])  # fmt: skip
    columns: list[str] = Field(examples=[["key", "document", "year", "number", "title", "leads"]])
    rows: list[dict[str, Any]]
    has_more: bool = Field(description="A paged question has rows after this page.")
