"""Choosing a role: backgrounds matched to roles, the routes in, and the sources' plans."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from careerkb.sphinxext.directives.base import CareerkbDirective
from careerkb.views import requests

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec


class BackgroundsDirective(CareerkbDirective):
    """```{careerkb:backgrounds}``` — each starting point, the roles it leads to, and why."""

    option_spec: ClassVar[OptionSpec] = {}

    view = staticmethod(requests.backgrounds)


class RoutesDirective(CareerkbDirective):
    """```{careerkb:routes}``` — the ways in, and the roles each one opens."""

    option_spec: ClassVar[OptionSpec] = {}

    view = staticmethod(requests.routes)


class PlanDirective(CareerkbDirective):
    """```{careerkb:plan} choosing-five-step-plan``` — a source's plan of action, step by step.

    Leave the plan id out to show the first plan in the data.
    """

    argument = "a plan id"
    example = "choosing-five-step-plan"
    argument_optional = True
    option_spec: ClassVar[OptionSpec] = {}

    view = staticmethod(requests.plan)


def setup_choosing(app: Sphinx) -> None:
    app.add_directive_to_domain("careerkb", "backgrounds", BackgroundsDirective)
    app.add_directive_to_domain("careerkb", "routes", RoutesDirective)
    app.add_directive_to_domain("careerkb", "plan", PlanDirective)
