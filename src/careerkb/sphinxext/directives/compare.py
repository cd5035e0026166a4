"""```{careerkb:compare} machine-learning-engineer ai-engineer```: a matrix of two or more roles.

Rows: the one-line summary, status, where the line falls (when a source draws it), each skill
area, typical day, interview loop, pay at aligned levels, demand and the career ladder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes

from careerkb.format import figure_label
from careerkb.sphinxext.directives.base import CareerkbDirective, DirectiveProblem
from careerkb.sphinxext.directives.salary_table import pay_rows
from careerkb.sphinxext.render import (
    Cell,
    bullet_list,
    cited,
    joined,
    labelled,
    paragraph,
    role_link,
    source_link,
    table,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec

    from careerkb.knowledge import KnowledgeBase
    from careerkb.models import Role


class CompareDirective(CareerkbDirective):
    """Two or more roles side by side: summary, status, where the line falls, skills, typical
    day, interview loop, demand, career ladder, then pay at aligned levels and the hybrid path."""

    argument = "two or more role ids"
    example = "machine-learning-engineer ai-engineer"
    option_spec: ClassVar[OptionSpec] = {}

    def render(self, kb: KnowledgeBase) -> list[nodes.Node]:
        roles = [kb.role(key) for key in self.arguments[0].replace(",", " ").split()]
        if len({role.id for role in roles}) != len(roles) or len(roles) < 2:
            raise DirectiveProblem(f"needs two or more different roles, got {self.arguments[0]!r}")
        for role in roles:
            self.shows("roles", role)
        rows: list[list[Cell]] = [
            ["In one line", *(role.summary for role in roles)],
            [
                "Status",
                *([nodes.Text(r.status.value.replace("-", " ")), *cited(kb, r.status)] for r in roles),
            ],
        ]
        after: list[nodes.Node] = []
        if len(roles) == 2:
            comparison = kb.comparison(roles[0].id, roles[1].id)
            if comparison is not None:
                self.shows("comparisons", comparison)
                label = [nodes.Text(comparison.headline), *cited(kb, comparison)]
                rows.append([label, *(comparison.sides[role.id] for role in roles)])
                if comparison.hybrid:
                    after.append(
                        labelled(
                            "Doing both",
                            comparison.hybrid,
                            *cited(kb, comparison),
                            classes=["careerkb-hybrid"],
                        )
                    )
        for area in kb.skills:
            if all(role.id in area.by_role for role in roles):
                self.shows("skills", area)
                rows.append([[nodes.Text(area.area), *cited(kb, area)], *(area.by_role[r.id] for r in roles)])
        rows.append(["Typical day", *(self._typical_day(kb, role) for role in roles)])
        rows.append(["Interview loop", *(self._interview(kb, role) for role in roles)])
        rows.append(["Demand", *(self._demand(kb, role) for role in roles)])
        rows.append(["Career ladder", *(self._ladder(kb, role) for role in roles)])
        matrix = table(
            ["Aspect", *(role.title for role in roles)],
            rows,
            classes=["careerkb-compare"],
            title=" vs ".join(role.title for role in roles),
        )
        header_links = labelled(
            "Profiles", *joined(map(role_link, roles)), classes=["careerkb-compare-links"]
        )
        return [header_links, matrix, *self._pay(kb, roles), *after]

    def _typical_day(self, kb: KnowledgeBase, role: Role) -> Cell:
        if role.typical_day is None:
            return "Not described by the sources."
        return [bullet_list(role.typical_day.items), paragraph(source_link(kb, role.typical_day))]

    def _interview(self, kb: KnowledgeBase, role: Role) -> Cell:
        loop = role.interview_loop
        if loop is None:
            return "Not described by the sources."
        stages = [
            f"{stage.name}" + (f" ({stage.minutes} min)" if stage.minutes else "") for stage in loop.stages
        ]
        return [bullet_list(stages), paragraph(source_link(kb, loop))]

    def _demand(self, kb: KnowledgeBase, role: Role) -> Cell:
        facts = kb.market_facts(role=role.id)
        if not facts:
            return "No figures in the sources."
        items: list[Cell] = []
        for fact in facts:
            self.shows("market_facts", fact)
            figure = f"{figure_label(fact.figure)}: " if fact.figure else ""
            items.append([nodes.Text(figure + fact.statement), *cited(kb, fact)])
        return [bullet_list(items)]

    def _ladder(self, kb: KnowledgeBase, role: Role) -> Cell:
        ladder = role.career_ladder
        if ladder is None:
            return "Not described by the sources."
        steps = " → ".join(" or ".join(step.titles) for step in ladder.steps)
        return [paragraph(steps), paragraph(source_link(kb, ladder))]

    def _pay(self, kb: KnowledgeBase, roles: list[Role]) -> list[nodes.Node]:
        bands = [band for role in roles for band in kb.salary_bands(role=role.id)]
        if not bands:
            return []
        for band in bands:
            self.shows("salary_bands", band)
        headers = ["Level", *(role.title for role in roles), "Source"]
        return [table(headers, pay_rows(kb, roles, bands), classes=["careerkb-salary-table"], title="Pay")]


def setup_compare(app: Sphinx) -> None:
    app.add_directive_to_domain("careerkb", "compare", CompareDirective)
