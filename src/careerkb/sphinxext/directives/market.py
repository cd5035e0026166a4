"""```{careerkb:market-facts}```: demand and market claims, each with its figure, period and source."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils.parsers.rst import directives

from careerkb.sphinxext.directives.base import CareerkbDirective
from careerkb.views import requests

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec


class MarketFactsDirective(CareerkbDirective):
    """Demand and market facts, each with its figure, period, whose data it rests on and source.

    Filter with ``:role:`` (comma-separated role ids) and ``:measure:``.
    """

    option_spec: ClassVar[OptionSpec] = {
        "role": directives.unchanged_required,
        "measure": directives.unchanged_required,
    }

    view = staticmethod(requests.market_facts)


class DisagreementsDirective(CareerkbDirective):
    """Where the sources disagree, found by comparing the data: pay at one level, or a market
    figure of one measure, for one role from two sources, further apart than the tolerance.

    Filter with ``:role:`` (comma-separated role ids); without it, every role. A role on which
    the sources agree gets a sentence saying so.
    """

    option_spec: ClassVar[OptionSpec] = {"role": directives.unchanged_required}

    view = staticmethod(requests.disagreements_table)


def setup_market(app: Sphinx) -> None:
    app.add_directive_to_domain("careerkb", "market-facts", MarketFactsDirective)
    app.add_directive_to_domain("careerkb", "disagreements", DisagreementsDirective)
