"""The inline figure role: ``{careerkb:figure}`mle-builders-median``` renders a salary band or a
market figure from the data as text, with its source and date, so prose never types a number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from careerkb.format import band_label, figure_label
from careerkb.knowledge import UnknownRecordError
from careerkb.models import SalaryBand
from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.freshness import build_inputs
from careerkb.sphinxext.render import cited
from careerkb.sphinxext.store import knowledge
from careerkb.sphinxext.warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class FigureRole(SphinxRole):
    """A figure with its citation: '~$142K (CR Labs, mid-2026)'."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        kb = knowledge(self.config)
        if kb is None:
            build_inputs().data_loads()  # asked, so that the page is read again once data loads
            return [nodes.inline(self.rawtext, self.text)], []
        try:
            record = kb.figure(self.text.strip())
        except UnknownRecordError as error:
            warn(str(error), Subtype.UNKNOWN_ID, self.get_location())
            return [nodes.inline(self.rawtext, self.text, classes=["careerkb-figure-missing"])], []
        collection = "salary_bands" if isinstance(record, SalaryBand) else "market_facts"
        careerkb_domain(self.env).note_render(collection, record.id)
        if isinstance(record, SalaryBand):
            shown = band_label(record)
        elif record.figure is not None:
            shown = figure_label(record.figure)
        else:
            message = f"market fact {record.id!r} states no figure; quote its statement instead"
            warn(message, Subtype.BAD_ARGUMENT, self.get_location())
            shown = record.statement
        figure = nodes.inline(classes=["careerkb-figure"])
        figure += nodes.inline(shown, shown, classes=["careerkb-figure-value"])
        figure += nodes.inline("", "", *cited(kb, record), classes=["careerkb-figure-source"])
        return [figure], []


def setup_figures(app: Sphinx) -> None:
    app.add_role_to_domain("careerkb", "figure", FigureRole())
