"""A role at a glance, its profile, the directory of every role, and how to grow and get in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careerkb.format import fact_text, pay_basis
from careerkb.models import STAGE_NAMES
from careerkb.views.content import (
    Box,
    BulletList,
    Cell,
    Inline,
    Labelled,
    Paragraph,
    Rubric,
    SourceLink,
    Span,
    Strong,
    Table,
    WebLink,
    joined,
)
from careerkb.views.context import ViewProblem, pay, role_link, status_text
from careerkb.views.model import View, shown

if TYPE_CHECKING:
    from careerkb.knowledge import ResourceName
    from careerkb.models import CitedList, MarketFact, Resource, Role, SalaryBand
    from careerkb.views.content import Block
    from careerkb.views.context import Context


@dataclass(frozen=True)
class RoleSummary:
    """One role in a list of roles: its status, entry pay and headline demand, each cited."""

    role: Role
    entry_pay: SalaryBand | None
    demand: MarketFact | None


def role_summaries(context: Context) -> list[RoleSummary]:
    """Every role, tier by tier and by title within a tier, with its pay at entry level and
    its headline demand figure."""
    kb = context.kb
    summaries = []
    for role in (kb.role(named.id) for tier in kb.tiers for named in kb.tier_roles(tier.id)):
        fact = kb.headline_fact(role.id)
        demand = fact if fact is not None and fact.figure is not None else None
        summaries.append(RoleSummary(role, kb.entry_pay(role.id), demand))
    return summaries


def roles_directory(context: Context) -> View:
    """Role, status, entry pay and headline demand, each figure with its source."""
    rows: list[tuple[Cell, ...]] = []
    shows: set[tuple[str, str]] = set()
    for summary in role_summaries(context):
        role, band, fact = summary.role, summary.entry_pay, summary.demand
        shows.add(("roles", role.id))
        pay_cell: Cell = ("—",)
        if band is not None:
            shows.add(("salary_bands", band.id))
            pay_cell = (pay(band), *context.cited(band))
        demand: Cell = ("—",)
        if fact is not None and fact.figure is not None:
            shows.add(("market_facts", fact.id))
            demand = (fact_text(fact.figure, fact.statement), *context.cited(fact))
        status = (status_text(role), *context.cited(role.status))
        tier = (context.kb.tier(role.tier).name,)
        rows.append(((role_link(role),), tier, (role.summary,), status, pay_cell, demand))
    table = Table(
        ("Role", "Tier", "In one line", "Status", "Entry pay", "Demand"),
        tuple(rows),
        classes=("careerkb-roles-directory", "careerkb-sortable"),
    )
    return View((table,), frozenset(shows))


def quick_facts(context: Context, key: str) -> View:
    """The essentials of a role at a glance."""
    kb = context.kb
    role = kb.role(key)
    shows = {("roles", role.id)}
    lines: list[Block] = [
        Labelled("In one line", (role.summary,)),
        Labelled("Tier", (kb.tier(role.tier).name,)),
    ]
    if role.status is not None:
        lines.append(Labelled("Status", (status_text(role), *context.cited(role.status))))
    band = kb.entry_pay(role.id)
    if band is not None:
        shows.add(("salary_bands", band.id))
        lines.append(Labelled("Entry pay", (pay(band), f" {pay_basis(band)}", *context.cited(band))))
    fact = kb.headline_fact(role.id)
    if fact is not None and fact.figure is not None:
        shows.add(("market_facts", fact.id))
        lines.append(Labelled("Demand", (fact_text(fact.figure, fact.statement), *context.cited(fact))))
    if role.entry_routes:
        lines.append(Labelled("Ways in", joined(role.entry_routes, "; ")))
    if role.related_roles:
        related = [context.role_link(other) for other in role.related_roles]
        lines.append(Labelled("Related roles", joined(related)))
    box = Box("Quick facts", tuple(lines), classes=("careerkb-quick-facts",))
    return View((box,), frozenset(shows))


def role_anchor(role_id: str) -> str:
    """The HTML id of a role's profile: stable, because it comes from the record's id."""
    return f"role-{role_id}"


@dataclass(frozen=True)
class RoleProfile(View):
    """What the job is and who it suits. The page holding it is where links to the role lead."""

    role_id: str = ""
    title: str = ""
    anchor: str = ""


def role_profile(context: Context, key: str) -> RoleProfile:
    kb = context.kb
    role = kb.role(key)
    body: list[Block] = []
    if role.aliases:
        names = [alias.name for alias in role.aliases]
        body.append(Labelled("Also called", joined(names), classes=("careerkb-aliases",)))
    body += _section("What they do", Paragraph((role.description,)))
    if role.duties:
        body.append(BulletList(tuple((duty,) for duty in role.duties), classes=("careerkb-duties",)))
    if role.toolkit:
        tools = [context.term_or_text(tool) for tool in role.toolkit]
        body += _section("Toolkit", Paragraph(joined(tools)))
    for title, text in (
        ("Who it suits", role.suits),
        ("Education and training", role.education),
        ("How to break in", role.break_in),
    ):
        if text:
            body += _section(title, Paragraph((text,)))
    if role.backgrounds:
        came_from = role.backgrounds
        body += _section(
            "Where people come from",
            BulletList(tuple((item,) for item in came_from.items), classes=("careerkb-backgrounds",)),
            Paragraph(
                ("As described by ", context.citation(came_from), "."), classes=("careerkb-source-note",)
            ),
        )
    if role.postings:
        body += _section(
            "How job posts describe it",
            Paragraph((role.postings.text,), classes=("careerkb-postings",)),
            Paragraph(
                ("Our paraphrase of postings, as summarised by ", context.citation(role.postings), "."),
                classes=("careerkb-source-note",),
            ),
        )
    if role.typical_day:
        body += _cited_list(context, "A typical day", role.typical_day, "careerkb-typical-day")
    # Only each source's title: a page listing a role's sources does not show their details.
    sources = [SourceLink(source_id, kb.source_title(source_id)) for source_id in role.sources]
    # Titles may contain commas: a semicolon keeps the list readable.
    body.append(Labelled("Based on", joined(sources, "; "), classes=("careerkb-source-note",)))
    return RoleProfile(
        tuple(body), shown("roles", role.id), role_id=role.id, title=role.title, anchor=role_anchor(role.id)
    )


def _section(title: str, *content: Block) -> list[Block]:
    return [Rubric(title, classes=("careerkb-rubric",)), *content]


def _cited_list(context: Context, title: str, points: CitedList, kind: str) -> list[Block]:
    return _section(
        title,
        BulletList(tuple((item,) for item in points.items), classes=(kind,)),
        Paragraph(("As described by ", context.citation(points), "."), classes=("careerkb-source-note",)),
    )


def career_ladder(context: Context, key: str) -> View:
    """The rungs of a role's ladder, and its branches."""
    role = context.kb.role(key)
    ladder = role.career_ladder
    if ladder is None:
        raise ViewProblem(f"the sources give no career ladder for {role.id!r}", empty=True)
    steps = tuple((" or ".join(step.titles),) for step in ladder.steps)
    body: list[Block] = [BulletList(steps, enumerated=True, classes=("careerkb-ladder",))]
    for branch in ladder.branches:
        body.append(
            Labelled(f"Branch to {branch.title}", (branch.description,), classes=("careerkb-branch",))
        )
    if ladder.note:
        body.append(Paragraph((ladder.note,)))
    body.append(Paragraph(("Source: ", context.citation(ladder)), classes=("careerkb-source-note",)))
    return View(tuple(body), shown("roles", role.id))


def learning_path(context: Context, key: str) -> View:
    """A role's path stage by stage where a source gives one; else its resources in the
    source's suggested order, then the rest."""
    role = context.kb.role(key)
    if role.learning_path is not None:
        return _staged_path(context, role)
    resources = context.kb.resources(role=role.id)
    if not resources:
        raise ViewProblem(f"the sources suggest no learning resources for {role.id!r}", empty=True)
    steps = sorted({r.order for r in resources if r.order is not None})
    groups = [
        (f"Step {number}", [r for r in resources if r.order == order])
        for number, order in enumerate(steps, 1)
    ]
    unordered = [r for r in resources if r.order is None]
    if unordered:
        groups.append(("At any point" if steps else "In no set order", unordered))
    # Resources the source puts at one place in its order make one step, not several "Step 1"s.
    items: list[Cell] = []
    for lead, group in groups:
        if len(group) == 1:
            items.append(_resource(context, group[0], f"{lead}: "))
        else:
            blocks = [block for resource in group for block in _resource(context, resource)]
            items.append((Paragraph((Strong(f"{lead}, any or all of these"),)), *blocks))
    listing = BulletList(tuple(items), classes=("careerkb-learning-path",))
    return View((listing,), shown("resources", *(r.id for r in resources)))


def _staged_path(context: Context, role: Role) -> View:
    path = role.learning_path
    assert path is not None
    items: list[Cell] = []
    for number, step in enumerate(path.steps, 1):
        names = [context.kb.resource_name(key) for key in step.resources]
        blocks: list[Block] = [Paragraph((Strong(f"{number}. {STAGE_NAMES[step.stage]}"), f": {step.text}"))]
        if names:
            blocks.append(Labelled("Named", joined([_resource_name(resource) for resource in names], "; ")))
        items.append(tuple(blocks))
    listing = BulletList(tuple(items), classes=("careerkb-learning-path", "careerkb-staged-path"))
    note = Paragraph(("Source: ", context.citation(path)), classes=("careerkb-source-note",))
    resource_ids = [key for step in path.steps for key in step.resources]
    return View((listing, note), shown("roles", role.id) | shown("resources", *resource_ids))


def _resource_name(resource: Resource | ResourceName) -> Span:
    return WebLink(resource.url, resource.name) if resource.url else resource.name


def _resource(context: Context, resource: Resource, lead: str = "") -> tuple[Block, ...]:
    details = f"{resource.provider} · {resource.kind.replace('-', ' ')} · cost: {cost_text(resource.cost)}"
    by = f" · taught by {resource.taught_by}" if resource.taught_by else ""
    name: Span = WebLink(resource.url, resource.name) if resource.url else Strong(resource.name)
    heading: Inline = (Strong(lead), name) if lead else (name,)
    return (
        Paragraph((*heading, f" — {details}{by}")),
        Paragraph((resource.description, *context.cited(resource))),
    )


def cost_text(cost: str) -> str:
    """What a resource costs, as a reader reads it."""
    return {"not-stated": "not stated by the source"}.get(cost, cost)


def interview_loop(context: Context, key: str) -> View:
    """The stages of a typical interview loop."""
    role = context.kb.role(key)
    loop = role.interview_loop
    if loop is None:
        raise ViewProblem(f"the sources describe no interview loop for {role.id!r}", empty=True)
    stages: list[Cell] = []
    for stage in loop.stages:
        length = f" ({stage.minutes} minutes)" if stage.minutes else ""
        stages.append((Paragraph((Strong(stage.name + length), f": {stage.description}")),))
    return View(
        (
            BulletList(tuple(stages), classes=("careerkb-interview-loop",)),
            Paragraph(("Source: ", context.citation(loop)), classes=("careerkb-source-note",)),
        ),
        shown("roles", role.id),
    )


def choose_if(context: Context, key: str | None = None) -> View:
    """Each role's "choose this if you..." criteria, by source; one role's, given its id."""
    roles = [context.kb.role(key)] if key else list(context.kb.roles)
    body: list[Block] = []
    for role in roles:
        if not role.choose_if:
            continue
        body.append(Paragraph((Strong(role_link(role)),), classes=("careerkb-choose-role",)))
        for criteria in role.choose_if:
            body.append(
                BulletList(tuple((item,) for item in criteria.items), classes=("careerkb-choose-if",))
            )
            body.append(
                Paragraph(("Source: ", context.citation(criteria)), classes=("careerkb-source-note",))
            )
    if not body:
        raise ViewProblem("the sources give no criteria for choosing these roles", empty=True)
    return View(tuple(body), shown("roles", *(role.id for role in roles)))
