"""What every careerkb directive shares: the build's views, and located warnings.

A subclass implements :meth:`CareerkbDirective.render`: it asks a view (:mod:`careerkb.views`)
for what to show and turns it into nodes, usually with :meth:`CareerkbDirective.rendered`. The
final :meth:`run` turns the expected failures (an unknown id, a bad option, a filter that
matches nothing) into one warning at the directive's page and line, so a contributor never
sees a traceback.

A directive declares no dependencies: what its view asks of the knowledge base is recorded as
it runs (see :mod:`careerkb.sphinxext.dependencies`), failures included, so a page that named
a record that did not exist yet is read again once it does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, final

from sphinx.util.docutils import SphinxDirective

from careerkb.knowledge import UnknownRecordError
from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.render import blocks
from careerkb.sphinxext.store import build_state
from careerkb.sphinxext.warnings import Subtype, warn
from careerkb.views import ViewProblem
from careerkb.views.requests import Request

if TYPE_CHECKING:
    from docutils import nodes

    from careerkb.views import Context, View


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
    #: The view the directive shows, from :mod:`careerkb.views.requests`.
    view: ClassVar[staticmethod[[Context, Request], View]]

    @final
    def run(self) -> list[nodes.Node]:
        state = build_state(self.env)
        if state.kb is None:
            # The data's own problems were reported when it loaded; asking is what makes the
            # page read again once it is fixed.
            state.data.loads()
            return []
        try:
            if self.argument and not self.arguments and not self.argument_optional:
                raise ViewProblem(f"needs {self.argument}, such as {self.example!r}")
            if not self.argument and self.arguments:
                raise ViewProblem(f"takes no argument, got {self.arguments[0]!r}")
            return self.render(state.context(state.kb))
        except UnknownRecordError as error:
            warn(f"{self.name}: {error}", Subtype.UNKNOWN_ID, self.get_location())
        except ViewProblem as problem:
            subtype = Subtype.EMPTY if problem.empty else Subtype.BAD_ARGUMENT
            warn(f"{self.name}: {problem}", subtype, self.get_location())
        return []

    def render(self, context: Context) -> list[nodes.Node]:
        """The directive's nodes: by default, its view's blocks."""
        return self.rendered(type(self).view(context, self.request()))

    # --- helpers for subclasses -------------------------------------------------------------

    def request(self) -> Request:
        """The directive as written: what its view is asked for."""
        return Request(self.arguments[0] if self.arguments else None, dict(self.options))

    def rendered(self, view: View) -> list[nodes.Node]:
        """The view's blocks as nodes; the page is noted as showing the view's records."""
        self.shows(view)
        return blocks(view.blocks)

    def shows(self, view: View) -> None:
        """Note the view's records as shown on this page, for the sources page and the coverage check."""
        domain = careerkb_domain(self.env)
        for collection, record_id in sorted(view.shows):
            domain.note_render(collection, record_id)
