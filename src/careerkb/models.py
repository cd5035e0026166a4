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

from careerkb.format import HEDGE_WORDS

SCHEMA_VERSION = 2

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
    # Control characters (NUL, escapes) would reach a terminal or a link's address as they are.
    if any(c.isspace() or not c.isprintable() for c in url):
        raise ValueError("must be an http:// or https:// address without spaces or control characters")
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
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
    # No NaN or infinity anywhere: they are not JSON, and no source gives such a figure.
    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, allow_inf_nan=False, defer_build=True
    )


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


Hedge = Literal["reportedly", "single-report", "hedged", "survey", "directional"]
Hedges = Annotated[
    list[Hedge],
    Field(description="How the source hedges the figure: " + ", ".join(HEDGE_WORDS) + "."),
]


# --- sources ------------------------------------------------------------------------------------


class Source(Record):
    """A document the facts come from."""

    id: RecordId
    title: Text
    publisher: Text
    cite_as: Text | None = Field(
        None, description="How citations name it, e.g. 'CR Labs, The Researchers'; the publisher if absent."
    )
    author: Text | None = None
    url: WebUrl | None = None
    as_of: AsOf
    region: Text | None = Field(None, description="Where the figures apply; None if not stated.")
    covers: Text = Field(description="What the document covers, in a sentence.")
    note: Text | None = None


# --- tiers and roles -----------------------------------------------------------------------------


class Tier(Record):
    """One of the kinds of AI work (research, engineering, ...); every role belongs to one."""

    id: RecordId
    name: Text
    order: int = Field(gt=0, le=100, description="Place on the map, from research to application.")
    summary: Text = Field(description="What the tier is for, in one line of our words.")
    description: Text = Field(description="What the tier is for and who it suits, in our words.")
    sources: list[RecordId] = Field(min_length=1)


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


class Paraphrase(Cited):
    """How job postings describe a role, in our words: never the postings' own sentences."""

    text: Text


Stage = Literal["applied-course", "expert-program", "portfolio-project", "break-in"]
STAGE_ORDER: tuple[Stage, ...] = ("applied-course", "expert-program", "portfolio-project", "break-in")
STAGE_NAMES: dict[Stage, str] = {
    "applied-course": "Applied course",
    "expert-program": "Expert program",
    "portfolio-project": "Portfolio project",
    "break-in": "Break-in move",
}


class PathStep(Record):
    stage: Stage
    text: Text = Field(description="What to do at this stage, in our words.")
    resources: list[RecordId] = Field([], description="Resources the step names, by id.")


class LearningPath(Cited):
    """A source's four-stage route into a role, one step per stage, in the stages' order."""

    steps: list[PathStep] = Field(min_length=1, max_length=len(STAGE_ORDER))

    @model_validator(mode="after")
    def _stages_in_order(self) -> Self:
        stages = [step.stage for step in self.steps]
        if len(set(stages)) < len(stages):
            raise ValueError(f"each stage comes once; got {stages}")
        if stages != sorted(stages, key=STAGE_ORDER.index):
            raise ValueError(f"stages go in the order {', '.join(STAGE_ORDER)}; got {', '.join(stages)}")
        return self


#: How a role relates to an official occupation: the occupation is the work itself
#: (``direct-match``), or the closest wider one (``nearest-parent``).
Relation = Literal["direct-match", "nearest-parent"]


class OccupationLink(Record):
    """How a role relates to an official occupation: few AI titles have a code of their own."""

    occupation: RecordId
    relation: Relation = Field(
        description="direct-match: the occupation is this work; nearest-parent: the closest wider one."
    )
    reason: Text = Field(description="Why this occupation, in our words.")


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
    tier: RecordId
    status: Status | None = Field(None, description="Only where a source says how the role is moving.")
    summary: Text = Field(description="One line, in our words.")
    description: Text = Field(description="What the role does, in our words.")
    duties: list[Text] = []
    toolkit: list[Text] = []
    suits: Text | None = None
    education: Text | None = None
    entry_routes: list[Text] = []
    backgrounds: CitedList | None = Field(None, description="Where people in the role came from.")
    break_in: Text | None = None
    postings: Paraphrase | None = None
    learning_path: LearningPath | None = None
    occupations: list[OccupationLink] = []
    typical_day: CitedList | None = None
    interview_loop: InterviewLoop | None = None
    career_ladder: CareerLadder | None = None
    choose_if: list[CitedList] = []
    related_roles: list[RecordId] = []
    sources: list[RecordId] = Field(min_length=1, description="The sources the profile rests on.")


# --- figures ------------------------------------------------------------------------------------

Level = Literal["entry", "mid", "senior", "staff", "architect", "frontier-lab", "median", "overall"]
LEVEL_ORDER: tuple[Level, ...] = (
    "entry",
    "mid",
    "senior",
    "staff",
    "architect",
    "frontier-lab",
    "median",
    "overall",
)
# A band in pounds stays in pounds: figures are never converted.
Currency = Literal["USD", "GBP", "EUR", "CAD"]
# "unstated" where the source does not say whether a figure is base pay or total compensation.
PayBasis = Literal["total", "base", "unstated"]
Statistic = Literal["range", "median", "average"]


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
    currency: Currency = "USD"
    compensation: PayBasis = "total"
    statistic: Statistic = Field(
        "range", description="range for low/high; median or average for a single point."
    )
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
    qualitative: Text | None = Field(
        None, description="A band the source gives only in words ('high; near seven figures at the top')."
    )
    hedges: Hedges = []

    @model_validator(mode="before")
    @classmethod
    def _words_say_no_basis(cls, value: object) -> object:
        # A band in words ("high", "climbing fast") is neither base nor total unless it says so.
        if isinstance(value, dict) and value.get("qualitative") is not None and "compensation" not in value:
            return {**value, "compensation": "unstated"}
        return value

    @model_validator(mode="after")
    def _one_shape(self) -> Self:
        if self.qualitative is not None:
            if any(value is not None for value in (self.low, self.high, self.point)) or self.open_high:
                raise ValueError("a band in words has no low, high, point or open_high")
            return self
        if self.point is not None:
            if self.low is not None or self.high is not None:
                raise ValueError("give either point or low/high, not both")
            if self.statistic == "range":
                raise ValueError("a single point is a median or an average: set statistic")
        elif self.statistic != "range":
            raise ValueError(f"a {self.statistic} is a single figure: give point, not low/high")
        elif self.low is None:
            raise ValueError("give low (and high, or open_high: true), a single point, or qualitative")
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
    "pay-change",
    "market-size",
    "compute-share",
    "demand-read",
]


class PayOrder(Record):
    """A claim about two roles' pay at one level: the first earns more, or about the same."""

    # careerkb.views.disagreements checks each claim against the bands of both roles.

    first: RecordId
    relation: Literal["above", "level-with"]
    second: RecordId
    level: Level | None = Field(None, description="The level the claim is about; None for every level.")

    @model_validator(mode="after")
    def _two_roles(self) -> Self:
        if self.first == self.second:
            raise ValueError(f"compares {self.first!r} with itself")
        return self


class Forecast(Record):
    """A figure about the future: it names the year it forecasts."""

    year: int = Field(ge=2000, le=2100, description="The year the forecast is for.")


class MarketFact(Cited):
    """A claim about demand or the market: what it measures, over when, from whom."""

    id: RecordId
    roles: list[RecordId] = Field(min_length=1)
    measure: Measure
    statement: Text = Field(description="The claim in our words.")
    figure: Figure | None = Field(None, description="None for a claim the source makes in words.")
    period: Period | None = None
    reported_by: Text | None = Field(None, description="Whose data the source relies on.")
    forecast: Forecast | None = None
    pay_order: PayOrder | None = Field(None, description="For a pay comparison: which role earns more.")
    hedges: Hedges = []

    @model_validator(mode="after")
    def _sensible(self) -> Self:
        if self.pay_order is not None:
            if self.measure != "pay-comparison":
                raise ValueError(f"pay_order belongs to a pay-comparison fact, not {self.measure!r}")
            missing = {self.pay_order.first, self.pay_order.second} - set(self.roles)
            if missing:
                raise ValueError(f"pay_order names {sorted(missing)}, which the fact's roles do not list")
        if self.measure == "openings-per-candidate" and self.figure is not None:
            lowest = self.figure.value if self.figure.value is not None else self.figure.low
            if lowest is not None and lowest <= 0:
                raise ValueError(f"a ratio of openings to people is positive, got {lowest:.15g}")
        if self.forecast is not None and self.forecast.year < self.as_of.date.year:
            raise ValueError(
                f"forecasts {self.forecast.year}, before the source's own date ({self.as_of.label})"
            )
        return self


# --- learning, skills, comparisons, glossary ----------------------------------------------------

ResourceKind = Literal[
    "course",
    "course-series",
    "cohort",
    "certificate",
    "project",
    "program",
    "track",
    "library",
    "guide",
    "reference",
    "forum",
]
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
    url: WebUrl | None = Field(None, description="The address the source gives, if it gives one.")


class SkillArea(Cited):
    """One row of a skills comparison: what a skill area means for each role."""

    id: RecordId
    area: Text
    by_role: dict[RecordId, Text] = Field(min_length=2)


class Dimension(Record):
    """One row of a source's side-by-side table: what each compared role is judged on, say."""

    name: Text
    by_role: dict[RecordId, Text]


class Comparison(Cited):
    """Where the lines fall between two or three roles, as a source draws them."""

    id: RecordId
    roles: list[RecordId] = Field(min_length=2, max_length=3)
    headline: Text
    sides: dict[RecordId, Text]
    framing: Text | None = Field(None, description="The source's picture of the split, in our words.")
    dimensions: list[Dimension] = []
    hybrid: Text | None = Field(None, description="What a person who does both looks like.")

    @model_validator(mode="after")
    def _sides_match_roles(self) -> Self:
        if len(set(self.roles)) < len(self.roles):
            raise ValueError(f"compares a role with itself: {self.roles}")
        for what, described in (("sides", self.sides), *((d.name, d.by_role) for d in self.dimensions)):
            if set(described) != set(self.roles):
                raise ValueError(
                    f"{what} must describe exactly the compared roles {self.roles}, got {list(described)}"
                )
        return self


# --- official statistics -------------------------------------------------------------------------

SOC_PATTERN = r"^\d{2}-\d{4}$"
SocCode = Annotated[
    str,
    StringConstraints(pattern=SOC_PATTERN),
    Field(description="A Standard Occupational Classification (SOC 2018) code such as '15-2051'."),
]
GrowthDescriptor = Literal[
    "Much faster than average",
    "Faster than average",
    "As fast as average",
    "Slower than average",
    "Little or no change",
    "Decline",
]
Education = Literal[
    "No formal educational credential",
    "High school diploma or equivalent",
    "Some college, no degree",
    "Postsecondary nondegree award",
    "Associate's degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctoral or professional degree",
]


class Outlook(Record):
    """Jobs now and the projected change over a decade, as a statistics office projects them."""

    period: Period = Field(description="The projection's decade, e.g. 2024 to 2034.")
    jobs: int = Field(gt=0, description="Jobs at the start of the period.")
    projected_jobs: int | None = Field(None, gt=0, description="Jobs projected at its end.")
    growth_percent: float = Field(ge=-100, le=1000, allow_inf_nan=False)
    descriptor: GrowthDescriptor | None = Field(None, description="The statistics office's own words.")
    openings_per_year: int | None = Field(None, gt=0, description="Openings projected each year, on average.")


class GroupOutlook(Outlook):
    """An outlook the source gives only for a group of occupations reported together."""

    group: Text


class Occupation(Cited):
    """An official occupation with its statistics, kept apart from the articles' survey figures."""

    id: RecordId
    soc: SocCode
    title: Text
    summary: Text = Field(description="What people in the occupation do, in our words.")
    median_pay: Money = Field(description="Median annual wage.")
    pay_as_of: Moment = Field(description="When the wage data was collected, e.g. '2024-05'.")
    p10: Money | None = Field(None, description="The wage the lowest 10 percent earned less than.")
    p90: Money | None = Field(None, description="The wage the highest 10 percent earned more than.")
    entry_education: Education
    outlook: Outlook
    group_outlook: GroupOutlook | None = None

    @model_validator(mode="after")
    def _percentiles_ordered(self) -> Self:
        if self.p10 is not None and self.p10 > self.median_pay:
            raise ValueError(f"p10 ({self.p10}) is above the median ({self.median_pay})")
        if self.p90 is not None and self.p90 < self.median_pay:
            raise ValueError(f"p90 ({self.p90}) is below the median ({self.median_pay})")
        return self


# --- choosing ------------------------------------------------------------------------------------


class Background(Cited):
    """A starting point readers come from, and the roles a source says it leads to."""

    id: RecordId
    name: Text
    description: Text = Field(description="Who has this background, in our words.")
    roles: list[RecordId] = Field(min_length=1)
    why: Text = Field(description="Why those roles fit, in our words.")


class Route(Cited):
    """A way in (a doctorate, applied courses, a portfolio) and the roles a source says it opens."""

    id: RecordId
    name: Text
    description: Text
    opens: list[RecordId] = Field(min_length=1)
    opens_with_portfolio: list[RecordId] = Field([], description="Roles it reaches with a portfolio.")


class PlanStep(Record):
    name: Text
    text: Text


class Plan(Cited):
    """A source's ordered plan of action, such as a five-step plan for switching."""

    id: RecordId
    title: Text
    steps: list[PlanStep] = Field(min_length=2)


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


# --- search ------------------------------------------------------------------------------------

# A word or phrase a reader types: short.
SearchPhrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]


# Glossary and role names, abbreviations and aliases are synonym groups already (see
# careerkb.search.synonyms); these groups hold the everyday words no record names.
class SynonymGroup(Record):
    """Words and phrases a reader may type for the same thing: the search takes any for all."""

    id: RecordId
    words: list[SearchPhrase] = Field(
        min_length=2, description="Each word or phrase in one group only; letter case does not matter."
    )
    note: Text | None = Field(None, description="Why these mean the same, where it is not obvious.")


# The collections a data file may hold, by the key that introduces them.
COLLECTIONS: dict[str, type[Record]] = {
    "sources": Source,
    "tiers": Tier,
    "roles": Role,
    "salary_bands": SalaryBand,
    "market_facts": MarketFact,
    "resources": Resource,
    "skills": SkillArea,
    "comparisons": Comparison,
    "occupations": Occupation,
    "backgrounds": Background,
    "routes": Route,
    "plans": Plan,
    "glossary": Term,
    "synonyms": SynonymGroup,
}
