"""```{careerkb:market-facts}```: demand and market claims, each with its figure, period and source."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, get_args

from docutils import nodes
from docutils.parsers.rst import directives

from careerkb.format import figure_label
from careerkb.knowledge import closest
from careerkb.models import Measure
from careerkb.sphinxext.directives.base import CareerkbDirective, DirectiveProblem
from careerkb.sphinxext.render import bullet_list, paragraph, source_link
from careerkb.sphinxext.warnings import Subtype

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec

    from careerkb.knowledge import KnowledgeBase

MEASURES: tuple[str, ...] = get_args(Measure)


class MarketFactsDirective(CareerkbDirective):
    """Demand and market facts, each with its figure, period, whose data it rests on and source.

    Filter with ``:role:`` (comma-separated role ids) and ``:measure:``.
    """

    option_spec: ClassVar[OptionSpec] = {
        "role": directives.unchanged_required,
        "measure": directives.unchanged_required,
    }

    def render(self, kb: KnowledgeBase) -> list[nodes.Node]:
        chosen = self.roles_option(kb)
        roles = {role.id for role in chosen}
        measure = self.options.get("measure")
        if measure is not None and measure not in MEASURES:
            near = closest(measure, MEASURES, limit=1)
            hint = f"; did you mean {near[0]!r}?" if near else f"; choose from {', '.join(MEASURES)}"
            raise DirectiveProblem(f"unknown measure {measure!r}{hint}")
        facts = [
            fact
            for fact in kb.market_facts()
            if roles & set(fact.roles) and (measure is None or fact.measure == measure)
        ]
        if not facts:
            raise DirectiveProblem("the filter matches no market facts", Subtype.EMPTY)
        items = []
        for fact in facts:
            self.shows("market_facts", fact)
            parts: list[str | nodes.Node] = []
            if fact.figure is not None:
                label = figure_label(fact.figure)
                parts += [nodes.strong(label, label, classes=["careerkb-figure-value"]), " — "]
            parts.append(fact.statement)
            details = [f"period: {fact.period.label}"] if fact.period else []
            if fact.reported_by:
                details.append(f"data: {fact.reported_by}")
            parts += [" (", *(f"{detail}; " for detail in details), source_link(kb, fact), ")"]
            items.append(paragraph(*parts))
        return [bullet_list(items, classes=["careerkb-market-facts"])]


def setup_market(app: Sphinx) -> None:
    app.add_directive_to_domain("careerkb", "market-facts", MarketFactsDirective)
