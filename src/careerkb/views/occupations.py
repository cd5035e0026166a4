"""Official statistics: the occupations a statistics office counts, beside the articles' roles.

The articles' pay bands come from surveys, job posts and reports; an occupation's figures come
from a national statistics office, for a wider group of jobs. The views keep the two apart and
say how each role relates to its occupations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerkb.format import number
from careerkb.views.content import BulletList, Cell, Labelled, Paragraph, Strong, Table
from careerkb.views.context import ViewProblem
from careerkb.views.model import View, shown

if TYPE_CHECKING:
    from careerkb.models import Occupation, Outlook, Relation
    from careerkb.views.content import Block, Inline
    from careerkb.views.context import Context

RELATION_WORDS: dict[Relation, str] = {
    "direct-match": "direct match",
    "nearest-parent": "nearest wider occupation",
}


def occupation_name(job: Occupation) -> str:
    """'Data Scientists (SOC 15-2051)'."""
    return f"{job.title} (SOC {job.soc})"


def growth(outlook: Outlook) -> str:
    """'+34% from 2024 to 2034 (Much faster than average)'."""
    sign = "+" if outlook.growth_percent > 0 else ""
    words = f" ({outlook.descriptor})" if outlook.descriptor else ""
    return f"{sign}{number(outlook.growth_percent)}% from {outlook.period.label}{words}"


def _count(value: int) -> str:
    return f"{value:,}"


def dollars(amount: int) -> str:
    """Official figures to the dollar, as the statistics office prints them: '$112,590'."""
    return f"${amount:,}"


def _outlook_lines(outlook: Outlook, prefix: str = "") -> list[Block]:
    lines: list[Block] = [
        Labelled(f"{prefix}Jobs", (f"{_count(outlook.jobs)} in {outlook.period.start.label}",)),
        Labelled(f"{prefix}Projected growth", (growth(outlook),)),
    ]
    if outlook.openings_per_year:
        lines.append(Labelled(f"{prefix}Openings a year", (f"about {_count(outlook.openings_per_year)}",)))
    return lines


def _pay_spread(job: Occupation) -> str:
    spread = ""
    if job.p10 is not None and job.p90 is not None:
        spread = f"; lowest tenth under {dollars(job.p10)}, highest tenth over {dollars(job.p90)}"
    return f"{dollars(job.median_pay)} median a year ({job.pay_as_of.label}){spread}"


def occupation_facts(context: Context, job: Occupation) -> tuple[Block, ...]:
    """One occupation's statistics, each line cited."""
    lines: list[Block] = [
        Paragraph((Strong(occupation_name(job)), " — ", job.summary)),
        Labelled("Median pay", (_pay_spread(job),)),
        Labelled("Typical entry education", (job.entry_education,)),
        *_outlook_lines(job.outlook),
    ]
    if job.group_outlook is not None:
        group = job.group_outlook
        lines.append(
            Paragraph(
                (f"Reported only for the whole group, {group.group}:",),
                classes=("careerkb-group-note",),
            )
        )
        lines += _outlook_lines(group)
    lines.append(Paragraph(("Source: ", context.citation(job)), classes=("careerkb-source-note",)))
    return tuple(lines)


def official_statistics(context: Context, key: str) -> View:
    """The official occupations nearest a role, with how near each one is and why."""
    kb = context.kb
    role = kb.role(key)
    if not role.occupations:
        raise ViewProblem(f"no official occupation is linked to {role.id!r}", empty=True)
    items: list[Cell] = []
    for link in role.occupations:
        job = kb.occupation(link.occupation)
        relation = Paragraph((Strong(RELATION_WORDS[link.relation].capitalize()), f": {link.reason}"))
        items.append((*occupation_facts(context, job), relation))
    note = Paragraph(
        (
            "These are government statistics for a wider group of jobs, not the survey and report "
            "figures the articles give for this role: they measure a different thing.",
        ),
        classes=("careerkb-official-note",),
    )
    listing = BulletList(tuple(items), classes=("careerkb-official-statistics",))
    jobs = shown("occupations", *(link.occupation for link in role.occupations))
    return View((note, listing), shown("roles", role.id) | jobs)


def occupations_table(context: Context) -> View:
    """Every occupation side by side, with the roles that link to it."""
    kb = context.kb
    linked: dict[str, list[Inline]] = {}
    for link in kb.occupation_links():
        linked.setdefault(link.occupation, []).append(
            (context.role_link(link.role), f" ({RELATION_WORDS[link.relation]})")
        )
    if not kb.occupations:
        raise ViewProblem("the data holds no official occupations", empty=True)
    rows: list[tuple[Cell, ...]] = []
    for job in kb.occupations:
        outlook = job.group_outlook or job.outlook
        scope = f" (whole group: {job.group_outlook.group})" if job.group_outlook else ""
        roles_cell: list[Block] = [Paragraph(spans) for spans in linked.get(job.id, [])] or [
            Paragraph(("—",))
        ]
        rows.append(
            (
                (job.title,),
                (job.soc,),
                (dollars(job.median_pay), *context.cited(job)),
                (f"{dollars(job.p10)}–{dollars(job.p90)}" if job.p10 and job.p90 else "—",),
                (job.entry_education,),
                (growth(job.outlook),),
                (f"{_count(outlook.openings_per_year)}{scope}" if outlook.openings_per_year else "—",),
                tuple(roles_cell),
            )
        )
    table = Table(
        (
            "Occupation",
            "SOC code",
            "Median pay",
            "Lowest to highest tenth",
            "Entry education",
            "Projected growth",
            "Openings a year",
            "careerkb roles",
        ),
        tuple(rows),
        classes=("careerkb-occupations", "careerkb-sortable"),
    )
    return View((table,), shown("occupations", *(job.id for job in kb.occupations)))
