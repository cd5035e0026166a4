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


def setup_market(app: Sphinx) -> None:
    app.add_directive_to_domain("careerkb", "market-facts", MarketFactsDirective)
