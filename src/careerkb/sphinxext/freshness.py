"""Figures that have aged: a warning at build time naming the record and its file, and a visible
"may be out of date" note next to every citation of it on the pages.

``careerkb_max_age_days`` sets how old an as-of date may be (default: two years), and
``careerkb_today`` the date a build counts from (default: the day it runs), so that a test or a
reproducible build can fix it. The pages learn both only through the build's
:class:`~careerkb.clock.Clock`, whose answers are recorded like the data's: when the date moves
past a figure's cut-off, exactly the pages citing that figure are read again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerkb.sphinxext.store import build_state
from careerkb.sphinxext.warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from careerkb.models import Cited


def _check(app: Sphinx) -> None:
    state = build_state(app.env)
    cutoff = state.clock.cutoff
    if state.kb is None or cutoff is None:
        return
    for collection in ("salary_bands", "market_facts"):
        for record, origin in state.kb.entries[collection]:
            figure: Cited = record  # type: ignore[assignment]
            if figure.as_of.date < cutoff:
                warn(
                    f"{collection}[{getattr(record, 'id', '')}] is as of {figure.as_of.label}, more than "
                    f"{state.clock.max_age_days} days ago: check it against a newer source",
                    Subtype.STALE,
                    f"{origin.document.path}:{origin.line}",
                )


def setup_freshness(app: Sphinx) -> None:
    app.connect("builder-inited", _check, priority=600)  # after the store has loaded the data
