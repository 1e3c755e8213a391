"""The words the graph is written in, defined once: levels, tiers, kinds of agency, roles and their bases, and the
kinds of IMPLEMENTS edge. Every layer imports them from here; a pydantic field or a Query parameter typed with one of
these `Literal`s accepts exactly these values.
"""

from __future__ import annotations

from typing import Literal, get_args

# A notice's level: the tier of its issuer. Extraction no longer emits `department` (a department's notice has the
# tier of its government, docs/extraction.md); it stays a valid value for graphs loaded before and for API filters.
Level = Literal["national", "provincial", "prefectural", "county", "department"]
LEVELS: tuple[Level, ...] = get_args(Level)

# What kind of organ issued a notice: a government or its office, one department, a Party committee or its office,
# a (医改) leading group or its office, or several organs jointly (中共遵义市委 遵义市人民政府).
IssuerKind = Literal["government", "department", "party", "leading_group", "joint"]
ISSUER_KINDS: tuple[IssuerKind, ...] = get_args(IssuerKind)

# The tiers of government, top first; a region's level is one of them. A notice's `tier` property is the number
# (national 0 … county 3): a department notice sits at the tier of its government's region.
Tier = Literal["national", "provincial", "prefectural", "county"]
TIERS: tuple[Tier, ...] = get_args(Tier)
TIER_NUMBER: dict[str, int] = {tier: number for number, tier in enumerate(TIERS)}

# When a task is due: by a date (2020年9月底前), ongoing (持续推进, 长期坚持), or no deadline printed.
DeadlineKind = Literal["by_date", "ongoing", "none"]
DEADLINE_KINDS: tuple[DeadlineKind, ...] = get_args(DeadlineKind)

AgencyKind = Literal["agency", "collective", "party organ", "vertically managed"]
AGENCY_KINDS: tuple[AgencyKind, ...] = get_args(AgencyKind)

# How an agency was read as lead or cooperating unit of a task (docs/extraction.md). `joint`: several units 负责 a
# task and no rule says only the first leads, so all lead; `heading`: the attribution is printed on the section
# heading above the task; `corrected`: an analyst's correction (policygraph correct).
Basis = Literal["explicit", "sole", "first_listed", "respective", "standing_clause", "joint", "heading", "corrected"]
BASES: tuple[Basis, ...] = get_args(Basis)
# An agency's role on a task: it leads (牵头, LEADS) or cooperates (配合, COOPERATES_ON).
Role = Literal["lead", "cooperate"]

# An IMPLEMENTS edge is explicit (the child cites the parent as its basis) or inferred (the nearest higher tier).
ImplementsKind = Literal["explicit", "inferred"]
