"""Choosing a role: which backgrounds lead where, the routes in, and the sources' plans."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerkb.names import normalize
from careerkb.views.content import BulletList, Cell, Labelled, Paragraph, Strong, Table, joined
from careerkb.views.context import ViewProblem
from careerkb.views.model import View, shown

if TYPE_CHECKING:
    from careerkb.models import Background
    from careerkb.views.content import Block
    from careerkb.views.context import Context


def backgrounds(context: Context) -> View:
    """Each starting point with the roles the sources match it to, and why: sources that name
    the same starting point share one row, each giving its own reason."""
    kb = context.kb
    if not kb.backgrounds:
        raise ViewProblem("the data holds no backgrounds", empty=True)
    groups: dict[str, list[Background]] = {}
    for background in kb.backgrounds:
        groups.setdefault(normalize(background.name), []).append(background)
    rows: list[tuple[Cell, ...]] = []
    for same in groups.values():
        first = same[0]
        roles = dict.fromkeys(role for background in same for role in background.roles)
        reasons = tuple(Paragraph((b.why, *context.cited(b))) for b in same)
        rows.append(
            (
                (Strong(first.name), " — ", first.description),
                joined([context.role_link(role) for role in roles]),
                reasons,
            )
        )
    table = Table(
        ("If you come from", "Roles that fit", "Why"), tuple(rows), classes=("careerkb-backgrounds",)
    )
    return View((table,), shown("backgrounds", *(background.id for background in kb.backgrounds)))


def routes(context: Context) -> View:
    """The ways in, and the roles a source says each one opens."""
    kb = context.kb
    if not kb.routes:
        raise ViewProblem("the data holds no routes in", empty=True)
    items: list[Cell] = []
    for route in kb.routes:
        blocks: list[Block] = [
            Paragraph((Strong(route.name), " — ", route.description, *context.cited(route))),
            Labelled("Opens", joined([context.role_link(role) for role in route.opens])),
        ]
        if route.opens_with_portfolio:
            extra = joined([context.role_link(role) for role in route.opens_with_portfolio])
            blocks.append(Labelled("With a portfolio, also", extra))
        items.append(tuple(blocks))
    listing = BulletList(tuple(items), classes=("careerkb-routes",))
    return View((listing,), shown("routes", *(route.id for route in kb.routes)))


def plan(context: Context, key: str | None = None) -> View:
    """A source's plan, step by step: the one named, or the first in the data."""
    kb = context.kb
    plans = {plan.id: plan for plan in kb.plans}
    if key is not None and key not in plans:
        raise ViewProblem(f"no plan named {key!r}; the data has {', '.join(plans) or 'none'}")
    chosen = plans[key] if key is not None else next(iter(plans.values()), None)
    if chosen is None:
        raise ViewProblem("the data holds no plans", empty=True)
    steps = tuple((Strong(step.name), f": {step.text}") for step in chosen.steps)
    blocks = (
        BulletList(steps, enumerated=True, classes=("careerkb-plan",)),
        Paragraph(("Source: ", context.citation(chosen)), classes=("careerkb-source-note",)),
    )
    return View(blocks, shown("plans", chosen.id))
