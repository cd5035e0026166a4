"""A role's page: the quick-facts box and the profile, in the spirit of an occupational handbook."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx import addnodes

from careerkb.sphinxext.backlinks import terms_used
from careerkb.sphinxext.directives.base import CareerkbDirective
from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.warnings import Subtype, warn
from careerkb.views import requests

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec

    from careerkb.views import Context


class QuickFactsDirective(CareerkbDirective):
    """```{careerkb:quick-facts} ai-engineer``` — the essentials of a role at a glance."""

    argument = "a role id"
    example = "ai-engineer"
    option_spec: ClassVar[OptionSpec] = {}

    view = staticmethod(requests.quick_facts)


class RoleProfileDirective(CareerkbDirective):
    """```{careerkb:role-profile} machine-learning-engineer``` — what the job is and who it suits.

    The page holding a role's profile is where every link to the role leads.
    """

    argument = "a role id"
    example = "machine-learning-engineer"
    option_spec: ClassVar[OptionSpec] = {}

    view = staticmethod(requests.role_profile)

    def render(self, context: Context) -> list[nodes.Node]:
        profile = requests.role_profile(context, self.request())
        anchor = profile.anchor
        first = self.state.document.ids.get(anchor)
        if first is not None:
            # Docutils would report a "Duplicate ID" with no line and render the profile twice.
            where = f" (line {first.line})" if first.line else ""
            warn(
                f"{self.name}: the profile of role {profile.role_id!r} is already on this page{where}; "
                "a role's profile appears once, where links to the role lead",
                Subtype.DUPLICATE,
                self.get_location(),
            )
            return []
        target = nodes.target("", "", ids=[anchor])
        self.set_source_info(target)
        self.state.document.note_explicit_target(target)
        careerkb_domain(self.env).note_object("role", profile.role_id, anchor, target)
        index = addnodes.index(entries=[("single", f"{profile.title}; job role", anchor, "main", None)])
        return [index, target, *self.rendered(profile), terms_used()]


def setup_profile(app: Sphinx) -> None:
    app.add_directive_to_domain("careerkb", "quick-facts", QuickFactsDirective)
    app.add_directive_to_domain("careerkb", "role-profile", RoleProfileDirective)
