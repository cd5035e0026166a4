"""The inline figure role: ``{careerkb:figure}`mle-builders-median``` renders a salary band or a
market figure from the data as text, with its source and date, so prose never types a number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from careerkb.format import band_label, figure_label
from careerkb.knowledge import UnknownRecordError, closest
from careerkb.models import MarketFact, SalaryBand
from careerkb.sphinxext.dependencies import ANY_DATA, keys_shown_with
from careerkb.sphinxext.domain import careerkb_domain
from careerkb.sphinxext.render import cited
from careerkb.sphinxext.store import knowledge
from careerkb.sphinxext.warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from careerkb.knowledge import KnowledgeBase


def _find(kb: KnowledgeBase, record_id: str) -> SalaryBand | MarketFact:
    for band in kb.salary_bands():
        if band.id == record_id:
            return band
    try:
        return kb.market_fact(record_id)
    except UnknownRecordError:
        ids = [band.id for band in kb.salary_bands()] + [fact.id for fact in kb.market_facts()]
        raise UnknownRecordError("salary band or market fact", record_id, closest(record_id, ids)) from None


class FigureRole(SphinxRole):
    """A figure with its citation: '~$142K (CR Labs, mid-2026)'."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        kb = knowledge(self.config)
        if kb is None:
            careerkb_domain(self.env).note_reads([ANY_DATA])  # read again once the data is fixed
            return [nodes.inline(self.rawtext, self.text)], []
        try:
            record = _find(kb, self.text.strip())
        except UnknownRecordError as error:
            warn(str(error), Subtype.UNKNOWN_ID, self.get_location())
            careerkb_domain(self.env).note_reads([ANY_DATA])  # until the record exists
            return [nodes.inline(self.rawtext, self.text, classes=["careerkb-figure-missing"])], []
        collection = "salary_bands" if isinstance(record, SalaryBand) else "market_facts"
        domain = careerkb_domain(self.env)
        domain.note_render(collection, record.id)
        domain.note_reads(keys_shown_with(collection, record))
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
