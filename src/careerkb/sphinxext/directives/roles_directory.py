"""```{careerkb:roles-directory}```: every role in one table, in the spirit of an occupation finder."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from careerkb.format import figure_label
from careerkb.sphinxext.directives.base import CareerkbDirective
from careerkb.sphinxext.render import Cell, cited, pay_cell, role_link, table, text

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec

    from careerkb.knowledge import KnowledgeBase


class RolesDirectoryDirective(CareerkbDirective):
    """Role, status, entry pay and headline demand figure, each figure with its source."""

    option_spec: ClassVar[OptionSpec] = {}

    def render(self, kb: KnowledgeBase) -> list[nodes.Node]:
        rows: list[list[Cell]] = []
        for role in sorted(kb.roles, key=lambda r: r.title.casefold()):
            self.shows("roles", role)
            band = kb.entry_pay(role.id)
            pay: Cell = "—"
            if band is not None:
                self.shows("salary_bands", band)
                pay = [pay_cell(band), *cited(kb, band)]
            demand: Cell = "—"
            fact = kb.headline_fact(role.id)
            if fact is not None and fact.figure is not None:
                self.shows("market_facts", fact)
                demand = [text(f"{figure_label(fact.figure)} — {fact.statement}"), *cited(kb, fact)]
            status = [text(role.status.value.replace("-", " ")), *cited(kb, role.status)]
            rows.append([[role_link(role)], role.summary, status, pay, demand])
        headers = ["Role", "In one line", "Status", "Entry pay", "Demand"]
        return [table(headers, rows, classes=["careerkb-roles-directory", "careerkb-sortable"])]


def setup_roles_directory(app: Sphinx) -> None:
    app.add_directive_to_domain("careerkb", "roles-directory", RolesDirectoryDirective)
