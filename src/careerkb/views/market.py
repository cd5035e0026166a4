"""Demand and market claims, each with its figure, period, whose data it rests on and source."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast, get_args

from careerkb.format import band_label, counted, hedge_text
from careerkb.knowledge import closest
from careerkb.models import MarketFact, Measure
from careerkb.views.content import BulletList, Paragraph, Span, Strong
from careerkb.views.context import Named, ViewProblem
from careerkb.views.disagreements import pay_claim_disagreements
from careerkb.views.model import View, shown

if TYPE_CHECKING:
    from collections.abc import Sequence

    from careerkb.views.context import Context

MEASURES: tuple[str, ...] = get_args(Measure)


def market_facts(context: Context, roles: Sequence[Named] | None, measure: str | None = None) -> View:
    """The facts about any of ``roles`` (every fact, for None), of one measure or all."""
    if measure is not None and measure not in MEASURES:
        near = closest(measure, MEASURES, limit=1)
        hint = f"; did you mean {near[0]!r}?" if near else f"; choose from {', '.join(MEASURES)}"
        raise ViewProblem(f"unknown measure {measure!r}{hint}")
    kb = context.kb
    known = cast("Measure | None", measure)  # checked against MEASURES just above
    if roles is None:
        facts = kb.market_facts(measure=known)
    else:
        facts = kb.market_facts_about(tuple(role.id for role in roles), known)
    if not facts:
        raise ViewProblem("the filter matches no market facts", empty=True)
    items = []
    for fact in facts:
        spans: list[Span] = []
        if fact.figure is not None:
            spans += [Strong(counted(fact.figure), ("careerkb-figure-value",)), ": "]
        spans.append(fact.statement)
        details = [f"period: {fact.period.label}"] if fact.period else []
        if fact.forecast:
            details.append(f"a forecast for {fact.forecast.year}")
        if fact.hedges:
            details.append(hedge_text(fact.hedges))
        if fact.reported_by:
            details.append(f"data: {fact.reported_by}")
        spans += [" (", *(f"{detail}; " for detail in details), context.citation(fact), ")"]
        spans += _claim_checks(context, fact)
        items.append((Paragraph(tuple(spans)),))
    listing = BulletList(tuple(items), classes=("careerkb-market-facts",))
    return View((listing,), shown("market_facts", *(fact.id for fact in facts)))


def _claim_checks(context: Context, fact: MarketFact) -> list[Span]:
    """Where bands in the data contradict a claim about which role earns more: said beside the
    claim, so a reader does not meet the claim here and the opposite figures on another page."""
    kb = context.kb
    spans: list[Span] = []
    for found in pay_claim_disagreements(context, fact):
        ours, theirs = found.against, found.second
        assert ours is not None
        assert not isinstance(theirs, MarketFact)
        spans += [
            f" Not borne out by every band: at {ours.level_label.lower()} level "
            f"the {kb.role_title(ours.role).title} is put at {band_label(ours)} and "
            f"the {kb.role_title(theirs.role).title} at {band_label(theirs)}",
            *context.cited(theirs),
            ".",
        ]
    return spans
