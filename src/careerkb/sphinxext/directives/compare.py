"""```{careerkb:compare} machine-learning-engineer ai-engineer```: a matrix of two or more roles."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from careerkb.sphinxext.directives.base import CareerkbDirective
from careerkb.views import requests

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec


class CompareDirective(CareerkbDirective):
    """Two or more roles side by side: summary, status, where the line falls, skills, typical
    day, interview loop, demand, career ladder, then pay at aligned levels and the hybrid path."""

    argument = "two or more role ids"
    example = "machine-learning-engineer ai-engineer"
    option_spec: ClassVar[OptionSpec] = {}

    view = staticmethod(requests.compare)


def setup_compare(app: Sphinx) -> None:
    app.add_directive_to_domain("careerkb", "compare", CompareDirective)
