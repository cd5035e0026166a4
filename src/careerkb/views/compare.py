"""Two or more roles side by side, and the skills and lines between them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerkb.format import fact_text
from careerkb.views.content import BulletList, Cell, Labelled, Paragraph, Rubric, Table, joined
from careerkb.views.context import ViewProblem, role_link, status_text
from careerkb.views.disagreements import disagreements
from careerkb.views.model import View
from careerkb.views.pay import level_names_note, pay_table

if TYPE_CHECKING:
    from collections.abc import Sequence

    from careerkb.models import Comparison, MarketFact, Measure, Role, SkillArea
    from careerkb.views.content import Block
    from careerkb.views.context import Context

NOT_DESCRIBED = "Not described by the sources."
#: Market facts about pay, not demand: the pay table and the disagreements speak for them.
PAY_MEASURES: frozenset[Measure] = frozenset({"pay-comparison", "pay-change"})


def compared_roles(context: Context, keys: str) -> list[Role]:
    """The roles named in ``keys`` (separated by spaces or commas): two or more different ones."""
    roles = [context.kb.role(key) for key in keys.replace(",", " ").split()]
    if len({role.id for role in roles}) != len(roles) or len(roles) < 2:
        raise ViewProblem(f"needs two or more different roles, got {keys!r}")
    return roles


def shared_skills(context: Context, roles: Sequence[Role]) -> list[SkillArea]:
    """The skill areas the sources describe for every one of ``roles``."""
    return context.kb.skills_shared_by(*(role.id for role in roles))


def boundaries(context: Context, roles: Sequence[Role]) -> tuple[Comparison, ...]:
    """Where the sources draw the lines between exactly these roles, if they do."""
    return context.kb.comparisons_between(*(role.id for role in roles))


def compare(context: Context, roles: Sequence[Role]) -> View:
    """Summary, status, where the line falls, skills, typical day, interview loop, demand and
    career ladder; then pay at aligned levels and, when a source describes it, doing both."""
    kb = context.kb
    shows = {("roles", role.id) for role in roles}
    rows: list[tuple[Cell, ...]] = [
        (("In one line",), *((role.summary,) for role in roles)),
        (("Tier",), *((kb.tier(role.tier).name,) for role in roles)),
        (("Status",), *((status_text(role), *context.cited(role.status)) for role in roles)),
    ]
    after: list[Block] = []
    for comparison in boundaries(context, roles):
        shows.add(("comparisons", comparison.id))
        rows.append(
            ((comparison.headline, *context.cited(comparison)), *((comparison.sides[r.id],) for r in roles))
        )
        for dimension in comparison.dimensions:
            rows.append(((dimension.name,), *((dimension.by_role[r.id],) for r in roles)))
        for label, text, kind in (
            ("In a picture", comparison.framing, "careerkb-framing"),
            ("Doing both", comparison.hybrid, "careerkb-hybrid"),
        ):
            if text:
                after.append(Labelled(label, (text, *context.cited(comparison)), classes=(kind,)))
    for area in shared_skills(context, roles):
        shows.add(("skills", area.id))
        rows.append(((area.area, *context.cited(area)), *((area.by_role[r.id],) for r in roles)))
    rows.append((("Typical day",), *(_typical_day(context, role) for role in roles)))
    rows.append((("Interview loop",), *(_interview(context, role) for role in roles)))
    shared = _shared_demand(context, roles)
    rows.append((("Demand",), *(_demand(context, role, shared, shows) for role in roles)))
    rows.append((("Career ladder",), *(_ladder(context, role) for role in roles)))
    matrix = Table(
        ("Aspect", *(role.title for role in roles)),
        tuple(rows),
        title=" vs ".join(role.title for role in roles),
        classes=("careerkb-compare",),
    )
    links = Labelled(
        "Profiles", joined(role_link(role) for role in roles), classes=("careerkb-compare-links",)
    )
    bands = [band for role in roles for band in kb.salary_bands(role=role.id)]
    shows.update(("salary_bands", band.id) for band in bands)
    pay: list[Block] = (
        [pay_table(context, roles, bands, "Pay"), *level_names_note(context, bands)] if bands else []
    )
    if shared:
        shows.update(("market_facts", fact.id) for fact in shared)
        after[:0] = _shared_demand_list(context, roles, shared)
    return View((links, matrix, *pay, *_disagreements(context, roles, shows), *after), frozenset(shows))


def _disagreements(context: Context, roles: Sequence[Role], shows: set[tuple[str, str]]) -> list[Block]:
    """Where the sources disagree about these roles, next to the figures they disagree on."""
    view = disagreements(context, roles, among=True)
    if not any(isinstance(block, Table) for block in view.blocks):
        return []  # the sentence saying they agree would only repeat what the table shows
    shows.update(view.shows)
    return [Rubric("Where the sources disagree", classes=("careerkb-rubric",)), *view.blocks]


def _typical_day(context: Context, role: Role) -> Cell:
    day = role.typical_day
    if day is None:
        return (NOT_DESCRIBED,)
    return (BulletList(tuple((item,) for item in day.items)), Paragraph((context.citation(day),)))


def _interview(context: Context, role: Role) -> Cell:
    loop = role.interview_loop
    if loop is None:
        return (NOT_DESCRIBED,)
    stages = tuple(
        (stage.name + (f" ({stage.minutes} min)" if stage.minutes else ""),) for stage in loop.stages
    )
    return (BulletList(stages), Paragraph((context.citation(loop),)))


def _demand_facts(context: Context, role: Role) -> list[MarketFact]:
    return [fact for fact in context.kb.market_facts(role=role.id) if fact.measure not in PAY_MEASURES]


def _shared_demand(context: Context, roles: Sequence[Role]) -> list[MarketFact]:
    """Demand facts about every one of ``roles``: said once under the table, not in each column."""
    wanted = {role.id for role in roles}
    return [fact for fact in _demand_facts(context, roles[0]) if wanted <= set(fact.roles)]


def _demand_line(context: Context, fact: MarketFact) -> Cell:
    return (fact_text(fact.figure, fact.statement), *context.cited(fact))


def _shared_demand_list(context: Context, roles: Sequence[Role], shared: list[MarketFact]) -> list[Block]:
    label = "Demand, said of both roles" if len(roles) == 2 else "Demand, said of all these roles"
    items = tuple(_demand_line(context, fact) for fact in shared)
    listing = BulletList(items, classes=("careerkb-shared-demand",))
    return [Rubric(label, classes=("careerkb-rubric",)), listing]


def _demand(context: Context, role: Role, shared: list[MarketFact], shows: set[tuple[str, str]]) -> Cell:
    facts = [fact for fact in _demand_facts(context, role) if fact not in shared]
    if not facts:
        return ("No figures of its own in the sources.",)
    shows.update(("market_facts", fact.id) for fact in facts)
    return (BulletList(tuple(_demand_line(context, fact) for fact in facts)),)


def _ladder(context: Context, role: Role) -> Cell:
    ladder = role.career_ladder
    if ladder is None:
        return (NOT_DESCRIBED,)
    steps = " → ".join(" or ".join(step.titles) for step in ladder.steps)
    return (Paragraph((steps,)), Paragraph((context.citation(ladder),)))
