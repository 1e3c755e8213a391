"""Response model of GET /documents/{key}/compare (analysis/compare.py): a notice against another, task by task.

Every change reads from the other notice's task (`other`, `before`) to the notice's (`task`, `after`). The rules are
in docs/compare.md; the labels are the Chinese the side-by-side page and the CLI show.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from policygraph.api.schemas_documents import Deadline

Relation = Literal["parent", "sibling", "previous_year", "other"]
LeadStatus = Literal["same", "lower_tier", "higher_tier", "other_region", "changed", "added", "removed", "none"]
Change = Literal["same", "tightened", "loosened", "moved", "added", "removed", "changed", "none"]


class ComparedNotice(BaseModel):
    """One side of the comparison."""

    key: str = Field(description="The notice's key: its 文号, or region|year|title.")
    doc_no: str | None
    title: str | None
    issuer: str | None
    level: str | None = Field(description="national | provincial | prefectural | county | department.")
    region: str | None
    year: int | None
    stub: bool
    task_count: int = Field(description="Its tasks in the graph.")


class Agency(BaseModel):
    """A lead or cooperating agency, with what the comparison reads of it."""

    key: str
    name: str = Field(description="Canonical full name.")
    function: str | None = Field(description="The agency without its region: 卫生健康委员会 for every region's 卫健委.")
    jurisdiction: str | None = Field(description="Its region; null for a national organ.")
    level: str | None = Field(description="The tier of its jurisdiction: national … county.")
    kind: str | None


class TaskTarget(BaseModel):
    text: str | None = Field(description="The target as printed: 90%以上, 不少于5000名, 2025年底前.")
    kind: str | None = Field(description="percent | coverage | count | deadline.")
    value: float | str | None = Field(description="A number, or YYYY[-MM] for a deadline target.")


class ComparedTask(BaseModel):
    """A task as stored, with what the comparison reads of it."""

    key: str = Field(description="document key # position.")
    ordinal: int
    number: str | None = Field(description="As printed, e.g. (三).")
    title: str
    text: str
    leads: list[Agency] = Field(description="牵头单位, by name.")
    cooperating: list[Agency] = Field(description="配合单位, by name.")
    programmes: list[str]
    targets: list[TaskTarget] = Field(description="In the order printed.")
    deadline: Deadline


class LeadChange(BaseModel):
    status: LeadStatus = Field(
        description="By function family (国家卫生健康委员会 = 卫生健康局): same (same jurisdiction); lower_tier / "
        "higher_tier / other_region (same functions, the notice's leads a tier down, up, or in another region of the "
        "same tier); changed (other functions); added / removed (a lead on one side only); none (no lead on either)."
    )
    label: str = Field(
        description="In Chinese: 相同, 同职能·下级, 同职能·上级, 同职能·他地, 牵头变化, 新增牵头, 删除牵头, 无牵头."
    )
    before: list[str] = Field(description="The other task's leads.")
    after: list[str] = Field(description="The notice's task's leads.")
    functions_added: list[str] = Field(description="Function families leading only in the notice's task.")
    functions_removed: list[str] = Field(description="Function families leading only in the other's task.")


class SetChange(BaseModel):
    changed: bool
    added: list[str] = Field(description="Only in the notice's task (cooperating units: by function family).")
    removed: list[str] = Field(description="Only in the other's task.")


class DeadlineChange(BaseModel):
    change: Change = Field(
        description="tightened (earlier) / loosened (later), the other's date first moved by the years between the "
        "notices; moved (the same deadline carried to the notice's year); same; added / removed (dated on one side "
        "only); changed (ongoing ↔ dated); none (no deadline on either side)."
    )
    label: str = Field(description="In Chinese: 收紧, 放宽, 顺延, 不变, 新增, 删除, 改变, 无.")
    before: Deadline
    after: Deadline


class TargetChange(BaseModel):
    kind: str = Field(description="percent | coverage | count | deadline.")
    change: Change = Field(
        description="Numbers: the largest on each side, higher = tightened; deadline targets as deadlines; a kind on "
        "one side only: added / removed."
    )
    label: str
    before: list[str] = Field(description="The other task's targets of this kind, as printed.")
    after: list[str] = Field(description="The notice's task's targets of this kind, as printed.")


class Changes(BaseModel):
    lead: LeadChange
    cooperating: SetChange
    deadline: DeadlineChange
    targets: list[TargetChange] = Field(description="One per target kind on either side.")
    programmes: SetChange
    any: bool = Field(description="Anything changed (a lead one tier down and a deadline moved to the year: not).")


class InheritedPair(BaseModel):
    """A task of the notice aligned with a task of the other (a task may be in several pairs)."""

    task: ComparedTask = Field(description="The notice's task.")
    other: ComparedTask = Field(description="The other notice's task.")
    score: float = Field(description="Alignment score (0..1), at or above `threshold`.")
    changes: Changes


class Shares(BaseModel):
    inherited: float = Field(description="Of the notice's tasks, the share aligned with the other's (0..1).")
    taken_up: float = Field(description="Of the other's tasks, the share the notice aligned with (0..1).")
    tasks: int
    tasks_inherited: int
    other_tasks: int
    other_tasks_taken_up: int


class Counts(BaseModel):
    pairs: int = Field(description="Aligned pairs.")
    added: int = Field(description="The notice's tasks aligned with none of the other's (新增).")
    dropped: int = Field(description="The other's tasks none of the notice's aligned with (删除).")
    changed_pairs: int = Field(description="Pairs where anything changed.")
    lead_changed: int = Field(description="Pairs whose lead changed function (卫健委 → 医保局).")
    lead_other_tier: int = Field(description="Pairs whose lead has the same functions at another tier or region.")
    cooperating_changed: int
    deadline_tightened: int
    deadline_loosened: int
    deadline_moved: int
    targets_tightened: int
    targets_loosened: int
    programmes_changed: int


class Comparison(BaseModel):
    """A notice (A) against another (B): inherited, added, dropped, and what changed in each aligned pair."""

    notice: ComparedNotice = Field(description="The notice compared (A: the child, the later, the one asked about).")
    other: ComparedNotice = Field(description="The notice it is compared with (B: by default its parent).")
    relation: Relation = Field(description="What B is to A: parent | sibling | previous_year | other.")
    chosen: str | None = Field(description="Why B, when `with` was not given (which parent, explicit or inferred).")
    threshold: float = Field(description="The alignment score at and above which two tasks are aligned.")
    shares: Shares
    counts: Counts
    inherited: list[InheritedPair] = Field(description="Aligned pairs (继承), in the notice's task order.")
    added: list[ComparedTask] = Field(description="The notice's tasks with no counterpart (新增).")
    dropped: list[ComparedTask] = Field(description="The other's tasks with no counterpart (删除).")
