"""The inline figure roles: ``{careerkb:figure}`mle-builders-median``` renders a salary band or a
market figure from the data as text, with its source and date, so prose never types a number;
``{careerkb:change}`prompt-engineer-postings-decline``` renders a change with its verb.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from careerkb.knowledge import UnknownRecordError
from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.render import citation, source_ref
from careerkb.sphinxext.store import build_state
from careerkb.sphinxext.warnings import Subtype, warn
from careerkb.views.figures import InlineFigure, inline_change, inline_figure

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from careerkb.views.context import Context


class FigureRole(SphinxRole):
    """A figure with its citation: '~$142K (CR Labs, The Builders, mid-2026)'."""

    view: ClassVar[staticmethod[[Context, str], InlineFigure]] = staticmethod(inline_figure)

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        state = build_state(self.env)
        if state.kb is None:
            state.data.loads()  # asked, so that the page is read again once the data loads
            return [nodes.inline(self.rawtext, self.text)], []
        try:
            view = type(self).view(state.context(state.kb), self.text.strip())
        except UnknownRecordError as error:
            warn(str(error), Subtype.UNKNOWN_ID, self.get_location())
            return [nodes.inline(self.rawtext, self.text, classes=["careerkb-figure-missing"])], []
        if view.problem:
            warn(view.problem, Subtype.BAD_ARGUMENT, self.get_location())
        careerkb_domain(self.env).note_render(view.collection, view.record_id)
        # As few nodes as the figure needs: a page may hold thousands, and every transform and
        # writer of the build walks each node (benchmarks/figure_roles.py measures the cost).
        cite = (
            citation(view.citation)
            if view.citation.stale
            else source_ref(view.citation.source_id, view.citation.text)
        )
        figure = nodes.inline(
            "",
            "",
            nodes.inline(view.value, view.value, classes=["careerkb-figure-value"]),
            nodes.Text(" ("),
            cite,
            nodes.Text(")"),
            classes=["careerkb-figure"],
        )
        return [figure], []


class ChangeRole(FigureRole):
    """A change with its verb and citation: 'fell by ~30% (CR Labs, The Builders, mid-2026)'.
    Write 'postings {careerkb:change}`id`', never 'postings grew by {careerkb:figure}`id`': the
    verb follows the figure's sign, so a correction from a rise to a fall still reads right."""

    view = staticmethod(inline_change)


def setup_figures(app: Sphinx) -> None:
    app.add_role_to_domain("careerkb", "figure", FigureRole())
    app.add_role_to_domain("careerkb", "change", ChangeRole())
