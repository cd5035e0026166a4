"""What every careerkb directive shares: the knowledge base and located warnings.

Subclasses implement :meth:`CareerkbDirective.render`. The final :meth:`run` turns the expected
failures (an unknown id, a bad option, a filter that matches nothing) into one warning at the
directive's page and line, so a contributor never sees a traceback.

A directive declares no dependencies: what it asks of the knowledge base is recorded as it runs
(see :mod:`careerkb.sphinxext.dependencies`), failures included, so a page that named a record
that did not exist yet is read again once it does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, final

from sphinx.util.docutils import SphinxDirective

from careerkb.knowledge import UnknownRecordError
from careerkb.models import LEVEL_ORDER, Level, Record
from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.freshness import build_inputs
from careerkb.sphinxext.store import knowledge
from careerkb.sphinxext.warnings import Subtype, warn

if TYPE_CHECKING:
    from docutils import nodes

    from careerkb.knowledge import KnowledgeBase
    from careerkb.models import Role


class DirectiveProblem(Exception):  # noqa: N818 - a problem report, like careerkb.Problem
    """A problem with how a directive is used; reported as a warning of ``subtype``."""

    def __init__(self, message: str, subtype: Subtype = Subtype.BAD_ARGUMENT) -> None:
        super().__init__(message)
        self.subtype = subtype


class CareerkbDirective(SphinxDirective):
    #: What the argument names, e.g. "a role id"; None when the directive takes no argument.
    argument: ClassVar[str | None] = None
    #: An example of the argument, for the message when it is missing.
    example: ClassVar[str] = ""
    #: True when the argument may be left out.
    argument_optional: ClassVar[bool] = False
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = False

    @final
    def run(self) -> list[nodes.Node]:
        kb = knowledge(self.config)
        if kb is None:
            # The data's own problems were reported when it loaded; asking is what makes the
            # page read again once it is fixed.
            build_inputs().data_loads()
            return []
        try:
            if self.argument and not self.arguments and not self.argument_optional:
                raise DirectiveProblem(f"needs {self.argument}, such as {self.example!r}")
            if not self.argument and self.arguments:
                raise DirectiveProblem(f"takes no argument, got {self.arguments[0]!r}")
            return self.render(kb)
        except UnknownRecordError as error:
            warn(f"{self.name}: {error}", Subtype.UNKNOWN_ID, self.get_location())
        except DirectiveProblem as problem:
            warn(f"{self.name}: {problem}", problem.subtype, self.get_location())
        return []

    def render(self, kb: KnowledgeBase) -> list[nodes.Node]:
        raise NotImplementedError

    # --- helpers for subclasses -------------------------------------------------------------

    def shows(self, collection: str, record: Record) -> None:
        """Note that this page shows ``record``, for the sources page and the coverage check."""
        careerkb_domain(self.env).note_render(collection, str(getattr(record, "id", "")))

    def roles_option(self, kb: KnowledgeBase, name: str = "role") -> list[Role]:
        """The roles named in a comma-separated option, or every role when it is absent."""
        value = self.options.get(name)
        if value is None:
            return list(kb.roles)
        keys = [key.strip() for key in value.split(",") if key.strip()]
        if not keys:
            raise DirectiveProblem(f"the :{name}: option is empty; name one or more roles")
        return [kb.role(key) for key in keys]

    def levels_option(self) -> list[Level] | None:
        value = self.options.get("level")
        if value is None:
            return None
        levels: list[Level] = []
        for key in (part.strip() for part in value.split(",")):
            match = next((level for level in LEVEL_ORDER if level == key), None)
            if match is None:
                raise DirectiveProblem(f"unknown level {key!r}; choose from {', '.join(LEVEL_ORDER)}")
            levels.append(match)
        return levels
