"""The inline figure role: ``{careerkb:figure}`mle-builders-median``` renders a salary band or a
market figure from the data as text, with its source and date, so prose never types a number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from careerkb.knowledge import UnknownRecordError
from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.render import citation, source_ref
from careerkb.sphinxext.store import build_state
from careerkb.sphinxext.warnings import Subtype, warn
from careerkb.views.figures import inline_figure

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class FigureRole(SphinxRole):
    """A figure with its citation: '~$142K (CR Labs, The Builders, mid-2026)'."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        state = build_state(self.env)
        if state.kb is None:
            state.data.loads()  # asked, so that the page is read again once the data loads
            return [nodes.inline(self.rawtext, self.text)], []
        try:
            view = inline_figure(state.context(state.kb), self.text.strip())
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


def setup_figures(app: Sphinx) -> None:
    app.add_role_to_domain("careerkb", "figure", FigureRole())
