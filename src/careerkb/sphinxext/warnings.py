"""The one way the extension reports a problem: a Sphinx warning of type ``careerkb``.

Each warning has a subtype, so a project can silence one kind with
``suppress_warnings = ["careerkb.<subtype>"]``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

if TYPE_CHECKING:
    from docutils import nodes

logger = logging.getLogger("careerkb")


class Subtype(StrEnum):
    DATA = "data"
    """The data folder has a problem; the warning points at the data file and line."""
    UNKNOWN_ID = "unknown_id"
    """A page names a record that does not exist."""
    BAD_ARGUMENT = "bad_argument"
    """A directive or role is given something it cannot render: a missing or bad argument or option."""
    EMPTY = "empty"
    """A filter matched no records, so there is nothing to show."""
    NO_PAGE = "no_page"
    """A link names a record that no page describes."""
    DUPLICATE = "duplicate"
    """Two pages describe the same role or source."""
    STALE = "stale"
    """A figure is older than ``careerkb_max_age_days``."""
    NOT_RENDERED = "not_rendered"
    """A record appears on no page (when ``careerkb_require_all_rendered`` is on)."""
    GLOSSARY_PAGES = "glossary_pages"
    """A glossary split into pages of letters leaves a letter on no page, or shows it on two."""


def warn(message: str, subtype: Subtype, location: nodes.Node | tuple[str, int] | str | None) -> None:
    extra: dict[str, Any] = {"type": "careerkb", "subtype": subtype.value, "location": location}
    logger.warning(message, **extra)
