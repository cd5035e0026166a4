"""How a role grows and how to get into it: career ladder, learning path, interview loop and the
sources' "choose this if you..." criteria."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from careerkb.sphinxext.directives.base import CareerkbDirective
from careerkb.views import requests

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec


class CareerLadderDirective(CareerkbDirective):
    """```{careerkb:career-ladder} mle``` — the rungs of a role's ladder, and its branches."""

    argument = "a role id"
    example = "machine-learning-engineer"
    option_spec: ClassVar[OptionSpec] = {}

    view = staticmethod(requests.career_ladder)


class LearningPathDirective(CareerkbDirective):
    """```{careerkb:learning-path} ai-engineer``` — resources in the source's suggested order."""

    argument = "a role id"
    example = "ai-engineer"
    option_spec: ClassVar[OptionSpec] = {}

    view = staticmethod(requests.learning_path)


class InterviewLoopDirective(CareerkbDirective):
    """```{careerkb:interview-loop} agentic-ai-developer``` — the stages of a typical loop."""

    argument = "a role id"
    example = "agentic-ai-developer"
    option_spec: ClassVar[OptionSpec] = {}

    view = staticmethod(requests.interview_loop)


class ChooseIfDirective(CareerkbDirective):
    """```{careerkb:choose-if}``` — each role's "choose this if you..." criteria, by source.

    Give a role id to show only that role's criteria; leave it out to show every role's.
    """

    argument = "a role id"
    example = "machine-learning-engineer"
    argument_optional = True
    option_spec: ClassVar[OptionSpec] = {}

    view = staticmethod(requests.choose_if)


def setup_pathways(app: Sphinx) -> None:
    app.add_directive_to_domain("careerkb", "career-ladder", CareerLadderDirective)
    app.add_directive_to_domain("careerkb", "learning-path", LearningPathDirective)
    app.add_directive_to_domain("careerkb", "interview-loop", InterviewLoopDirective)
    app.add_directive_to_domain("careerkb", "choose-if", ChooseIfDirective)
