"""The records of the knowledge base: frozen, typed, validated once at the boundary.

Every model forbids unknown fields, so a typo in a data file is an error rather than a value
that silently goes nowhere. Every figure carries the id of its source and an as-of date; the
integrity checks in :mod:`careerkb.integrity` make sure those ids point at real records.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Annotated, Literal, Self
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    model_validator,
)

SCHEMA_VERSION = 1

RecordId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80),
    Field(description="A lowercase slug such as 'ai-engineer': letters, digits and single hyphens."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]

# Salaries above this are typos (an extra zero), not frontier-lab offers.
MAX_SALARY = 50_000_000
Money = Annotated[
    int,
    Field(gt=0, le=MAX_SALARY, description="Whole currency units, e.g. 142000 for $142K."),
]


def _check_web_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc or any(c.isspace() for c in url):
        raise ValueError("must be an http:// or https:// address")
    return url


WebUrl = Annotated[str, StringConstraints(max_length=2000), AfterValidator(_check_web_url)]


def check_bounds(low: float | None, high: float | None) -> None:
    """Refuse a range whose low end is above its high end."""
    if low is not None and high is not None and low > high:
        raise ValueError(f"low ({low:.15g}) is greater than high ({high:.15g})")


class Record(BaseModel):
    """Base of every record: immutable, strict about unknown fields."""

    # Validators are built on first use, not at import: a command answered from the cache
    # (careerkb.cache) never needs them.
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True, defer_build=True)


# --- dates --------------------------------------------------------------------------------------

Precision = Literal["day", "month", "quarter", "mid-year", "year"]

_MOMENT_FORMS: tuple[tuple[re.Pattern[str], Precision], ...] = (
    (re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$"), "day"),
    (re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})$"), "month"),
    (re.compile(r"^Q(?P<q>[1-4]) (?P<y>\d{4})$", re.IGNORECASE), "quarter"),
    (re.compile(r"^mid-(?P<y>\d{4})$", re.IGNORECASE), "mid-year"),
    (re.compile(r"^(?P<y>\d{4})$"), "year"),
)
MOMENT_FORMS_HELP = "'2026', 'mid-2026', 'Q1 2026', '2026-06' or '2026-06-15'"


def _parse_moment(value: object) -> object:
    """Accept the short forms people write in YAML ('mid-2026') as well as a mapping."""
    if isinstance(value, dt.date):
        return {"date": value, "precision": "day"}
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return value
    text = value.strip()
    for pattern, precision in _MOMENT_FORMS:
        match = pattern.match(text)
        if not match:
            continue
        year = int(match["y"])
        parts = match.groupdict()
        month = int(parts["m"]) if parts.get("m") else 1
        if parts.get("q"):
            month = 3 * int(parts["q"]) - 2
        elif precision == "mid-year":
            month = 7
        day = int(parts["d"]) if parts.get("d") else 1
        try:
            return {"date": dt.date(year, month, day), "precision": precision}
        except ValueError as exc:
            raise ValueError(f"{text!r} is not a real date ({exc})") from None
    raise ValueError(f"{text!r} is not a date: write it as {MOMENT_FORMS_HELP}")


class Moment(Record):
    """A date and how precise it is: 'mid-2026' is the first of July 2026, precise to mid-year."""

    date: dt.date = Field(description="The first day of the period the source means.")
    precision: Precision

    @model_validator(mode="before")
    @classmethod
    def _from_short_form(cls, value: object) -> object:
        return _parse_moment(value)

    @property
    def label(self) -> str:
        """How a person would say it.

        >>> Moment.model_validate("mid-2026").label
        'mid-2026'
        >>> Moment.model_validate("Q1 2025").label
        'Q1 2025'
        >>> Moment.model_validate("2026-06").label
        'June 2026'
        """
        year = self.date.year
        match self.precision:
            case "year":
                return str(year)
            case "mid-year":
                return f"mid-{year}"
            case "quarter":
                return f"Q{(self.date.month - 1) // 3 + 1} {year}"
            case "month":
                return f"{calendar.month_name[self.date.month]} {year}"
            case "day":
                return self.date.isoformat()


def _not_in_future(moment: Moment, info: ValidationInfo) -> Moment:
    context = info.context if isinstance(info.context, dict) else {}
    today = context.get("today") or dt.date.today()
    if moment.date > today:
        raise ValueError(f"as-of date {moment.label} is in the future")
    return moment


AsOf = Annotated[Moment, AfterValidator(_not_in_future)]


class Period(Record):
    """The span a figure measures, e.g. from Q1 2025 to Q1 2026."""

    start: Moment
    end: Moment

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.start.date > self.end.date:
            raise ValueError(f"starts ({self.start.label}) after it ends ({self.end.label})")
        return self

    @property
    def label(self) -> str:
        return f"{self.start.label} to {self.end.label}"


class Cited(Record):
    """Anything that states a fact: it names the source and the date the fact was true."""

    source: RecordId
    as_of: AsOf


# --- sources ------------------------------------------------------------------------------------


class Source(Record):
    """A document the facts come from."""

    id: RecordId
    title: Text
    publisher: Text
    author: Text | None = None
    url: WebUrl | None = None
    as_of: AsOf
    region: Text | None = Field(None, description="Where the figures apply; None if not stated.")
    covers: Text = Field(description="What the document covers, in a sentence.")
    note: Text | None = None


# --- roles --------------------------------------------------------------------------------------

RoleStatus = Literal["established", "fastest-growing", "emerging", "fading"]


class Alias(Record):
    """Another name a role goes by, and the source that uses it."""

    name: Text
    source: RecordId | None = None


class Status(Cited):
    value: RoleStatus
    note: Text | None = None


class CitedList(Cited):
    """A list of points taken from one source, such as a typical day."""

    items: list[Text] = Field(min_length=1)


class InterviewStage(Record):
    name: Text
    description: Text
    minutes: int | None = Field(None, gt=0, le=24 * 60, description="Length, where given.")


class InterviewLoop(Cited):
    stages: list[InterviewStage] = Field(min_length=1)


class LadderStep(Record):
    titles: list[Text] = Field(min_length=1, description="Alternatives at the same rung.")


class LadderBranch(Record):
    title: Text
    description: Text


class CareerLadder(Cited):
    steps: list[LadderStep] = Field(min_length=2)
    branches: list[LadderBranch] = []
    note: Text | None = None


class Role(Record):
    """An AI job role: what it is, who it suits, how to get in and how it grows."""

    id: RecordId
    title: Text
    abbreviation: Text | None = None
    aliases: list[Alias] = []
    status: Status
    summary: Text = Field(description="One line, in our words.")
    description: Text = Field(description="What the role does, in our words.")
    duties: list[Text] = []
    toolkit: list[Text] = []
    suits: Text | None = None
    education: Text | None = None
    entry_routes: list[Text] = []
    break_in: Text | None = None
    typical_day: CitedList | None = None
    interview_loop: InterviewLoop | None = None
    career_ladder: CareerLadder | None = None
    choose_if: list[CitedList] = []
    related_roles: list[RecordId] = []
    sources: list[RecordId] = Field(min_length=1, description="The sources the profile rests on.")


# --- figures ------------------------------------------------------------------------------------

Level = Literal["entry", "mid", "senior", "staff", "architect", "frontier-lab", "median"]
LEVEL_ORDER: tuple[Level, ...] = (
    "entry",
    "mid",
    "senior",
    "staff",
    "architect",
    "frontier-lab",
    "median",
)


class Years(Record):
    """Years of experience a level asks for; high is None for '8+'."""

    low: int = Field(ge=0, le=60)
    high: int | None = Field(None, ge=0, le=60)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        check_bounds(self.low, self.high)
        return self


class SalaryBand(Cited):
    """One pay band as a source states it, with a level normalised across sources."""

    id: RecordId
    role: RecordId
    region: Text | None = None
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = "USD"
    compensation: Literal["total", "base"] = "total"
    level: Level
    level_label: Text = Field(description="The source's own name for the level.")
    years: Years | None = None
    low: Money | None = None
    high: Money | None = None
    point: Money | None = Field(None, description="A single figure such as a median.")
    open_high: bool = Field(
        False, description="The top is open: '$220K and up', or 'to over $1M' with high=1000000."
    )
    approximate: bool = False

    @model_validator(mode="after")
    def _one_shape(self) -> Self:
        if self.point is not None:
            if self.low is not None or self.high is not None:
                raise ValueError("give either point or low/high, not both")
        elif self.low is None:
            raise ValueError("give low (and high, or open_high: true), or a single point")
        elif self.high is None and not self.open_high:
            raise ValueError("high is missing: give it, or set open_high: true for 'and up'")
        check_bounds(self.low, self.high)
        return self


class Figure(Record):
    """A number with its unit: 3.5 openings per engineer, 30 percent, 2 to 4 months."""

    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: Text
    counts: Text | None = Field(None, description="What is being counted, when the unit is bare.")
    approximate: bool = False

    @model_validator(mode="after")
    def _one_shape(self) -> Self:
        if self.value is not None:
            if self.low is not None or self.high is not None:
                raise ValueError("give either value or low/high, not both")
        elif self.low is None or self.high is None:
            raise ValueError("give a value, or both low and high")
        check_bounds(self.low, self.high)
        return self


Measure = Literal[
    "openings-per-candidate",
    "posting-growth",
    "posting-volume",
    "title-growth-rank",
    "switch-time",
    "title-age",
    "demand-breadth",
    "pay-comparison",
]


class MarketFact(Cited):
    """A claim about demand or the market: what it measures, over when, from whom."""

    id: RecordId
    roles: list[RecordId] = Field(min_length=1)
    measure: Measure
    statement: Text = Field(description="The claim in our words.")
    figure: Figure | None = Field(None, description="None for a claim the source makes in words.")
    period: Period | None = None
    reported_by: Text | None = Field(None, description="Whose data the source relies on.")


# --- learning, skills, comparisons, glossary ----------------------------------------------------

ResourceKind = Literal["course", "course-series", "cohort", "certificate", "project"]
Cost = Literal["free", "paid", "varies", "not-stated"]


class Resource(Cited):
    id: RecordId
    name: Text
    provider: Text
    kind: ResourceKind
    cost: Cost
    roles: list[RecordId] = Field(min_length=1)
    order: int | None = Field(None, gt=0, description="Place in the source's suggested order.")
    description: Text
    taught_by: Text | None = None


class SkillArea(Cited):
    """One row of a skills comparison: what a skill area means for each role."""

    id: RecordId
    area: Text
    by_role: dict[RecordId, Text] = Field(min_length=2)


class Comparison(Cited):
    """Where the line falls between two roles, as a source draws it."""

    id: RecordId
    roles: list[RecordId] = Field(min_length=2, max_length=2)
    headline: Text
    sides: dict[RecordId, Text]
    hybrid: Text | None = Field(None, description="What a person who does both looks like.")

    @model_validator(mode="after")
    def _sides_match_roles(self) -> Self:
        if self.roles[0] == self.roles[1]:
            raise ValueError(f"compares {self.roles[0]!r} with itself")
        if set(self.sides) != set(self.roles):
            raise ValueError(
                f"sides must describe exactly the compared roles {self.roles}, got {list(self.sides)}"
            )
        return self


class Term(Record):
    """A glossary term, defined in our words."""

    id: RecordId
    term: Text
    abbreviation: Text | None = None
    aliases: list[Text] = []
    definition: Text
    roles: list[RecordId] = []
    see_also: list[RecordId] = []
    sources: list[RecordId] = Field([], description="Sources that use the term.")


# The collections a data file may hold, by the key that introduces them.
COLLECTIONS: dict[str, type[Record]] = {
    "sources": Source,
    "roles": Role,
    "salary_bands": SalaryBand,
    "market_facts": MarketFact,
    "resources": Resource,
    "skills": SkillArea,
    "comparisons": Comparison,
    "glossary": Term,
}
