"""'Which path fits you?': every role's "choose this if you..." criteria as one list to tick
through, with the lines the sources draw between the roles. Every word comes from the data."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from careerkb.views.content import BulletList, Cell, Paragraph, Strong, Table
from careerkb.views.context import ViewProblem, role_link
from careerkb.views.model import View

if TYPE_CHECKING:
    from careerkb.models import Comparison
    from careerkb.views.content import Block
    from careerkb.views.context import Context


def criterion_id(role_id: str, source_id: str, text: str) -> str:
    """An id that stays the same while the criterion does, whatever moves around it.

    >>> criterion_id("builder", "guide", "You like maths")
    'builder-8cb23ea5'
    """
    digest = hashlib.sha256(f"{source_id}\n{text}".encode()).hexdigest()[:8]
    return f"{role_id}-{digest}"


@dataclass(frozen=True)
class ChooserRole:
    role_id: str
    title: str
    summary: str


@dataclass(frozen=True)
class Criterion:
    criterion_id: str
    text: str
    role_id: str
    source: str  # the citation as people read it: 'CR Labs, The Builders, mid-2026'


@dataclass(frozen=True)
class ChooserData:
    """What the chooser's script needs; the page's links to the roles are added when written."""

    roles: tuple[ChooserRole, ...]
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class Chooser(View):
    data: ChooserData = ChooserData((), ())


def chooser(context: Context) -> Chooser:
    kb = context.kb
    roles = [role for role in kb.roles if role.choose_if]
    if not roles:
        raise ViewProblem("the sources give no criteria for choosing a role", empty=True)
    criteria: list[Criterion] = []
    rows: list[tuple[Cell, ...]] = []
    for role in roles:
        for group in role.choose_if:
            cite = context.citation(group)
            for text in group.items:
                criteria.append(
                    Criterion(criterion_id(role.id, group.source, text), text, role.id, cite.text)
                )
                rows.append(((text,), (role_link(role),), (cite,)))
    table = Table(
        ("If this sounds like you", "Look at", "Source"),
        tuple(rows),
        title="What points to each role",
        classes=("careerkb-chooser-table",),
    )
    role_ids = {role.id for role in roles}
    comparisons = [c for c in kb.comparisons if role_ids & set(c.roles)]
    shows = {("roles", role.id) for role in roles} | {("comparisons", c.id) for c in comparisons}
    data = ChooserData(tuple(ChooserRole(r.id, r.title, r.summary) for r in roles), tuple(criteria))
    return Chooser((table, *_boundaries(context, comparisons)), frozenset(shows), data=data)


def _boundaries(context: Context, comparisons: list[Comparison]) -> list[Block]:
    """The sources' lines between the roles: a headline, then each side."""
    if not comparisons:
        return []
    items: list[Cell] = []
    for comparison in comparisons:
        sides = tuple(
            (context.role_link(role_id), f": {comparison.sides[role_id]}") for role_id in comparison.roles
        )
        items.append(
            (
                Paragraph((Strong(comparison.headline), *context.cited(comparison))),
                BulletList(sides, classes=("careerkb-chooser-sides",)),
            )
        )
    title = "Where the sources draw the lines"
    return [
        Paragraph((Strong(title),), classes=("careerkb-chooser-lines-title",)),
        BulletList(tuple(items), classes=("careerkb-chooser-lines",)),
    ]
