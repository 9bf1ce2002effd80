"""The pydantic types a structure is made of: posts, groups, pay scales and settings."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .designations import Designation
from .limits import MAX_AMOUNT, MAX_COUNT, MAX_TEXT, MAX_TITLE
from .money import percent
from .ruleparams import check_rule_override

NonNegative = Annotated[float, Field(ge=0, le=MAX_AMOUNT)]
"""A figure (salary, pay, FTE): finite, not negative, and not beyond any real figure."""
Share = Annotated[float, Field(ge=0, le=1)]
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
Title = Annotated[str, Field(min_length=1, max_length=MAX_TITLE)]

STRICT_CONFIG = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False, str_max_length=MAX_TEXT)
"""Unknown keys refused (typos in files are caught); numbers finite; text of a bounded length."""


class _Strict(BaseModel):
    """Base for every stored type, with `STRICT_CONFIG`."""

    model_config = STRICT_CONFIG


class PostStatus(StrEnum):
    FILLED = "filled"
    VACANT = "vacant"
    INTERIM = "interim"
    FIXED_TERM = "fixed-term"
    SHARED = "shared"
    JOB_SHARE = "job share"


class CostBasis(StrEnum):
    """Which point of a grade a post is costed at when it has no salary of its own."""

    TOP = "top"
    MID = "mid"
    BOTTOM = "bottom"


class GroupKind(StrEnum):
    DIRECTORATE = "directorate"
    DEPARTMENT = "department"
    DIVISION = "division"
    SERVICE = "service"
    CLUSTER = "cluster"
    TEAM = "team"
    GROUP = "group"


class Position(_Strict):
    """Where the user placed an item on the canvas by hand (scene coordinates)."""

    x: Annotated[float, Field(ge=-1e9, le=1e9)]
    y: Annotated[float, Field(ge=-1e9, le=1e9)]


class DottedLine(_Strict):
    """A dotted (professional, 'aligned to', statutory) line to another post; not counted in spans."""

    manager: str
    label: str = ""


class SpinalPoint(_Strict):
    point: Count
    salary: NonNegative


class PayScale(_Strict):
    """A named grade: a salary range, optionally with spinal column points."""

    code: str = Field(min_length=1)
    name: str = ""
    min: NonNegative
    max: NonNegative
    points: list[SpinalPoint] = Field(default_factory=list)

    @model_validator(mode="after")
    def _range_in_order(self) -> "PayScale":
        if self.min > self.max:
            raise ValueError(f"grade {self.code!r}: minimum {self.min:,.0f} is above maximum {self.max:,.0f}")
        return self


class PayBand(_Strict):
    """The band a postholder's actual pay falls in, as organograms publish it (130,000 to 134,999)."""

    floor: NonNegative
    ceiling: NonNegative

    @model_validator(mode="after")
    def _band_in_order(self) -> "PayBand":
        if self.floor > self.ceiling:
            raise ValueError(f"pay band floor {self.floor:,.0f} is above its ceiling {self.ceiling:,.0f}")
        return self


class JuniorStaff(_Strict):
    """Staff below a senior post, counted as FTE in one grade (an organogram's junior file).

    They are a team, not posts: never counted as posts, in spans or in layers."""

    grade: str = Field(min_length=1)
    fte: NonNegative
    title: str = ""
    """The generic job title ("Officer / Manager")."""
    pay_min: NonNegative | None = None
    pay_max: NonNegative | None = None
    profession: str = ""
    """The professional or occupational group."""
    unit: str = ""
    """The unit the junior file places them in, when it differs from their senior post's."""

    @model_validator(mode="after")
    def _scale_in_order(self) -> "JuniorStaff":
        if self.pay_min is not None and self.pay_max is not None and self.pay_min > self.pay_max:
            raise ValueError(f"junior grade {self.grade!r}: pay scale minimum {self.pay_min:,.0f} is above "
                             f"its maximum {self.pay_max:,.0f}")
        return self


class Replacement(_Strict):
    """A current post this (proposed) post replaces, and how much of the old job it contains."""

    post: str = Field(min_length=1)
    overlap: Annotated[float, Field(ge=0, le=100)] = 100.0
    """Percentage of the current job that forms part of the new one (Leicester's 75% / 25% tests)."""


class Post(_Strict):
    """A post in the establishment (the job, not the person)."""

    id: str = Field(min_length=1, max_length=MAX_TITLE)
    title: Title
    grade: str | None = None
    tier: str | None = None
    fte: NonNegative = 1.0
    salary: NonNegative | None = None
    """Actual annual salary (full-time equivalent); when absent the grade's cost basis is used."""
    status: PostStatus = PostStatus.FILLED
    postholder: str | None = None
    co_holders: list[str] = Field(default_factory=list)
    """The other holders of a job-share post, beside `postholder`."""
    name_withheld: bool = False
    """The postholder's name is not disclosed (an organogram's N/D)."""
    pay_band: PayBand | None = None
    """The published band holding the actual pay; costed at its floor, middle or ceiling."""
    pay_withheld: bool = False
    """Pay not disclosed: the post is not costed (and says so), never counted as £0."""
    junior: list[JuniorStaff] = Field(default_factory=list)
    group: str | None = None
    reports_to: str | None = None
    dotted: list[DottedLine] = Field(default_factory=list)
    designations: list[Designation] = Field(default_factory=list)
    funding: dict[str, Share] = Field(default_factory=dict)
    """Shares of the cost paid by other organisations (partner council, NHS…), by name.
    The structure's own organisation pays what is left (1 − the sum)."""
    in_scope: bool = True
    context: str | None = None
    """The partner organisation whose post this is: shown greyed as context, left out of every
    figure (totals, spans, layers) and every rule finding."""
    notes: str = ""
    custom: dict[str, str] = Field(default_factory=dict)
    replaces: list[Replacement] = Field(default_factory=list)
    position: Position | None = None
    assistant: bool = False
    """An assistant or staff officer: drawn beside the manager, not in the row of reports."""

    @field_validator("title")
    @classmethod
    def _title_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a post needs a title")
        return value

    @model_validator(mode="after")
    def _withheld_pay_has_no_figure(self) -> "Post":
        if self.pay_withheld and (self.salary is not None or self.pay_band is not None):
            raise ValueError("a post whose pay is not disclosed has no salary or pay band")
        return self

    @field_validator("context")
    @classmethod
    def _context_names_an_organisation(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("a context post names the partner organisation it belongs to")
        return value

    @field_validator("designations", mode="before")
    @classmethod
    def _parse_designations(cls, value: object) -> object:
        if isinstance(value, list):
            return [Designation.parse(v) if isinstance(v, str) else v for v in value]
        return value

    @field_validator("designations")
    @classmethod
    def _no_repeated_designation(cls, value: list[Designation]) -> list[Designation]:
        return list(dict.fromkeys(value))

    @field_validator("funding")
    @classmethod
    def _shares_add_up(cls, value: dict[str, float]) -> dict[str, float]:
        if sum(value.values()) > 1 + 1e-9:
            raise ValueError(f"funding shares add up to {percent(sum(value.values()))}, more than 100%")
        return value


class Group(_Strict):
    """A directorate, department, division or cluster; groups nest through `parent`."""

    id: str = Field(min_length=1, max_length=MAX_TITLE)
    name: Title
    kind: GroupKind = GroupKind.GROUP
    parent: str | None = None
    leader: str | None = None
    staff: Count | None = None
    contractors: Count | None = None
    teams: list[str] = Field(default_factory=list)
    notes: str = ""
    position: Position | None = None


class Amount(_Strict):
    label: str = Field(min_length=1)
    amount: Annotated[float, Field(ge=-MAX_AMOUNT, le=MAX_AMOUNT)]


class ImpactChoice(StrEnum):
    """What a restructure means for the holder of a post (Leicester's review policy)."""

    NONE = "none"
    ASSIMILATE = "assimilate"
    MATCH = "match"
    RING_FENCE = "ring-fence"
    AT_RISK = "at risk"
    VACANT = "vacant"


class ImpactOverride(_Strict):
    impact: ImpactChoice
    reason: str = ""


class MatchDecision(_Strict):
    """The user's answer to a suggested pair of a deleted (current) and a new (proposed) post: accepted,
    the two are one continuing post when the structures are compared; rejected, they stay apart."""

    before: str = Field(min_length=1)
    after: str = Field(min_length=1)
    accepted: bool


class Proposal(_Strict):
    """The financial assumptions and decisions that go with a proposed structure."""

    set_asides: list[Amount] = Field(default_factory=list)
    """Amounts reserved from the saving (Cambridge: up to £40k for the next phase)."""
    one_off_costs: list[Amount] = Field(default_factory=list)
    """Severance, pension strain and other one-off costs, for the payback period."""
    pay_award_rate: Annotated[float, Field(ge=-0.5, le=0.5)] = 0.0
    """Annual pay award applied to the saving in each later year of the profile."""
    years: Annotated[int, Field(ge=1, le=20)] = 5
    impacts: dict[str, ImpactOverride] = Field(default_factory=dict)
    """The user's decision on the impact for a post (by the current post's id), with the reason."""
    matches: list[MatchDecision] = Field(default_factory=list)
    """Decided pairs of a deleted and a new post (see `analysis.matching`); each post in one pair at most."""

    @field_validator("matches")
    @classmethod
    def _each_post_in_one_pair(cls, value: list[MatchDecision]) -> list[MatchDecision]:
        for side in ("before", "after"):
            ids = [getattr(m, side) for m in value]
            repeated = sorted({i for i in ids if ids.count(i) > 1})
            if repeated:
                raise ValueError(f"post {repeated[0]!r} is in more than one decided match")
        return value


class RuleOverride(_Strict):
    """A structure's change to one rule of the default rule set."""

    enabled: bool | None = None
    severity: str | None = None
    params: dict[str, float | int | str | list[str]] = Field(default_factory=dict)
    """Checked against the default rule set's parameters when the settings are read (see `ruleparams`)."""


class Settings(_Strict):
    on_cost_rate: Annotated[float, Field(ge=0, le=5)] = 0.0
    cost_basis: CostBasis = CostBasis.TOP
    span_max: Annotated[int, Field(ge=1)] | None = None
    """Largest span before a warning; None takes the rule set's default."""
    span_min: Annotated[int, Field(ge=1)] | None = None
    """Smallest span a manager should have; None takes the rule set's default."""
    currency: str = "GBP"
    rules: dict[str, RuleOverride] = Field(default_factory=dict)
    rule_set: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9-]*$")
    """The sector's rule set (resources/rulesets.json); None takes the default, English local authority."""

    @model_validator(mode="after")
    def _rules_known(self) -> "Settings":
        for rule_id, override in self.rules.items():
            check_rule_override(rule_id, override.severity, override.params)
        return self
