"""An inline figure: a salary band or market figure as text, with its citation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careerkb.format import band_label, change_phrase, figure_label
from careerkb.models import SalaryBand

if TYPE_CHECKING:
    from careerkb.views.content import Citation
    from careerkb.views.context import Context


@dataclass(frozen=True)
class InlineFigure:
    collection: str
    record_id: str
    value: str
    citation: Citation
    #: Set when the record states no figure, so its statement stands in for one.
    problem: str | None = None


def inline_figure(context: Context, record_id: str) -> InlineFigure:
    """'~$142K' and its citation, for ``{careerkb:figure}`mle-builders-median```."""
    record = context.kb.figure(record_id)
    if isinstance(record, SalaryBand):
        return InlineFigure("salary_bands", record.id, band_label(record), context.citation(record))
    if record.figure is not None:
        return InlineFigure("market_facts", record.id, figure_label(record.figure), context.citation(record))
    problem = f"market fact {record.id!r} states no figure; quote its statement instead"
    return InlineFigure("market_facts", record.id, record.statement, context.citation(record), problem)


def inline_change(context: Context, record_id: str) -> InlineFigure:
    """'grew by 340%' or 'fell by ~30%' and its citation, for ``{careerkb:change}`...```: the
    verb comes from the figure's sign, so a sentence reads right whichever way the figure went."""
    figure = inline_figure(context, record_id)
    record = context.kb.figure(record_id)
    phrase = None if isinstance(record, SalaryBand) or record.figure is None else change_phrase(record.figure)
    if phrase is None:
        problem = f"{record.id!r} is not a change (a percentage or a multiple); use careerkb:figure"
        return InlineFigure(figure.collection, record.id, figure.value, figure.citation, problem)
    return InlineFigure(figure.collection, record.id, phrase, figure.citation, figure.problem)
