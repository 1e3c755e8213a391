"""Saved questions (cypher/questions.toml): list them, and ask one with its parameters, as JSON or CSV."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response

from policygraph.analysis.questions import Question, ask, example_url, questions, to_csv
from policygraph.api.deps import StoreDep
from policygraph.api.schemas_questions import QuestionAnswer, QuestionInfo

router = APIRouter(prefix="/questions", tags=["questions"])

CSV_SUFFIX = ".csv"
RESERVED = {"format"}


def info(saved: Question) -> dict[str, Any]:
    parameters = [{"name": p.name, "type": p.type, "description": p.description, "default": p.default,
                   "required": p.required, "allowed": list(p.allowed) if p.allowed else None, "example": p.example}
                  for p in saved.parameters]  # fmt: skip
    return {"name": saved.name, "title": saved.title, "description": saved.description,
            "cypher": f"cypher/{saved.cypher}.cypher", "paged": saved.paged, "parameters": parameters,
            "example_url": example_url(saved)}  # fmt: skip


def given_values(request: Request) -> dict[str, Any]:
    """The query string minus `format`: one value as a string, a repeated parameter as a list."""
    values: dict[str, list[str]] = {}
    for name, value in request.query_params.multi_items():
        if name not in RESERVED:
            values.setdefault(name, []).append(value)
    return {name: found[0] if len(found) == 1 else found for name, found in values.items()}


@router.get(
    "",
    response_model=list[QuestionInfo],
    summary="The saved questions",
    description="Every saved question with its parameters (types, defaults, allowed values), the cypher/ file it runs "
    "and an example URL. Add questions in cypher/questions.toml.",
)
def list_questions() -> list[dict[str, Any]]:
    return [info(saved) for saved in questions().values()]


@router.get(
    "/{name}",
    response_model=QuestionAnswer,
    summary="Ask a saved question",
    description=(
        "Runs the question read-only with the parameters given in the query string (see `GET /questions` for each "
        "question's parameters; defaults fill the rest). JSON by default; `format=csv`, or the name followed by "
        "`.csv`, answers CSV (nested values as JSON). An unknown or malformed parameter answers 422 naming it."
    ),
    responses={
        200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "The rows, as JSON or CSV."},
        404: {"description": "No saved question has that name."},
    },
)
def ask_question(
    request: Request,
    store: StoreDep,
    name: Annotated[
        str, Path(max_length=100, description="The question's name (add .csv for CSV).", examples=["agency_top_leads"])
    ],
    format: Annotated[Literal["json", "csv"], Query(description="json or csv.")] = "json",
) -> Any:
    if name.endswith(CSV_SUFFIX):
        name, format = name.removesuffix(CSV_SUFFIX), "csv"
    answer = ask(store, name, given_values(request))  # UnknownQuestion: 404; BadParameter: 422 naming it
    if format == "csv":
        headers = {"Content-Disposition": f'attachment; filename="{answer.question}.csv"'}
        return Response(to_csv(answer), media_type="text/csv; charset=utf-8", headers=headers)
    return {"question": answer.question, "parameters": answer.parameters, "columns": answer.columns,
            "rows": answer.rows, "has_more": answer.has_more}  # fmt: skip
