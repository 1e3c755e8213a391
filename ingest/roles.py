"""Roles on tasks: each task's attributions, resolved to organs, as lead and cooperating Role lists.

A task whose paragraphs each end in their own attribution gets the union in order (seed 002); each Role keeps the
span of its own name. A standing clause (以下均需市、县人民政府负责,不再列出) adds its organs as cooperating, basis
`standing_clause`, to every later task that does not already list them (seed 003). A task without attribution gets
no roles: nothing is invented.
"""

from __future__ import annotations

from ingest.agencies import Context, Organ, Prefix, resolve
from ingest.attribution import Attribution, Clause, Name, find_attributions
from ingest.normalise import NormalisedText
from ingest.record import Basis, Kind, Role, Task


def assign_roles(tasks: list[Task], starts: list[int], norm: NormalisedText, ctx: Context) -> None:
    """Fill `lead_detail` and `cooperating_detail` of each task; `starts` are the tasks' normalised offsets."""
    standing: list[tuple[Organ, Name, str]] = []
    for task, start in zip(tasks, starts, strict=True):
        later_standing: list[tuple[Organ, Name, str]] = []
        for attribution in find_attributions(task.text, start):
            quote = attribution.quote
            for clause in attribution.clauses:
                _add_clause(task, clause, quote, norm, ctx)
            later_standing.extend((organ, name, quote) for organ, name in _resolve_list(attribution.standing, ctx))
        listed = {role.canonical for role in task.lead_detail + task.cooperating_detail}
        for organ, name, quote in standing:
            if organ.canonical not in listed:
                task.cooperating_detail.append(_role(organ, name, "standing_clause", quote, norm))
        standing.extend(later_standing)


def _add_clause(task: Task, clause: Clause, quote: str, norm: NormalisedText, ctx: Context) -> None:
    for i, (organ, name) in enumerate(_resolve_list(clause.names, ctx)):
        lead = clause.role == "lead" or (clause.role == "first_listed" and i == 0)
        target = task.lead_detail if lead else task.cooperating_detail
        target.append(_role(organ, name, clause.basis, quote, norm))


def _resolve_list(names: list[Name], ctx: Context) -> list[tuple[Organ, Name]]:
    """Resolve the names of one list in order, each inheriting the prefix of the one before."""
    resolved = []
    inherited: Prefix | None = None
    for name in names:
        organ, inherited = resolve(name, inherited, ctx)
        resolved.append((organ, name))
    return resolved


def _role(organ: Organ, name: Name, basis: str, quote: str, norm: NormalisedText) -> Role:
    return Role(
        as_written=organ.as_written,
        canonical=organ.canonical,
        jurisdiction=organ.jurisdiction,
        kind=_kind(organ.kind),
        basis=_basis(basis),
        quote=quote,
        span=norm.span_to_original(name.start, name.end),
    )


def _kind(kind: str) -> Kind:
    if kind in ("agency", "collective", "party organ", "vertically managed"):
        return kind  # type: ignore[return-value]
    raise ValueError(f"unknown organ kind {kind!r} in ingest/data/agency_aliases.csv")


def _basis(basis: str) -> Basis:
    if basis in ("explicit", "sole", "first_listed", "respective", "standing_clause"):
        return basis  # type: ignore[return-value]
    raise ValueError(f"unknown basis {basis!r}")


__all__ = ["Attribution", "assign_roles"]
