"""'Which path fits you?': where readers start from and what they enjoy, as one list to tick
through, with the lines the sources draw between the roles. Every word comes from the data.

Backgrounds come from the sources' tables of starting points (merged when two sources name the
same one); preferences from each role's "choose this if you..." lists. The script ranks roles
from the ticks; how it weighs them is explained on the chooser's page.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from careerkb.names import normalize
from careerkb.views.content import BulletList, Cell, Paragraph, Strong, Table, joined
from careerkb.views.context import ViewProblem
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
class Point:
    """An answer points to a role, on a source's word."""

    role_id: str
    source: str  # the citation as people read it: 'CR Labs, Choosing Your Path, mid-2026'


AnswerKind = Literal["background", "preference"]


@dataclass(frozen=True)
class Answer:
    """Something a reader can tick: where they start from, or what they enjoy."""

    answer_id: str
    text: str
    kind: AnswerKind
    points: tuple[Point, ...]


@dataclass(frozen=True)
class ChooserData:
    """What the chooser's script needs; the page's links to the roles are added when written.

    ``roles`` come in the map's order, tier by tier, which is also how ties are broken.
    """

    roles: tuple[ChooserRole, ...]
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Chooser(View):
    data: ChooserData = ChooserData((), ())


def background_answers(context: Context) -> list[Answer]:
    """One answer per starting point: the records that name it alike merge, each role keeping
    the source that names it."""
    merged: dict[str, tuple[str, list[Point]]] = {}
    for background in context.kb.backgrounds:
        key = normalize(background.name)
        cite = context.citation(background).text
        merged.setdefault(key, (background.name, []))[1].extend(
            Point(role, cite) for role in background.roles
        )
    return [
        Answer(f"background-{'-'.join(key.split())}", name, "background", tuple(points))
        for key, (name, points) in merged.items()
    ]


def preference_answers(context: Context) -> list[Answer]:
    """Every role's "choose this if you..." criteria, each pointing to its role."""
    answers = []
    for role in context.kb.roles:
        for group in role.choose_if:
            cite = context.citation(group).text
            for text in group.items:
                point = Point(role.id, cite)
                answers.append(
                    Answer(criterion_id(role.id, group.source, text), text, "preference", (point,))
                )
    return answers


def chooser(context: Context) -> Chooser:
    kb = context.kb
    answers = [*background_answers(context), *preference_answers(context)]
    if not answers:
        raise ViewProblem("the sources give no backgrounds or criteria for choosing a role", empty=True)
    pointed = {point.role_id for answer in answers for point in answer.points}
    roles = [
        kb.role(named.id) for tier in kb.tiers for named in kb.tier_roles(tier.id) if named.id in pointed
    ]
    rows: list[tuple[Cell, ...]] = []
    for answer in answers:
        links = joined([context.role_link(role) for role in dict.fromkeys(p.role_id for p in answer.points)])
        sources = "; ".join(dict.fromkeys(point.source for point in answer.points))
        lead = "I come from: " if answer.kind == "background" else ""
        rows.append(((lead + answer.text,), links, (sources,)))
    table = Table(
        ("If this sounds like you", "Look at", "Source"),
        tuple(rows),
        title="What points to each role",
        classes=("careerkb-chooser-table",),
    )
    role_ids = {role.id for role in roles}
    comparisons = [c for c in kb.comparisons if role_ids & set(c.roles)]
    shows = (
        {("roles", role.id) for role in roles}
        | {("comparisons", c.id) for c in comparisons}
        | {("backgrounds", background.id) for background in kb.backgrounds}
    )
    data = ChooserData(tuple(ChooserRole(r.id, r.title, r.summary) for r in roles), tuple(answers))
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
