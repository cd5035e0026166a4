"""The careers map: the tiers of AI work, each tier's roles, and the official occupations
beside them."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from careerkb.sphinxext.directives.base import CareerkbDirective
from careerkb.sphinxext.directives.chart import drawing_node
from careerkb.sphinxext.render import block
from careerkb.views import requests

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec

    from careerkb.views import Context


class TiersDirective(CareerkbDirective):
    """```{careerkb:tiers}``` — the careers map: every tier and its roles, drawn, then as a
    table of what each tier is for."""

    option_spec: ClassVar[OptionSpec] = {}

    view = staticmethod(requests.tiers_overview)

    def render(self, context: Context) -> list[nodes.Node]:
        view = requests.tiers_overview(context, self.request())
        self.shows(view)
        # The table that follows holds the same map, so the caption need not repeat it.
        node = drawing_node(
            view.data,
            kind="careers-map",
            alt=view.alt,
            caption="The careers map",
            alt_in_caption=False,
            scrolls=True,
        )
        self.set_source_info(node)
        return [node, *(block(item) for item in view.blocks)]


class TierDirective(CareerkbDirective):
    """```{careerkb:tier} safety``` — what a tier is for, and its roles with their rough pay."""

    argument = "a tier id"
    example = "infrastructure"
    option_spec: ClassVar[OptionSpec] = {}

    view = staticmethod(requests.tier_roles)


class OfficialStatisticsDirective(CareerkbDirective):
    """```{careerkb:official-statistics} mlops-engineer``` — the official occupations nearest a
    role, how near each is and why, kept apart from the articles' figures."""

    argument = "a role id"
    example = "mlops-engineer"
    option_spec: ClassVar[OptionSpec] = {}

    view = staticmethod(requests.official_statistics)


class OccupationsDirective(CareerkbDirective):
    """```{careerkb:occupations}``` — every official occupation side by side, with its roles."""

    option_spec: ClassVar[OptionSpec] = {}

    view = staticmethod(requests.occupations_table)


def setup_careers_map(app: Sphinx) -> None:
    app.add_directive_to_domain("careerkb", "tiers", TiersDirective)
    app.add_directive_to_domain("careerkb", "tier", TierDirective)
    app.add_directive_to_domain("careerkb", "official-statistics", OfficialStatisticsDirective)
    app.add_directive_to_domain("careerkb", "occupations", OccupationsDirective)
