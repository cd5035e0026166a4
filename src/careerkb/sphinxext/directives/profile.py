"""A role's page: the quick-facts box and the profile, in the spirit of an occupational handbook."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx import addnodes

from careerkb.format import figure_label
from careerkb.sphinxext.backlinks import terms_used
from careerkb.sphinxext.directives.base import CareerkbDirective
from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.render import (
    bullet_list,
    cited,
    joined,
    labelled,
    paragraph,
    pay_cell,
    role_link,
    source_link,
    source_ref,
    term_or_text,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec

    from careerkb.knowledge import KnowledgeBase
    from careerkb.models import Role


def role_anchor(role: Role) -> str:
    return f"role-{role.id}"


class QuickFactsDirective(CareerkbDirective):
    """```{careerkb:quick-facts} ai-engineer``` — the essentials of a role at a glance."""

    argument = "a role id"
    example = "ai-engineer"
    option_spec: ClassVar[OptionSpec] = {}

    def render(self, kb: KnowledgeBase) -> list[nodes.Node]:
        role = kb.role(self.arguments[0])
        self.shows("roles", role)
        box = nodes.topic(classes=["careerkb-quick-facts"])
        box += nodes.title("Quick facts", "Quick facts")
        box += labelled("In one line", role.summary)
        box += labelled("Status", role.status.value.replace("-", " "), *cited(kb, role.status))
        band = kb.entry_pay(role.id)
        if band is not None:
            self.shows("salary_bands", band)
            box += labelled("Entry pay", pay_cell(band), " total compensation", *cited(kb, band))
        fact = kb.headline_fact(role.id)
        if fact is not None and fact.figure is not None:
            self.shows("market_facts", fact)
            box += labelled("Demand", f"{figure_label(fact.figure)}: {fact.statement}", *cited(kb, fact))
        if role.entry_routes:
            box += labelled("Ways in", *joined(role.entry_routes, "; "))
        if role.related_roles:
            related = [kb.role(other) for other in role.related_roles]
            box += labelled("Related roles", *joined(role_link(other) for other in related))
        return [box]


class RoleProfileDirective(CareerkbDirective):
    """```{careerkb:role-profile} machine-learning-engineer``` — what the job is and who it suits.

    The page holding a role's profile is where every link to the role leads.
    """

    argument = "a role id"
    example = "machine-learning-engineer"
    option_spec: ClassVar[OptionSpec] = {}

    def render(self, kb: KnowledgeBase) -> list[nodes.Node]:
        role = kb.role(self.arguments[0])
        self.shows("roles", role)
        anchor = role_anchor(role)
        target = nodes.target("", "", ids=[anchor])
        self.state.document.note_explicit_target(target)
        careerkb_domain(self.env).note_object("role", role.id, anchor, target)
        index = addnodes.index(entries=[("single", f"{role.title}; job role", anchor, "main", None)])
        body: list[nodes.Node] = [index, target]

        if role.aliases:
            names = [alias.name for alias in role.aliases]
            body.append(labelled("Also called", *joined(names), classes=["careerkb-aliases"]))
        body += _section("What they do", paragraph(role.description))
        if role.duties:
            body.append(bullet_list(role.duties, classes=["careerkb-duties"]))
        if role.toolkit:
            tools = [term_or_text(kb, tool) for tool in role.toolkit]
            body += _section("Toolkit", paragraph(*joined(tools)))
        if role.suits:
            body += _section("Who it suits", paragraph(role.suits))
        if role.education:
            body += _section("Education and training", paragraph(role.education))
        if role.break_in:
            body += _section("How to break in", paragraph(role.break_in))
        if role.typical_day:
            day = role.typical_day
            body += _section(
                "A typical day",
                bullet_list(day.items, classes=["careerkb-typical-day"]),
                paragraph("As described by ", source_link(kb, day), ".", classes=["careerkb-source-note"]),
            )
        sources = [source_ref(source.id, source.title) for source in map(kb.source, role.sources)]
        # Titles may contain commas: a semicolon keeps the list readable.
        body.append(labelled("Based on", *joined(sources, "; "), classes=["careerkb-source-note"]))
        body.append(terms_used())
        return body


def _section(title: str, *content: nodes.Node) -> list[nodes.Node]:
    return [nodes.rubric(title, title, classes=["careerkb-rubric"]), *content]


def setup_profile(app: Sphinx) -> None:
    app.add_directive_to_domain("careerkb", "quick-facts", QuickFactsDirective)
    app.add_directive_to_domain("careerkb", "role-profile", RoleProfileDirective)
