"""How a role grows and how to get into it: career ladder, learning path, interview loop and the
sources' "choose this if you..." criteria."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes

from careerkb.sphinxext.directives.base import CareerkbDirective, DirectiveProblem
from careerkb.sphinxext.render import bullet_list, cited, labelled, paragraph, role_link, source_link
from careerkb.sphinxext.warnings import Subtype

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec

    from careerkb.knowledge import KnowledgeBase


class CareerLadderDirective(CareerkbDirective):
    """```{careerkb:career-ladder} mle``` — the rungs of a role's ladder, and its branches."""

    argument = "a role id"
    example = "machine-learning-engineer"
    option_spec: ClassVar[OptionSpec] = {}

    def render(self, kb: KnowledgeBase) -> list[nodes.Node]:
        role = kb.role(self.arguments[0])
        self.shows("roles", role)
        ladder = role.career_ladder
        if ladder is None:
            raise DirectiveProblem(f"the sources give no career ladder for {role.id!r}", Subtype.EMPTY)
        steps = [" or ".join(step.titles) for step in ladder.steps]
        body: list[nodes.Node] = [bullet_list(steps, classes=["careerkb-ladder"], enumerated=True)]
        for branch in ladder.branches:
            body.append(
                labelled(f"Branch to {branch.title}", branch.description, classes=["careerkb-branch"])
            )
        if ladder.note:
            body.append(paragraph(ladder.note))
        body.append(paragraph("Source: ", source_link(kb, ladder), classes=["careerkb-source-note"]))
        return body


class LearningPathDirective(CareerkbDirective):
    """```{careerkb:learning-path} ai-engineer``` — resources in the source's suggested order."""

    argument = "a role id"
    example = "ai-engineer"
    option_spec: ClassVar[OptionSpec] = {}

    def render(self, kb: KnowledgeBase) -> list[nodes.Node]:
        role = kb.role(self.arguments[0])
        resources = kb.resources(role=role.id)
        if not resources:
            raise DirectiveProblem(
                f"the sources suggest no learning resources for {role.id!r}", Subtype.EMPTY
            )
        ordered = [r for r in resources if r.order is not None]
        others = [r for r in resources if r.order is None]
        items = []
        for resource in resources:
            self.shows("resources", resource)
        for resource in [*ordered, *others]:
            step = f"Step {resource.order}: " if resource.order else ""
            details = (
                f"{resource.provider} · {resource.kind.replace('-', ' ')} · cost: {_cost(resource.cost)}"
            )
            by = f" · taught by {resource.taught_by}" if resource.taught_by else ""
            items.append(
                [
                    paragraph(nodes.strong(step + resource.name, step + resource.name), f" — {details}{by}"),
                    paragraph(resource.description, *cited(kb, resource)),
                ]
            )
        return [bullet_list(items, classes=["careerkb-learning-path"])]


def _cost(cost: str) -> str:
    return {"not-stated": "not stated by the source"}.get(cost, cost)


class InterviewLoopDirective(CareerkbDirective):
    """```{careerkb:interview-loop} agentic-ai-developer``` — the stages of a typical loop."""

    argument = "a role id"
    example = "agentic-ai-developer"
    option_spec: ClassVar[OptionSpec] = {}

    def render(self, kb: KnowledgeBase) -> list[nodes.Node]:
        role = kb.role(self.arguments[0])
        self.shows("roles", role)
        loop = role.interview_loop
        if loop is None:
            raise DirectiveProblem(f"the sources describe no interview loop for {role.id!r}", Subtype.EMPTY)
        stages = []
        for stage in loop.stages:
            length = f" ({stage.minutes} minutes)" if stage.minutes else ""
            stages.append(
                paragraph(nodes.strong(stage.name + length, stage.name + length), f": {stage.description}")
            )
        return [
            bullet_list(stages, classes=["careerkb-interview-loop"]),
            paragraph("Source: ", source_link(kb, loop), classes=["careerkb-source-note"]),
        ]


class ChooseIfDirective(CareerkbDirective):
    """```{careerkb:choose-if}``` — each role's "choose this if you..." criteria, by source.

    Give a role id to show only that role's criteria; leave it out to show every role's.
    """

    argument = "a role id"
    example = "machine-learning-engineer"
    argument_optional = True
    option_spec: ClassVar[OptionSpec] = {}

    def render(self, kb: KnowledgeBase) -> list[nodes.Node]:
        roles = [kb.role(self.arguments[0])] if self.arguments else list(kb.roles)
        body: list[nodes.Node] = []
        for role in roles:
            self.shows("roles", role)
            if not role.choose_if:
                continue
            body.append(paragraph(nodes.strong("", "", role_link(role)), classes=["careerkb-choose-role"]))
            for criteria in role.choose_if:
                body.append(bullet_list(criteria.items, classes=["careerkb-choose-if"]))
                body.append(
                    paragraph("Source: ", source_link(kb, criteria), classes=["careerkb-source-note"])
                )
        if not body:
            raise DirectiveProblem("the sources give no criteria for choosing these roles", Subtype.EMPTY)
        return body


def setup_pathways(app: Sphinx) -> None:
    app.add_directive_to_domain("careerkb", "career-ladder", CareerLadderDirective)
    app.add_directive_to_domain("careerkb", "learning-path", LearningPathDirective)
    app.add_directive_to_domain("careerkb", "interview-loop", InterviewLoopDirective)
    app.add_directive_to_domain("careerkb", "choose-if", ChooseIfDirective)
