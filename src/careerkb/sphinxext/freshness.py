"""Figures that have aged: a warning at build time naming the record and its file, and a visible
"may be out of date" note next to every citation of it on the pages.

``careerkb_max_age_days`` sets how old an as-of date may be (default: two years), and
``careerkb_today`` the date a build counts from (default: the day it runs), so that a test or a
reproducible build can fix it. Both reach the pages only through :class:`BuildInputs`, whose
answers are recorded like the data's: when the clock moves past a figure's cut-off, exactly the
pages citing that figure are read again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from careerkb.recording import query, record_digest
from careerkb.sphinxext.store import knowledge
from careerkb.sphinxext.warnings import Subtype, warn

if TYPE_CHECKING:
    from pydantic import BaseModel
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from careerkb.models import Cited

DEFAULT_MAX_AGE_DAYS = 730


@dataclass(frozen=True)
class BuildInputs:
    """What a page may depend on besides the data: the date, the settings, whether data loaded."""

    answerer: ClassVar[str] = "build"

    today: dt.date
    max_age_days: int
    data_loaded: bool

    @classmethod
    def of(cls, config: Config, *, data_loaded: bool) -> BuildInputs:
        fixed = config.careerkb_today
        today = dt.date.fromisoformat(fixed) if fixed else dt.date.today()
        return cls(today=today, max_age_days=config.careerkb_max_age_days, data_loaded=data_loaded)

    @property
    def cutoff(self) -> dt.date | None:
        """The oldest as-of date that still counts as current; None when the check is off."""
        if not self.max_age_days:
            return None
        return self.today - dt.timedelta(days=self.max_age_days)

    @query
    def is_stale(self, as_of: dt.date) -> bool:
        """Whether a figure as of ``as_of`` is older than the settings allow."""
        cutoff = self.cutoff
        return cutoff is not None and as_of < cutoff

    @query
    def data_loads(self) -> bool:
        """Whether the data loaded: asked by pages that had none to show."""
        return self.data_loaded

    def digest_of(self, record: BaseModel) -> str:
        return record_digest(record)


_inputs: dict[str, BuildInputs] = {}


def build_inputs() -> BuildInputs:
    """This build's inputs (set when the builder starts)."""
    return _inputs["current"]


def is_stale(record: Cited) -> bool:
    return build_inputs().is_stale(record.as_of.date)


def _check(app: Sphinx) -> None:
    kb = knowledge(app.config)
    inputs = _inputs["current"] = BuildInputs.of(app.config, data_loaded=kb is not None)
    cutoff = inputs.cutoff
    if kb is None or cutoff is None:
        return
    for collection in ("salary_bands", "market_facts"):
        for record, origin in kb.entries[collection]:
            figure: Cited = record  # type: ignore[assignment]
            if figure.as_of.date < cutoff:
                warn(
                    f"{collection}[{getattr(record, 'id', '')}] is as of {figure.as_of.label}, more than "
                    f"{inputs.max_age_days} days ago: check it against a newer source",
                    Subtype.STALE,
                    f"{origin.document.path}:{origin.line}",
                )


def setup_freshness(app: Sphinx) -> None:
    # Neither re-reads every page when it changes: the pages record what they asked of them.
    app.add_config_value("careerkb_max_age_days", DEFAULT_MAX_AGE_DAYS, "", types=frozenset({int}))
    app.add_config_value("careerkb_today", None, "", types=frozenset({str, type(None)}))
    app.connect("builder-inited", _check, priority=600)  # after the store has loaded the data
