"""Roles on tasks: each task's attributions, resolved to organs, as lead and cooperating Role lists.

A task whose paragraphs each end in their own attribution gets the union in order (seed 002); each Role keeps the
span of its own name. A standing clause (以下均需市、县人民政府负责,不再列出) adds its organs as cooperating, basis
`standing_clause`, to every later task that does not already list them (seed 003). Several units 负责 a task all
lead (`joint`), unless the notice prints the first-leads rule (排在第一位的为牵头部门) anywhere: then the first leads
and the others cooperate (`first_listed`). A task with no attribution of its own takes that of the nearest section
heading above it that has one (`(三)深化医保支付方式改革(市医保局牵头)`), basis `heading`. A task without any
attribution gets no roles: nothing is invented.
"""

from __future__ import annotations

from policygraph.core.vocabulary import Basis
from policygraph.ingest import gazetteer, regions
from policygraph.ingest.agencies import Context, Organ, Prefix, resolve
from policygraph.ingest.attribution import (
    Attribution,
    Clause,
    Name,
    beside_explicit_lead,
    find_attributions,
    find_standing,
    first_leads_rule,
)
from policygraph.ingest.normalise import NormalisedText
from policygraph.ingest.record import Role, Task
from policygraph.ingest.structure import TaskBlock


def assign_roles(tasks: list[Task], blocks: list[TaskBlock], norm: NormalisedText, ctx: Context) -> None:
    """Fill `lead_detail` and `cooperating_detail` of each task from its block: the attributions in its text, or
    those already read from a table row."""
    standing = [(rule, _resolve_list(rule.names, ctx)) for rule in find_standing(norm.text)]
    first_leads = first_leads_rule(norm.text)
    for task, block in zip(tasks, blocks, strict=True):
        start = block.start
        attributions = block.attributions if block.attributions is not None else find_attributions(task.text, start)
        basis: Basis | None = None
        if not attributions:
            attributions = _heading_attributions(block, norm)
            basis = "heading"
        quoted = [(clause, a.quote) for a in attributions for clause in a.clauses]
        # 牵头单位:X on one line, 责任单位:Y、Z on the next: beside X, who 牵头, Y and Z cooperate.
        clauses = beside_explicit_lead([clause for clause, _ in quoted])
        for clause, (_, quote) in zip(clauses, quoted, strict=True):
            _add_clause(task, clause, quote, norm, ctx, first_leads, basis)
        listed = {role.canonical for role in task.lead_detail + task.cooperating_detail}
        for rule, organs in standing:
            if rule.start >= start:  # only for the tasks after the clause
                continue
            for organ, name in organs:
                if organ.canonical not in listed:
                    task.cooperating_detail.append(_role(organ, name, "standing_clause", rule.quote, norm))
                    listed.add(organ.canonical)


def _heading_attributions(block: TaskBlock, norm: NormalisedText) -> list[Attribution]:
    """The attributions of the nearest heading above the task that has any."""
    for start, end in block.headings:
        found = find_attributions(norm.text[start:end], start)
        if found:
            return found
    return []


def _add_clause(
    task: Task,
    clause: Clause,
    quote: str,
    norm: NormalisedText,
    ctx: Context,
    first_leads: bool,
    basis: Basis | None,
) -> None:
    """Put a clause's organs on the task; `basis` overrides the clause's own (a heading's attribution)."""
    role, own_basis = clause.role, clause.basis
    if role == "joint" and first_leads:
        role, own_basis = "first_listed", "first_listed"
    for i, (organ, name) in enumerate(_resolve_list(clause.names, ctx)):
        lead = role in ("lead", "joint") or (role == "first_listed" and i == 0)
        target = task.lead_detail if lead else task.cooperating_detail
        target.append(_role(organ, name, basis or own_basis, quote, norm))


def _resolve_list(names: list[Name], ctx: Context) -> list[tuple[Organ, Name]]:
    """Resolve the names of one list in order, each inheriting the prefix of the one before."""
    resolved = []
    inherited: Prefix | None = None
    for name in (part for glued in names for part in _unglued(glued, ctx)):
        organ, inherited = resolve(name, inherited, ctx)
        resolved.append((organ, name))
    return resolved


def _unglued(name: Name, ctx: Context) -> list[Name]:
    """Names printed with only a space between them lose it in normalisation (县卫健委 县医保局 → 县卫健委县医保局):
    cut where a known function ends and a tier word or a region opens the next name."""
    for end in range(name.start + 2, name.end - 2):
        rest = name.text[end - name.start :]
        if ctx.mentions.alias_ending(end, name.start) is None:
            continue
        tier = gazetteer.tier_prefix_at(rest)
        if (tier is not None and tier.tier != "none") or regions.leading_region(rest):
            head = Name(name.text[: end - name.start], name.start, end)
            return [head, *_unglued(Name(rest, end, name.end), ctx)]
    return [name]


def _role(organ: Organ, name: Name, basis: Basis, quote: str, norm: NormalisedText) -> Role:
    return Role(
        as_written=organ.as_written,
        canonical=organ.canonical,
        jurisdiction=organ.jurisdiction,
        kind=organ.kind,
        basis=basis,
        quote=quote,
        span=norm.span_to_original(name.start, name.end),
    )
