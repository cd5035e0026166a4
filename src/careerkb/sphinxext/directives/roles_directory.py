"""```{careerkb:roles-directory}```: every role in one table, in the spirit of an occupation finder."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from careerkb.sphinxext.directives.base import CareerkbDirective
from careerkb.views import requests

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec


class RolesDirectoryDirective(CareerkbDirective):
    """Role, status, entry pay and headline demand figure, each figure with its source."""

    option_spec: ClassVar[OptionSpec] = {}

    view = staticmethod(requests.roles_directory)


def setup_roles_directory(app: Sphinx) -> None:
    app.add_directive_to_domain("careerkb", "roles-directory", RolesDirectoryDirective)
