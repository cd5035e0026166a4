"""How old a figure may be: the date a reader counts from, and the age allowed.

Whether a figure is out of date is a question like any other the views ask, so it is a recorded
query (:mod:`careerkb.recording`): when the date moves past a figure's cut-off, exactly what
showed that figure is out of date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from careerkb.recording import Answerer, query

#: Two years: sources in this field are rarely still right after that.
DEFAULT_MAX_AGE_DAYS = 730


@dataclass(frozen=True)
class Clock(Answerer):
    """The date to count from and the age a figure may reach; 0 days turns the check off.

    >>> clock = Clock(today=dt.date(2028, 8, 1), max_age_days=730)
    >>> clock.is_stale(dt.date(2026, 7, 1)), clock.is_stale(dt.date(2027, 1, 1))
    (True, False)
    >>> Clock(today=dt.date(2028, 8, 1), max_age_days=0).is_stale(dt.date(1999, 1, 1))
    False
    """

    answerer: ClassVar[str] = "clock"

    today: dt.date
    max_age_days: int = DEFAULT_MAX_AGE_DAYS

    @property
    def cutoff(self) -> dt.date | None:
        """The oldest as-of date that still counts as current; None when the check is off."""
        if not self.max_age_days:
            return None
        return self.today - dt.timedelta(days=self.max_age_days)

    @query
    def is_stale(self, as_of: dt.date) -> bool:
        """Whether a figure as of ``as_of`` is older than allowed."""
        cutoff = self.cutoff
        return cutoff is not None and as_of < cutoff


#: For readers that never mark a figure as out of date (the command line shows the as-of date).
TIMELESS = Clock(today=dt.date.min, max_age_days=0)
