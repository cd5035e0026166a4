"""Figures that have aged: a warning at build time naming the record and its file, and a visible
"may be out of date" note next to every citation of it on the pages.

``careerkb_max_age_days`` sets how old an as-of date may be (default: two years).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from careerkb.sphinxext.store import knowledge
from careerkb.sphinxext.warnings import Subtype, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from careerkb.knowledge import KnowledgeBase
    from careerkb.models import Cited

DEFAULT_MAX_AGE_DAYS = 730

# The oldest as-of date that still counts as current, per loaded knowledge base.
_cutoffs: dict[int, dt.date] = {}


def is_stale(kb: KnowledgeBase, record: Cited) -> bool:
    cutoff = _cutoffs.get(id(kb))
    return cutoff is not None and record.as_of.date < cutoff


def _check(app: Sphinx) -> None:
    kb = knowledge(app.config)
    if kb is None:
        return
    max_age = app.config.careerkb_max_age_days
    if not max_age:
        _cutoffs.pop(id(kb), None)
        return
    cutoff = dt.date.today() - dt.timedelta(days=max_age)
    _cutoffs[id(kb)] = cutoff
    for collection in ("salary_bands", "market_facts"):
        for record, origin in kb.entries[collection]:
            figure: Cited = record  # type: ignore[assignment]
            if figure.as_of.date < cutoff:
                warn(
                    f"{collection}[{getattr(record, 'id', '')}] is as of {figure.as_of.label}, more than "
                    f"{max_age} days ago: check it against a newer source",
                    Subtype.STALE,
                    f"{origin.document.path}:{origin.line}",
                )


def setup_freshness(app: Sphinx) -> None:
    app.add_config_value("careerkb_max_age_days", DEFAULT_MAX_AGE_DAYS, "env", types=frozenset({int}))
    app.connect("builder-inited", _check, priority=600)  # after the store has loaded the data
