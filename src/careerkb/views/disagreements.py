"""Where the sources disagree, found by comparing the data rather than by notes typed by hand.

Two records make an *overlapping claim* when they speak of the same role and the same thing (a
pay band at the same normalised level, or a market figure of the same measure) but come from
different sources. Such a pair disagrees when its figures differ by more than
:data:`TOLERANCE`, or, for pay, when the sources give the same career stage different names.
Each disagreement lists what might explain it (region, date, pay basis, level names, a figure
shared with other roles) so the reader can weigh both figures rather than pick one.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from careerkb.format import band_label, figure_label, pay_basis
from careerkb.models import MarketFact
from careerkb.names import normalize
from careerkb.views.content import Cell, Paragraph, Table, joined
from careerkb.views.model import View, shown

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from careerkb.models import Measure, PayOrder, SalaryBand
    from careerkb.views.context import Context, Named

#: Figures further apart than this share of the larger one disagree: 15% separates two readings
#: of a market from the rounding every source applies ("about", "roughly", "~").
TOLERANCE = 0.15

#: Measures a source normally gives as a number, so that words in their place are worth a note.
COUNTED: frozenset[Measure] = frozenset({"openings-per-candidate", "posting-growth", "switch-time"})

Kind = Literal["pay", "level names", "demand", "figure and words", "pay claim"]


@dataclass(frozen=True)
class Disagreement:
    """Two records about the same role and the same thing that do not match."""

    kind: Kind
    role: str
    about: str  # 'entry-level pay', 'openings per candidate'
    first: SalaryBand | MarketFact
    second: SalaryBand | MarketFact
    reasons: tuple[str, ...]
    #: For a pay claim: the band of the claim's first role that ``second`` is set against.
    against: SalaryBand | None = None


def apart(first: float, second: float) -> float:
    """How far apart two figures are, as a share of the larger.

    >>> apart(90000, 130000), apart(3.5, 3.5)
    (0.3076923076923077, 0.0)
    """
    larger = max(abs(first), abs(second))
    return abs(first - second) / larger if larger else 0.0


def _band_points(band: SalaryBand) -> tuple[float, ...]:
    """The figures that place a band: its low end and, where stated, its top, or its point."""
    if band.point is not None:
        return (band.point,)
    return tuple(value for value in (band.low, band.high) if value is not None)


def _bands_differ(first: SalaryBand, second: SalaryBand) -> bool:
    ours, theirs = _band_points(first), _band_points(second)
    if not ours or not theirs or first.currency != second.currency:
        return False
    # Compare like with like: low with low; tops only when both state one.
    pairs = list(zip(ours, theirs, strict=False))
    if first.point is not None or second.point is not None:
        pairs = [(sum(ours) / len(ours), sum(theirs) / len(theirs))]
    return any(apart(a, b) > TOLERANCE for a, b in pairs)


def _band_reasons(first: SalaryBand, second: SalaryBand) -> tuple[str, ...]:
    reasons = []
    if first.region != second.region:
        reasons.append(f"regions differ ({first.region or 'not stated'} / {second.region or 'not stated'})")
    if first.as_of.date != second.as_of.date:
        reasons.append(f"dates differ ({first.as_of.label} / {second.as_of.label})")
    if pay_basis(first) != pay_basis(second):
        reasons.append(f"they measure different pay ({pay_basis(first)} / {pay_basis(second)})")
    if not same_level_name(first.level_label, second.level_label):
        reasons.append(f"the sources name the level differently ({first.level_label} / {second.level_label})")
    if first.years != second.years:
        reasons.append("the levels may span different years of experience")
    return tuple(reasons) or ("the sources do not say what sets their figures apart",)


def same_level_name(first: str, second: str) -> bool:
    """'Architect' and 'Architects', 'Mid' and 'Mid-Level', name one level; 'Junior' and
    'Entry' do not."""

    def bare(name: str) -> str:
        return normalize(name).removesuffix(" level").removesuffix("s")

    return bare(first) == bare(second)


def _fact_value(fact: MarketFact) -> float | None:
    figure = fact.figure
    if figure is None:
        return None
    if figure.value is not None:
        return figure.value
    assert figure.low is not None
    assert figure.high is not None
    return (figure.low + figure.high) / 2


def _fact_reasons(first: MarketFact, second: MarketFact) -> tuple[str, ...]:
    reasons = []
    if set(first.roles) != set(second.roles):
        reasons.append("one figure covers a different group of roles")
    if first.as_of.date != second.as_of.date:
        reasons.append(f"dates differ ({first.as_of.label} / {second.as_of.label})")
    if first.period != second.period:
        reasons.append("they measure different periods")
    if first.reported_by != second.reported_by:
        reasons.append("they rest on different data")
    if "directional" in first.hedges or "directional" in second.hedges:
        reasons.append("a source calls its figure a rough signal")
    return tuple(reasons) or ("the sources do not say what sets their figures apart",)


def _claim_broken(order: PayOrder, first: SalaryBand, second: SalaryBand) -> bool:
    """Whether two bands from one source contradict a claim about the two roles' pay."""
    ours, theirs = _band_points(first)[0], _band_points(second)[0]
    if order.relation == "level-with":
        return apart(ours, theirs) > TOLERANCE
    return theirs > ours and apart(ours, theirs) > TOLERANCE


def pay_claim_disagreements(context: Context, fact: MarketFact) -> Iterator[Disagreement]:
    """Bands that contradict a fact's claim about which role earns more, compared like with
    like: one source's bands for both roles, at one level."""
    order = fact.pay_order
    if order is None:
        return
    kb = context.kb
    for first in kb.salary_bands(role=order.first, level=order.level):
        if first.qualitative is not None or first.level == "overall":
            continue
        for second in kb.salary_bands(role=order.second, source=first.source, level=first.level):
            if (
                second.qualitative is None
                and first.currency == second.currency
                and _claim_broken(order, first, second)
            ):
                titles = f"{kb.role_title(order.first).title} against {kb.role_title(order.second).title}"
                about = f"{first.level.replace('-', ' ')} pay, {titles}"
                reason = (
                    "the claim is a general one about the two roles; the bands are one source's figures "
                    "at one level"
                )
                reasons = (
                    reason,
                    *(("they come from different sources",) if first.source != fact.source else ()),
                )
                yield Disagreement("pay claim", order.first, about, fact, second, reasons, against=first)


def find_disagreements(
    context: Context, roles: Sequence[Named], *, among: bool = False
) -> Iterator[Disagreement]:
    """Every disagreement about ``roles``, pay first, level by level, then demand and the claims
    about which role earns more. With ``among``, only claims that set two of ``roles`` against
    each other, as a comparison of those roles wants."""
    kb = context.kb
    wanted = dict.fromkeys(role.id for role in roles)  # a set in the roles' order, for the question
    # The claims about these roles only: a question per page that one more role leaves alone.
    for fact in kb.market_facts_about(tuple(wanted), "pay-comparison"):
        order = fact.pay_order
        if order is None:
            continue
        pair = {order.first, order.second}
        if (pair <= wanted.keys()) if among else bool(wanted.keys() & pair):
            yield from pay_claim_disagreements(context, fact)
    for role in roles:
        bands = [band for band in kb.salary_bands(role=role.id) if band.qualitative is None]
        for first, second in itertools.combinations(bands, 2):
            if first.source == second.source or first.level != second.level:
                continue
            about = f"{first.level.replace('-', ' ')} pay"
            if _bands_differ(first, second):
                yield Disagreement("pay", role.id, about, first, second, _band_reasons(first, second))
            elif not same_level_name(first.level_label, second.level_label):
                reason = f"one stage, two names: {first.level_label} and {second.level_label}"
                yield Disagreement("level names", role.id, about, first, second, (reason,))
        facts = kb.market_facts(role=role.id)
        for one, other in itertools.combinations(facts, 2):
            if one.source == other.source or one.measure != other.measure:
                continue
            about = one.measure.replace("-", " ")
            ours, theirs = _fact_value(one), _fact_value(other)
            if (ours is None) != (theirs is None) and one.measure in COUNTED:
                # "Several openings per person" beside "about eight": the reader should see both.
                reason = "one source gives a figure, the other only words"
                yield Disagreement("figure and words", role.id, about, one, other, (reason,))
            elif ours is None or theirs is None or one.figure is None or other.figure is None:
                continue
            elif one.figure.unit == other.figure.unit and apart(ours, theirs) > TOLERANCE:
                yield Disagreement("demand", role.id, about, one, other, _fact_reasons(one, other))


def _figure(context: Context, record: SalaryBand | MarketFact, against: SalaryBand | None = None) -> Cell:
    if not isinstance(record, MarketFact):
        text = f"{band_label(record)} ({record.level_label})"
        if against is not None:
            kb = context.kb
            text = (
                f"{kb.role_title(record.role).title} {band_label(record)}, "
                f"{kb.role_title(against.role).title} {band_label(against)} ({record.level_label})"
            )
    else:
        text = figure_label(record.figure) if record.figure is not None else record.statement
    return (text, *context.cited(record))


def disagreements(context: Context, roles: Sequence[Named], *, among: bool = False) -> View:
    """A table of where the sources disagree about ``roles``, or a sentence saying they agree."""
    found = list(find_disagreements(context, roles, among=among))
    if not found:
        names = joined([context.role_link(role.id) for role in roles])
        lead = "For " if len(roles) == 1 else "Across "
        text = (lead, *names, ", the sources' figures agree within the tolerance careerkb allows.")
        return View(
            (Paragraph(text, classes=("careerkb-agreement",)),), shown("roles", *(r.id for r in roles))
        )
    rows: list[tuple[Cell, ...]] = []
    shows: set[tuple[str, str]] = set()
    for item in found:
        for record in (item.first, item.second, item.against):
            if record is not None:
                shows.add(("market_facts" if isinstance(record, MarketFact) else "salary_bands", record.id))
        rows.append(
            (
                (context.role_link(item.role),),
                (item.about,),
                _figure(context, item.first),
                _figure(context, item.second, item.against),
                ("; ".join(item.reasons),),
            )
        )
    table = Table(
        ("Role", "What", "One source says", "Another says", "Why they may differ"),
        tuple(rows),
        classes=("careerkb-disagreements",),
    )
    return View((table,), frozenset(shows))
